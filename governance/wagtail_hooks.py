"""Admin wiring for medical governance: review stamps on direct publication, the 'Reviews due'
report and the dashboard panel."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from clinic_pages.clinics.access import works_for_a_clinic
from clinic_pages.governance.dashboard import ClinicDashboardPanel
from clinic_pages.governance.models import is_clinical_reviewer
from clinic_pages.governance.stamping import stamp_review
from clinic_pages.governance.views import ReviewsDueReportView


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path("reports/reviews-due/", ReviewsDueReportView.as_view(), name="governance_reviews_due"),
        path(
            "reports/reviews-due/results/",
            ReviewsDueReportView.as_view(results_only=True),
            name="governance_reviews_due_results",
        ),
    ]


class ClinicMenuItem(MenuItem):
    def is_shown(self, request):
        return works_for_a_clinic(request.user)


@hooks.register("register_reports_menu_item")
def register_reviews_due_menu_item():
    return ClinicMenuItem(
        "Reviews due",
        reverse("governance_reviews_due"),
        name="reviews-due",
        icon_name="doc-full",
        order=650,
    )


@hooks.register("construct_homepage_panels")
def add_clinic_summary_panel(request, panels):
    if works_for_a_clinic(request.user):
        panels.insert(0, ClinicDashboardPanel(request.user))


@hooks.register("before_publish_page")
def stamp_direct_publication_by_a_reviewer(request, page):
    """A clinic reviewer who publishes a medical page directly signs it, as an approval would.

    The hook runs after the edit view saved the new revision and before it is published.
    """
    revision = page.latest_revision
    if revision is not None and is_clinical_reviewer(request.user, page):
        stamp_review(revision, request.user)
