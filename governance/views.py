"""The 'Reviews due' admin report: medical pages of the user's clinics that need a review."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from clinic_pages.clinics.access import sites_for_user, works_for_a_clinic
from clinic_pages.governance.reviews import due_reviews


class ReviewsDueReportView(ReportView):
    page_title = "Reviews due"
    header_icon = "doc-full"
    index_url_name = "governance_reviews_due"
    index_results_url_name = "governance_reviews_due_results"
    paginate_by = 50
    list_export = ["page.title", "site.site_name", "state", "due"]
    export_headings = {
        "page.title": "Page",
        "site.site_name": "Clinic",
        "state": "State",
        "due": "Due",
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Page"),
                accessor=lambda item: item.page.title,
                get_url=lambda item: reverse("wagtailadmin_pages:edit", args=[item.page.pk]),
            ),
            Column("clinic", label=_("Clinic"), accessor=lambda item: item.site.site_name),
            Column(
                "reviewed_by",
                label=_("Last reviewed by"),
                accessor=lambda item: item.page.reviewed_by or "—",
            ),
            DateColumn("due", label=_("Next review due")),
            Column("state", label=_("State")),
        ]

    def get_queryset(self):
        return due_reviews(sites_for_user(self.request.user).select_related("root_page"))

    # Wagtail asks user_has_permission only when a permission is required; without this line
    # the check below never ran and any admin user could open the report.
    permission_required = "view"

    def user_has_permission(self, permission):
        return works_for_a_clinic(self.request.user)
