"""Keep Wagtail's install-wide admin reports to the network role (superusers).

These core reports list every clinic's pages, locks, log entries and workflow submitters and
offer no hook to narrow them to a clinic, so clinic staff get a 403 instead of another
clinic's data. Clinics have their own scoped reports (e.g. Reports → Reviews due).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

NETWORK_ONLY_VIEWS = frozenset(
    f"wagtailadmin_reports:{name}"
    for base in ("page_types_usage", "locked_pages", "site_history", "workflow", "workflow_tasks")
    for name in (base, f"{base}_results")
)
NETWORK_ONLY_MENU_ITEMS = frozenset(
    {"page-types-usage", "locked-pages", "site-history", "workflows", "workflow-tasks"}
)


class NetworkOnlyAdminReportsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and match.view_name in NETWORK_ONLY_VIEWS:
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and not user.is_superuser:
                raise PermissionDenied
        return None
