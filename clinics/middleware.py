"""Middleware of the admin's defences.

``ClinicAdminGuardMiddleware``: admin views of Wagtail's that would show clinic staff another
clinic's data.

Wagtail offers no hook to narrow these views to a clinic, so they are guarded here, from the
classification of every admin URL in clinics.admin_urls:
- the superuser-only views (install-wide reports, Sites, workflows, redirects, users and groups)
  are kept to the network role (superusers); clinics have their own scoped report (Reviews due);
- the page chooser's "chosen multiple" answers only for pages the user may explore;
- the workflow-cancellation confirmation answers only for pages the user may edit;
- the explorer opens only pages the user may explore (a clinic's translated tree makes the tree
  root Wagtail's "explorable root" for its staff);
- the tag autocomplete suggests only tags of the user's own clinic's media.

It also keeps an unlaunched clinic's site to its staff (clinics.launch): outside the admin,
anyone else gets the "coming soon" page, and nothing the site answers may be cached.

It must come after AuthenticationMiddleware (system checks E001 and E002).

``StaffSecondFactorMiddleware``: staff who turned on two-step verification (clinics.mfa) pass
it before any admin view. ``ClinicContentSecurityPolicyMiddleware``: django-csp's middleware,
with a policy of its own for the admin.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from urllib.parse import urlencode

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django_otp import user_has_device
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from clinic_pages.clinics import mfa
from clinic_pages.clinics.admin_urls import (
    CHOSEN_PAGES_VIEW,
    EXPLORE_VIEWS,
    GUARDED,
    SECOND_FACTOR_EXEMPT,
    SUPERUSER_ONLY,
    TAG_AUTOCOMPLETE_VIEW,
    WORKFLOW_CANCELLATION_VIEW,
)
from clinic_pages.clinics.launch import keep_private, private_clinic_response
from clinic_pages.clinics.tags import clinic_tag_autocomplete
from clinic_pages.core.conf import clinic_pages_settings
from clinic_pages.core.csp import style_hashes

NETWORK_ONLY_MENU_ITEMS = frozenset(
    {"page-types-usage", "locked-pages", "site-history", "workflows", "workflow-tasks"}
)


def _chosen_pages_allowed(request: HttpRequest) -> bool:
    ids = [value for value in request.GET.getlist("id") if value.isdigit()]
    explorable = page_permission_policy.explorable_instances(request.user)
    return explorable.filter(pk__in=ids).count() == len(set(ids))


def _page_explorable(request: HttpRequest, page_id: int | None) -> bool:
    """The tree root (its listing shows only what the user may explore), or a page the user
    may explore: one they hold a permission on, below one, or above one."""
    if page_id is None or Page.objects.filter(pk=page_id, depth=1).exists():
        return True
    explorable = page_permission_policy.explorable_instances(request.user)
    return explorable.filter(pk=page_id).exists()


def _page_editable(request: HttpRequest, page_id: int | None) -> bool:
    page = Page.objects.filter(pk=page_id).first()
    return page is None or page.permissions_for_user(request.user).can_edit()


class ClinicAdminGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return keep_private(request, self.get_response(request))

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not is_admin_path(request):
            response = private_clinic_response(request)
            if response is not None:
                return response
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
        if view_name in EXPLORE_VIEWS and not _page_explorable(
            request, view_kwargs.get("parent_page_id")
        ):
            raise PermissionDenied
        if view_name == TAG_AUTOCOMPLETE_VIEW:
            return clinic_tag_autocomplete(request)
        return None


@cache
def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def is_admin_path(request: HttpRequest) -> bool:
    return request.path_info.startswith(admin_prefix())


class StaffSecondFactorMiddleware:
    """Sends a signed-in admin user who has a confirmed authenticator app, and has not entered
    its code in this session, to the code form before any admin view; with
    ``CLINIC_PAGES_STAFF_MFA_REQUIRED`` a user without one is sent to set one up.

    It must come after django-otp's OTPMiddleware (system check clinic_pages.E007). Public
    pages are passed by their path, without a look at the session.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not is_admin_path(request):
            return None
        match = request.resolver_match
        view_name = match.view_name if match is not None else ""
        if view_name in SECOND_FACTOR_EXEMPT:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if user_has_device(user, confirmed=True):
            return self._to(mfa.VERIFY_VIEW, request)
        if mfa.mfa_required() and view_name != mfa.SETUP_VIEW:
            return self._to(mfa.SETUP_VIEW, request)
        return None

    @staticmethod
    def _to(view_name: str, request: HttpRequest) -> HttpResponseRedirect:
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(view_name)}?{query}")


# The admin's policy when the host sets no CLINIC_PAGES_ADMIN_CONTENT_SECURITY_POLICY. Wagtail's
# admin renders inline scripts (each chooser widget) and inline styles; nothing else is relaxed.
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}


class ClinicContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware: ``CONTENT_SECURITY_POLICY`` on the public site, and the admin's
    own policy (``CLINIC_PAGES_ADMIN_CONTENT_SECURITY_POLICY``) on every admin URL.

    Inline styles a public page allowed by hash (``clinic_pages.core.csp``) join its
    ``style-src``."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponse, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request):
            directives = (
                clinic_pages_settings.ADMIN_CONTENT_SECURITY_POLICY or ADMIN_CONTENT_SECURITY_POLICY
            )
            parts.config = default_config(directives)
        hashes = style_hashes(request)
        if hashes and not is_admin_path(request):
            parts.update = {**(parts.update or {}), "style-src": list(hashes)}
        return parts
