"""The per-clinic dashboard panel: requests received, reviews due, pages awaiting review."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Site, WorkflowState

from clinic_pages.clinics.access import sites_for_user
from clinic_pages.governance.reviews import due_reviews

RECENT_DAYS = 7


@dataclass(frozen=True)
class ClinicSummary:
    site: Site
    recent_requests: int | None
    reviews_due: int
    awaiting_review: int


def _recent_requests(site: Site) -> int | None:
    try:
        model = apps.get_model("clinic_pages_appointments", "AppointmentRequest")
    except LookupError:
        return None
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    return model.objects.filter(site=site, created_at__gte=since).count()


def _awaiting_review(site: Site) -> int:
    """Pages of the clinic with a workflow in progress (submitted, not yet approved)."""
    return (
        Page.objects.descendant_of(site.root_page, inclusive=True)
        .filter(_workflow_states__status=WorkflowState.STATUS_IN_PROGRESS)
        .distinct()
        .count()
    )


def clinic_summaries(user) -> list[ClinicSummary]:
    sites = sites_for_user(user).select_related("root_page")
    reviews = due_reviews(sites)
    return [
        ClinicSummary(
            site=site,
            recent_requests=_recent_requests(site),
            reviews_due=sum(1 for item in reviews if item.site.pk == site.pk),
            awaiting_review=_awaiting_review(site),
        )
        for site in sites
    ]


class ClinicDashboardPanel(Component):
    name = "clinic_summary"
    order = 50
    template_name = "clinic_pages/governance/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"summaries": clinic_summaries(self.user), "recent_days": RECENT_DAYS}
