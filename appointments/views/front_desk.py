"""The front desk's own admin pages: today's and tomorrow's slots, and the slot tools' headers."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permissions import policy_registry

from clinic_pages.appointments.front_desk import agenda
from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.clinics.access import sites_for_user


class NeverCachedMixin:
    """Patients' details: no browser or proxy may keep a copy of the page."""

    @classmethod
    def as_view(cls, **initkwargs):
        return never_cache(super().as_view(**initkwargs))


class SlotToolMixin:
    """A slot tool's header: Home, Slots, then the tool, its title the page's heading."""

    index_url_name = None  # set by the viewset

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Slots")},
            {"url": "", "label": self.get_page_title()},
        ]


class SlotAgendaView(
    SlotToolMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Today's and tomorrow's slots at the user's offices, each booked (by which request) or
    free, each office's day and times on its own clock."""

    any_permission_required = ["add", "change", "delete", "view"]
    template_name = "clinic_pages/appointments/admin/slot_agenda.html"
    page_title = _("Today's and tomorrow's slots")
    header_icon = "time"
    model = None  # set by the viewset; its permission policy applies
    request_url_name = "appointment_requests:inspect"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        requests = policy_registry.get_by_type(AppointmentRequest)
        context.update(
            days=agenda(sites_for_user(self.request.user)),
            # Who holds a slot is the patient's name: only for those who may read requests.
            shows_patients=requests.user_has_permission(self.request.user, "view"),
        )
        return context
