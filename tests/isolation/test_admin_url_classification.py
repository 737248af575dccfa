"""Every admin URL, as the example project mounts Wagtail's admin, is classified for isolation.

A view a future Wagtail (or a new hook of ours) adds is unclassified until someone has looked at
what it shows clinic staff; this test names it, so isolation never lapses without notice.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import wagtail.admin.urls
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import URLResolver, get_resolver

from clinic_pages.clinics import admin_urls
from clinic_pages.clinics.middleware import ClinicAdminGuardMiddleware
from clinic_pages.clinics.url_walk import Route, walk

WHERE = (
    "Classify it in clinic_pages/clinics/admin_urls.py, after checking what it shows an editor "
    "of another clinic: SCOPED (the view narrows itself to the user's clinics), SUPERUSER_ONLY "
    "(the admin guard then refuses clinic staff) or HARMLESS (it shows no clinic's data)."
)


def _admin_routes() -> list[Route]:
    """Wagtail's admin URLconf, hooks' URLs included, as mounted in the project's URLconf."""
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.urlconf_module is wagtail.admin.urls:
            return list(walk(pattern.url_patterns, prefix=f"/{pattern.pattern}"))
    raise AssertionError("The example project does not mount wagtail.admin.urls")


ROUTES = _admin_routes()


def test_every_named_admin_url_is_classified():
    unknown = sorted(
        f"{route.view_name} ({route.route})"
        for route in ROUTES
        if route.view_name and admin_urls.classify(route.view_name) is None
    )
    assert not unknown, (
        "Admin URLs nobody has classified:\n  " + "\n  ".join(unknown) + (f"\n{WHERE}")
    )


def test_every_unnamed_admin_url_is_harmless():
    unknown = sorted(
        route.route
        for route in ROUTES
        if route.view_name is None
        and route.route.removeprefix("/admin/") not in admin_urls.HARMLESS_UNNAMED_ROUTES
    )
    assert not unknown, (
        "Unnamed admin URLs nobody has classified: "
        + ", ".join(unknown)
        + ". Add the route to HARMLESS_UNNAMED_ROUTES in clinic_pages/clinics/admin_urls.py "
        "if it shows no clinic's data; otherwise it needs a name to be scoped or guarded."
    )


def test_every_classified_name_is_an_admin_url():
    """A stale entry would make the classification claim more than it checks."""
    names = {route.view_name for route in ROUTES}
    stale = sorted(set(admin_urls.CLASSIFICATION) - names)
    assert not stale, f"Classified in clinics/admin_urls.py but not an admin URL: {stale}"


def test_no_name_has_two_classes():
    classes = [admin_urls.SCOPED, admin_urls.SUPERUSER_ONLY, admin_urls.HARMLESS]
    assert sum(map(len, classes)) == len(admin_urls.CLASSIFICATION)


# ------------------------------------------------------------------ the guard follows it


def _guard(view_name: str, superuser: bool) -> None:
    request = RequestFactory().get("/admin/")
    request.resolver_match = SimpleNamespace(view_name=view_name)
    request.user = get_user_model()(username="staff", is_superuser=superuser)
    ClinicAdminGuardMiddleware(lambda request: None).process_view(request, None, (), {})


@pytest.mark.parametrize("view_name", sorted(admin_urls.SUPERUSER_ONLY))
def test_the_guard_refuses_every_superuser_only_url_to_clinic_staff(view_name):
    with pytest.raises(PermissionDenied):
        _guard(view_name, superuser=False)
    _guard(view_name, superuser=True)  # no exception: the network role gets through


def test_the_guard_leaves_harmless_urls_alone():
    for view_name in admin_urls.HARMLESS:
        _guard(view_name, superuser=False)
