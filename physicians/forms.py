"""Admin form of physician pages: only the clinic's own offices can be chosen."""

from wagtail.admin.forms import WagtailAdminPageForm


class PhysicianPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from clinics.models import Location

        anchor = self.instance if self.instance.pk else self.parent_page
        site = anchor.get_site() if anchor is not None else None
        self.fields["locations"].queryset = (
            Location.objects.filter(site=site) if site else Location.objects.none()
        )
