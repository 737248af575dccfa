"""Admin views of Wagtail's that would show clinic staff another clinic's data.

Wagtail offers no hook to narrow these views to a clinic, so they are guarded here:
- the install-wide reports (page types usage, locked pages, site history, workflows) are kept
  to the network role (superusers); clinics have their own scoped reports (Reviews due);
- the page chooser's "chosen multiple" answers only for pages the user may explore;
- the workflow-cancellation confirmation answers only for pages the user may edit.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

NETWORK_ONLY_VIEWS = frozenset(
    f"wagtailadmin_reports:{name}"
    for base in ("page_types_usage", "locked_pages", "site_history", "workflow", "workflow_tasks")
    for name in (base, f"{base}_results")
)
NETWORK_ONLY_MENU_ITEMS = frozenset(
    {"page-types-usage", "locked-pages", "site-history", "workflows", "workflow-tasks"}
)
CHOSEN_PAGES_VIEW = "wagtailadmin_choose_page_chosen_multiple"
WORKFLOW_CANCELLATION_VIEW = "wagtailadmin_pages:confirm_workflow_cancellation"
GUARDED_VIEWS = NETWORK_ONLY_VIEWS | {CHOSEN_PAGES_VIEW, WORKFLOW_CANCELLATION_VIEW}


def _chosen_pages_allowed(request) -> bool:
    ids = [value for value in request.GET.getlist("id") if value.isdigit()]
    explorable = page_permission_policy.explorable_instances(request.user)
    return explorable.filter(pk__in=ids).count() == len(set(ids))


def _page_editable(request, page_id) -> bool:
    page = Page.objects.filter(pk=page_id).first()
    return page is None or page.permissions_for_user(request.user).can_edit()


class ClinicAdminGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        view_name = match.view_name if match is not None else ""
        if view_name not in GUARDED_VIEWS:
            # Public pages never touch request.user here (no session lookup on the hot path).
            return None
        user = request.user
        if not user.is_authenticated or user.is_superuser:
            return None
        if view_name in NETWORK_ONLY_VIEWS:
            raise PermissionDenied
        if view_name == CHOSEN_PAGES_VIEW and not _chosen_pages_allowed(request):
            raise PermissionDenied
        if view_name == WORKFLOW_CANCELLATION_VIEW and not _page_editable(
            request, view_kwargs.get("page_id")
        ):
            raise PermissionDenied
        return None
