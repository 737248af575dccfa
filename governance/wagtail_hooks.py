"""Admin wiring for medical governance: review stamps on direct, bulk and admin-API publication,
the 'Reviews due' and 'Reading level' reports, the editor's readability tab and the dashboard
panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from clinic_pages.clinics.access import works_for_a_clinic
from clinic_pages.core.editor_tabs import EDITOR_TABS_HOOK
from clinic_pages.governance.api import SigningPagesAdminAPIViewSet
from clinic_pages.governance.bulk import bulk_published_pages, revision_bulk_publishes
from clinic_pages.governance.dashboard import ClinicDashboardPanel
from clinic_pages.governance.models import sign_off, signs_off
from clinic_pages.governance.readability.panels import readability_tabs
from clinic_pages.governance.readability.report import ReadabilityReportView
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


@hooks.register("register_admin_urls")
def register_readability_report_urls():
    return [
        path(
            "reports/reading-level/", ReadabilityReportView.as_view(), name="governance_readability"
        ),
        path(
            "reports/reading-level/results/",
            ReadabilityReportView.as_view(results_only=True),
            name="governance_readability_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_readability_menu_item():
    return ClinicMenuItem(
        _("Reading level"),
        reverse("governance_readability"),
        name="reading-level",
        icon_name="doc-full",
        order=660,
    )


# The page editor's "Readability" tab, on the page types patients read.
hooks.register(EDITOR_TABS_HOOK, readability_tabs)


@hooks.register("construct_homepage_panels")
def add_clinic_summary_panel(request, panels):
    """Reviews due and pages in review: for those who work on pages (the front desk has its own)."""
    pages = policy_registry.get_by_type(Page)
    if works_for_a_clinic(request.user) and pages.user_has_any_permission(
        request.user, {"add", "change", "publish"}
    ):
        panels.insert(0, ClinicDashboardPanel(request.user))


@hooks.register("before_publish_page")
def sign_off_direct_publication(request, page):
    """A clinic reviewer who publishes a medical page directly signs it, as an approval would.

    The hook runs after the edit (or create) view saved the new revision and before it publishes
    that same revision object, ``page.latest_revision``.
    """
    sign_off(page, request.user, page.latest_revision)


@hooks.register("before_bulk_action")
def sign_off_bulk_publication(request, action_type, objects, action_view):
    """A bulk publish follows the rule of a direct one: a reviewer's signs each medical page off."""
    if action_type != "publish" or not issubclass(action_view.model, Page):
        return
    for page in bulk_published_pages(objects, action_view, request.user):
        if signs_off(request.user, page):
            stamp_review(revision_bulk_publishes(page, request.user), request.user)


@hooks.register("construct_admin_api")
def sign_off_admin_api_publication(router):
    router.register_endpoint("pages", SigningPagesAdminAPIViewSet)
