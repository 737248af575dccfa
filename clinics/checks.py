"""System checks for what keeps clinics apart: a host project that misses one of these lines
would still run, and show one clinic's staff another clinic's data or the wrong clinic's pages.

Registered from ClinicsConfig.ready(); ids are stable (clinic_pages.E001 ... E007, E014, W003, W004).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError
from django.utils.module_loading import import_string
from wagtail.models import GroupPagePermission, Site

from clinic_pages.clinics.admin_urls import GUARDED
from clinic_pages.clinics.url_walk import view_names

GUARD = "clinic_pages.clinics.middleware.ClinicAdminGuardMiddleware"
SECOND_FACTOR = "clinic_pages.clinics.middleware.StaffSecondFactorMiddleware"
OTP = "django_otp.middleware.OTPMiddleware"
PAGE_CACHE = "clinic_pages.core.page_cache.PageCacheMiddleware"
SESSION = "django.contrib.sessions.middleware.SessionMiddleware"
AUTHENTICATION = "django.contrib.auth.middleware.AuthenticationMiddleware"
DJANGO_TEMPLATES = "django.template.backends.django.DjangoTemplates"
CONTEXT_PROCESSORS = {
    "clinic_pages.clinics.context_processors.clinic_settings": (
        "clinic_pages.E003",
        "the clinic layout would render without the clinic's name, branding and booking page",
    ),
    "django.template.context_processors.request": (
        "clinic_pages.E004",
        "the clinic layout finds the current clinic, and Wagtail's user bar, from the request",
    ),
}
REQUIRED_APPS = {
    "wagtail.contrib.settings": "each clinic's settings (ClinicSettings) are Wagtail site settings",
    "wagtail.contrib.routable_page": "booking, confirmation and cancellation are page routes",
    "wagtail.contrib.sitemaps": "each clinic's sitemap.xml is Wagtail's sitemap",
}
# Guarded admin URLs of optional Wagtail apps: without the app there is nothing to guard.
NAMESPACE_APPS = {
    "wagtailsites": "wagtail.sites",
    "wagtailredirects": "wagtail.contrib.redirects",
    "wagtailusers_users": "wagtail.users",
    "wagtailusers_groups": "wagtail.users",
    "simple_translation": "wagtail.contrib.simple_translation",
}


def _first_index(class_path: str, middleware: list[str]) -> int | None:
    """Where that class, or a subclass of it, first appears in MIDDLEWARE."""
    cls = import_string(class_path)
    for index, path in enumerate(middleware):
        try:
            candidate = import_string(path)
        except ImportError:
            continue  # Django reports middleware that does not import.
        if isinstance(candidate, type) and issubclass(candidate, cls):
            return index
    return None


@register(Tags.security)
def check_guard_middleware(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    middleware = list(settings.MIDDLEWARE)
    guard = _first_index(GUARD, middleware)
    if guard is None:
        return [
            Error(
                "ClinicAdminGuardMiddleware is not in MIDDLEWARE: clinic staff could open "
                "Wagtail admin views that show every clinic's data (install-wide reports, "
                "Sites, users) and other clinics' pages in the page chooser.",
                hint=f'Add "{GUARD}" to MIDDLEWARE, after "{AUTHENTICATION}".',
                id="clinic_pages.E001",
            )
        ]
    authentication = _first_index(AUTHENTICATION, middleware)
    if authentication is None or authentication > guard:
        return [
            Error(
                "ClinicAdminGuardMiddleware comes before AuthenticationMiddleware in MIDDLEWARE "
                "(or that is missing): the guard needs request.user to tell the network's "
                "superusers from clinic staff.",
                hint=f'Put "{GUARD}" in MIDDLEWARE below "{AUTHENTICATION}".',
                id="clinic_pages.E002",
            )
        ]
    return []


@register(Tags.templates)
def check_context_processors(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    installed = {
        processor
        for engine in settings.TEMPLATES
        if engine.get("BACKEND") == DJANGO_TEMPLATES
        for processor in engine.get("OPTIONS", {}).get("context_processors", [])
    }
    return [
        Error(
            f'The context processor "{processor}" is missing from the DjangoTemplates backend: '
            f"{why}.",
            hint=f'Add "{processor}" to the "context_processors" in OPTIONS of the '
            "DjangoTemplates backend in TEMPLATES.",
            id=check_id,
        )
        for processor, (check_id, why) in CONTEXT_PROCESSORS.items()
        if processor not in installed
    ]


@register()
def check_required_apps(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    return [
        Error(
            f'Clinic Pages needs "{app}" in INSTALLED_APPS: {why}.',
            hint=f'Add "{app}" to INSTALLED_APPS.',
            id="clinic_pages.E005",
        )
        for app, why in REQUIRED_APPS.items()
        if not apps.is_installed(app)
    ]


def _provided(view_name: str) -> bool:
    app = NAMESPACE_APPS.get(view_name.split(":", 1)[0])
    return app is None or apps.is_installed(app)


@register(Tags.security, Tags.urls)
def check_guarded_url_names(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """A Wagtail upgrade that renames a guarded view must fail loudly, not lift the guard."""
    if not apps.is_installed("wagtail.admin"):
        return []
    # Imported when the check runs: the admin URLconf runs every app's hooks as it loads.
    admin_urls = import_module("wagtail.admin.urls")
    existing = view_names(admin_urls.urlpatterns)
    return [
        Error(
            f'The admin guard protects the Wagtail admin view "{name}", which Wagtail\'s admin '
            "URLs no longer have: after a Wagtail upgrade, the view may be there under another "
            "name, unguarded.",
            hint="Find the view's new name and classify it in clinic_pages/clinics/admin_urls.py "
            "(tests/isolation/test_admin_url_classification.py lists unclassified views), or "
            "install a Wagtail version Clinic Pages supports.",
            id="clinic_pages.E006",
        )
        for name in sorted(GUARDED)
        if name not in existing and _provided(name)
    ]


@register(Tags.security)
def check_second_factor_middleware(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    middleware = list(settings.MIDDLEWARE)
    gate = _first_index(SECOND_FACTOR, middleware)
    if gate is None:
        return []
    otp = _first_index(OTP, middleware)
    if otp is None or otp > gate:
        return [
            Error(
                "StaffSecondFactorMiddleware needs django-otp's OTPMiddleware before it in "
                "MIDDLEWARE: without it no admin user can be asked for their second factor.",
                hint=f'Put "{OTP}" in MIDDLEWARE after "{AUTHENTICATION}" and before "{SECOND_FACTOR}".',
                id="clinic_pages.E007",
            )
        ]
    return []


@register(Tags.security, Tags.caches)
def check_page_cache_middleware(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    middleware = list(settings.MIDDLEWARE)
    page_cache = _first_index(PAGE_CACHE, middleware)
    if page_cache is None:
        return []
    session = _first_index(SESSION, middleware)
    if session is not None and session < page_cache:
        return [
            Error(
                "PageCacheMiddleware comes after SessionMiddleware in MIDDLEWARE: every page "
                "would reach caches with 'Vary: Cookie', and a hit would still load the session.",
                hint=f'Put "{PAGE_CACHE}" in MIDDLEWARE just before "{SESSION}".',
                id="clinic_pages.E014",
            )
        ]
    return []


@register(Tags.security)
def check_external_link_conversion(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    conversion = getattr(settings, "WAGTAILADMIN_EXTERNAL_LINK_CONVERSION", "all")
    if not conversion:
        return []
    return [
        Warning(
            f'WAGTAILADMIN_EXTERNAL_LINK_CONVERSION is "{conversion}": when an editor pastes a URL '
            "into the external-link form, Wagtail looks it up among every clinic's pages and "
            "answers with that page's id and draft title, whichever clinic it belongs to.",
            hint='Set WAGTAILADMIN_EXTERNAL_LINK_CONVERSION = "" (editors link their own pages '
            "with the page chooser).",
            id="clinic_pages.W004",
        )
    ]


def page_grants_spanning_clinics() -> list[GroupPagePermission]:
    """Page permissions of groups on the tree root, or on a page above several clinics' homes.

    Wagtail's stock "Editors" and "Moderators" groups hold add, change and publish on the root;
    anyone added to such a group may edit every clinic.
    """
    homes = list(Site.objects.values_list("root_page__path", flat=True))
    return [
        grant
        for grant in GroupPagePermission.objects.select_related("group", "page", "permission")
        if grant.page.depth == 1 or sum(home.startswith(grant.page.path) for home in homes) > 1
    ]


def _grants_spanning_clinics() -> list[tuple[str, str, int]]:
    """(group, page title, clinics covered), once per group and page."""
    homes = list(Site.objects.values_list("root_page__path", flat=True))
    found = {
        (grant.group.name, grant.page.title): sum(
            home.startswith(grant.page.path) for home in homes
        )
        for grant in page_grants_spanning_clinics()
    }
    return [(group, page, covered) for (group, page), covered in sorted(found.items())]


@register(Tags.security, Tags.database)
def check_page_grants_above_clinics(
    app_configs: Any = None, databases: Any = None, **kwargs: Any
) -> list[Warning]:
    """Run with the database checks (``migrate``, ``check --database default``)."""
    if not databases:
        return []
    try:
        spanning = _grants_spanning_clinics()
    except DatabaseError:
        return []  # not migrated yet
    return [
        Warning(
            f'The group "{group}" holds page permissions on "{page}", '
            + (
                "the root of the page tree"
                if covered < 2
                else f"above the home pages of {covered} clinics"
            )
            + ": adding a clinic's staff member to it opens every clinic's pages to them.",
            hint="Grant page permissions on each clinic's home page only (onboarding's groups "
            "do), or remove these with `manage.py remove_root_page_grants`.",
            obj=group,
            id="clinic_pages.W003",
        )
        for group, page, covered in spanning
    ]
