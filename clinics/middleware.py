"""Admin views of Wagtail's that would show clinic staff another clinic's data.

Wagtail offers no hook to narrow these views to a clinic, so they are guarded here, from the
classification of every admin URL in clinics.admin_urls:
- the superuser-only views (install-wide reports, Sites, workflows, redirects, users and groups)
  are kept to the network role (superusers); clinics have their own scoped report (Reviews due);
- the page chooser's "chosen multiple" answers only for pages the user may explore;
- the workflow-cancellation confirmation answers only for pages the user may edit.

It must come after AuthenticationMiddleware (system checks E001 and E002).
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from clinic_pages.clinics.admin_urls import (
    CHOSEN_PAGES_VIEW,
    GUARDED,
    SUPERUSER_ONLY,
    WORKFLOW_CANCELLATION_VIEW,
)

NETWORK_ONLY_MENU_ITEMS = frozenset(
    {"page-types-usage", "locked-pages", "site-history", "workflows", "workflow-tasks"}
)


def _chosen_pages_allowed(request: HttpRequest) -> bool:
    ids = [value for value in request.GET.getlist("id") if value.isdigit()]
    explorable = page_permission_policy.explorable_instances(request.user)
    return explorable.filter(pk__in=ids).count() == len(set(ids))


def _page_editable(request: HttpRequest, page_id: int | None) -> bool:
    page = Page.objects.filter(pk=page_id).first()
    return page is None or page.permissions_for_user(request.user).can_edit()


class ClinicAdminGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        match = request.resolver_match
        view_name = match.view_name if match is not None else ""
        if view_name not in GUARDED:
            # Public pages never touch request.user here (no session lookup on the hot path).
            return None
        user = request.user
        if not user.is_authenticated or user.is_superuser:
            return None
        if view_name in SUPERUSER_ONLY:
            raise PermissionDenied
        if view_name == CHOSEN_PAGES_VIEW and not _chosen_pages_allowed(request):
            raise PermissionDenied
        if view_name == WORKFLOW_CANCELLATION_VIEW and not _page_editable(
            request, view_kwargs.get("page_id")
        ):
            raise PermissionDenied
        return None
