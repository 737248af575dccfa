"""The front desk's dashboard panel: its queues, today's requests and slots, per clinic.

Shown to whoever may read appointment requests (the front desk); editors, who may not, keep the
editor's dashboard without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Site
from wagtail.permissions import policy_registry

from clinic_pages.appointments.front_desk import (
    QUEUES,
    AgendaDay,
    agenda,
    queue_counts,
    received_today,
)
from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.clinics.access import sites_for_user, works_for_a_clinic


def is_front_desk(user) -> bool:
    policy = policy_registry.get_by_type(AppointmentRequest)
    return works_for_a_clinic(user) and policy.user_has_permission(user, "view")


@dataclass(frozen=True)
class ClinicDesk:
    site: Site
    queues: list[dict]
    received_today: int
    days: list[AgendaDay]


def clinic_desks(user) -> list[ClinicDesk]:
    index = reverse("appointment_requests:index")
    desks = []
    for site in sites_for_user(user).order_by("site_name"):
        requests = AppointmentRequest.objects.filter(site=site)
        counts = queue_counts(requests)
        desks.append(
            ClinicDesk(
                site=site,
                queues=[
                    {
                        "label": queue.label,
                        "count": counts[queue.key],
                        "url": f"{index}?{urlencode({'site': site.pk, 'queue': queue.key})}",
                    }
                    for queue in QUEUES
                ],
                received_today=received_today(requests),
                days=agenda(Site.objects.filter(pk=site.pk)),
            )
        )
    return desks


class FrontDeskPanel(Component):
    name = "front_desk"
    order = 40  # before the clinic summary (governance, 50)
    template_name = "clinic_pages/appointments/admin/dashboard_panel.html"

    class Media:
        css = {"all": ["clinic_pages/appointments/front_desk.css"]}

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {
            "desks": clinic_desks(self.user),
            "index_url": reverse("appointment_requests:index"),
            "agenda_url": reverse("appointment_slots:agenda"),
            "day_url": reverse("appointment_slots:day"),
        }
