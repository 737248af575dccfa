"""Admin form of physician pages: only the clinic's own offices and staff accounts can be chosen."""

from django.db.models import Q

from clinic_pages.clinics.access import users_for_site
from clinic_pages.clinics.forms import ClinicPageForm


class PhysicianPageForm(ClinicPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        site = self.clinic_site
        if "account" in self.fields:
            # The account signs clinical reviews for this clinic, so it must be one of the
            # clinic's own staff; the current one stays choosable so an edit never breaks.
            account_field = self.fields["account"]
            staff = users_for_site(site).values("pk") if site else []
            account_field.queryset = account_field.queryset.filter(
                Q(pk__in=staff) | Q(pk=self.instance.account_id)
            ).order_by("username")
