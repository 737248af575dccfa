"""Clinic Pages' system checks: each fires when a host's settings break what it checks, and none
fires on the example project's settings."""

from __future__ import annotations

import pytest
from django.core.checks import run_checks
from django.core.files.storage import Storage
from django.core.management import call_command

from clinic_pages.appointments import checks as appointment_checks
from clinic_pages.appointments.reporting import NoPostDataReporterFilter
from clinic_pages.clinics import checks as clinic_checks
from clinic_pages.clinics.middleware import ClinicAdminGuardMiddleware
from clinic_pages.core import checks as core_checks

GUARD = "clinic_pages.clinics.middleware.ClinicAdminGuardMiddleware"
AUTH = "django.contrib.auth.middleware.AuthenticationMiddleware"
REDIS = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://redis:6379"}}
POSTGRES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "clinic_pages"}}
SQLITE = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}
SMTP = "django.core.mail.backends.smtp.EmailBackend"
GOOD_SECRET = "pP3nV8-qZr2LxW7sKd0aYt5uEj9cHm4bNf6gRw1oTi_xQlA2zS8vUe"
# The check reads DATABASES as configured; the test database connection is left as it is.
overrides_databases = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


class BucketStorage(Storage):
    """Stands in for a storage every server shares (S3 and the like)."""


class HostGuard(ClinicAdminGuardMiddleware):
    """A host's own subclass of the guard counts as the guard."""


class HostReporterFilter(NoPostDataReporterFilter):
    """A host's own subclass of the filter keeps POST values out too."""


def ids(messages) -> list[str]:
    return [message.id for message in messages]


def without(items, *removed):
    return [item for item in items if item not in removed]


# ------------------------------------------------------------------ the example project is clean


def test_the_example_project_passes_every_check():
    call_command("check", fail_level="DEBUG")


@pytest.mark.parametrize(
    "check",
    [
        clinic_checks.check_guard_middleware,
        clinic_checks.check_context_processors,
        clinic_checks.check_required_apps,
        clinic_checks.check_guarded_url_names,
        appointment_checks.check_exception_reporter_filter,
    ],
)
def test_each_check_is_silent_on_the_example_project(check):
    assert check() == []


@overrides_databases
def test_the_deploy_checks_are_silent_on_shared_services(settings):
    settings.DATABASES = POSTGRES
    settings.CACHES = REDIS
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.BucketStorage"}}
    settings.EMAIL_BACKEND = SMTP
    settings.EMAIL_TIMEOUT = 20
    settings.SECRET_KEY = GOOD_SECRET
    assert core_checks.check_embedded_services() == []
    assert core_checks.check_email_timeout() == []
    assert core_checks.check_secret_key() == []


# ------------------------------------------------------------------ the admin guard


def test_a_missing_guard_is_an_error(settings):
    settings.MIDDLEWARE = without(settings.MIDDLEWARE, GUARD)
    [error] = clinic_checks.check_guard_middleware()
    assert error.id == "clinic_pages.E001"
    assert GUARD in error.hint


def test_a_guard_before_authentication_is_an_error(settings):
    settings.MIDDLEWARE = [GUARD, *without(settings.MIDDLEWARE, GUARD)]
    assert ids(clinic_checks.check_guard_middleware()) == ["clinic_pages.E002"]


def test_a_guard_without_authentication_is_an_error(settings):
    settings.MIDDLEWARE = without(settings.MIDDLEWARE, AUTH)
    assert ids(clinic_checks.check_guard_middleware()) == ["clinic_pages.E002"]


def test_a_subclass_of_the_guard_counts(settings):
    settings.MIDDLEWARE = [
        *without(settings.MIDDLEWARE, GUARD),
        "tests.test_system_checks.HostGuard",
    ]
    assert clinic_checks.check_guard_middleware() == []


def test_a_guarded_view_wagtail_no_longer_has_is_an_error(monkeypatch):
    guarded = clinic_checks.GUARDED | {"wagtailadmin_reports:renamed_report"}
    monkeypatch.setattr(clinic_checks, "GUARDED", guarded)
    [error] = clinic_checks.check_guarded_url_names()
    assert error.id == "clinic_pages.E006"
    assert "wagtailadmin_reports:renamed_report" in error.msg


def test_guarded_views_of_an_app_the_host_leaves_out_are_skipped(monkeypatch):
    monkeypatch.setattr(clinic_checks, "GUARDED", frozenset({"wagtailredirects:renamed"}))
    monkeypatch.setitem(clinic_checks.NAMESPACE_APPS, "wagtailredirects", "host.not_installed")
    assert clinic_checks.check_guarded_url_names() == []


# ------------------------------------------------------------------ templates and apps


@pytest.mark.parametrize(
    ("processor", "check_id"),
    [
        ("clinic_pages.clinics.context_processors.clinic_settings", "clinic_pages.E003"),
        ("django.template.context_processors.request", "clinic_pages.E004"),
    ],
)
def test_a_missing_context_processor_is_an_error(settings, processor, check_id):
    engine = settings.TEMPLATES[0]
    processors = without(engine["OPTIONS"]["context_processors"], processor)
    settings.TEMPLATES = [
        {**engine, "OPTIONS": {**engine["OPTIONS"], "context_processors": processors}}
    ]
    [error] = clinic_checks.check_context_processors()
    assert error.id == check_id
    assert processor in error.hint


@pytest.mark.parametrize("app", sorted(clinic_checks.REQUIRED_APPS))
def test_a_missing_wagtail_app_is_an_error(monkeypatch, app):
    # Not an INSTALLED_APPS override: Wagtail's redirects app cannot be made ready twice (it
    # mounts an API router), so the registry is asked to answer as if the app were left out.
    installed = clinic_checks.apps.is_installed
    monkeypatch.setattr(
        clinic_checks.apps, "is_installed", lambda name: name != app and installed(name)
    )
    [error] = clinic_checks.check_required_apps()
    assert error.id == "clinic_pages.E005"
    assert error.hint == f'Add "{app}" to INSTALLED_APPS.'


# ------------------------------------------------------------------ production fails closed


def embedded_ids(settings, *allowed: str) -> list[str]:
    settings.CLINIC_PAGES_ALLOW_EMBEDDED_SERVICES = list(allowed)
    return ids(core_checks.check_embedded_services())


@overrides_databases
def test_a_sqlite_database_is_a_deploy_error(settings):
    settings.DATABASES = {**POSTGRES, "reports": SQLITE["default"]}
    [error] = [m for m in core_checks.check_embedded_services() if m.id == "clinic_pages.E008"]
    assert "'reports'" in error.msg
    assert '"sqlite" to CLINIC_PAGES_ALLOW_EMBEDDED_SERVICES' in error.hint


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
        "django.core.cache.backends.filebased.FileBasedCache",
    ],
)
def test_a_cache_the_workers_do_not_share_is_a_deploy_error(settings, backend):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "/tmp/clinic-pages-cache"}}
    [error] = [m for m in core_checks.check_embedded_services() if m.id == "clinic_pages.E009"]
    assert backend in error.msg
    assert "rate limits would count per worker" in error.msg


@pytest.mark.parametrize(
    "backend",
    ["django.core.files.storage.FileSystemStorage", "django.core.files.storage.InMemoryStorage"],
)
def test_media_on_the_app_servers_disk_is_a_deploy_error(settings, backend):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": backend}}
    assert "clinic_pages.E010" in embedded_ids(settings)


@overrides_databases
def test_an_allowed_embedded_service_is_a_loud_warning_instead(settings):
    settings.DATABASES = SQLITE
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    assert embedded_ids(settings) == ["clinic_pages.E008", "clinic_pages.E009", "clinic_pages.E010"]
    assert embedded_ids(settings, "local-cache") == [
        "clinic_pages.E008",
        "clinic_pages.W005",
        "clinic_pages.E010",
    ]
    warnings = core_checks.check_embedded_services()
    assert warnings[1].msg.startswith("ALLOWED BY CLINIC_PAGES_ALLOW_EMBEDDED_SERVICES")
    assert '"local-cache"' in warnings[1].hint
    # One comma-separated string, as an environment variable gives it, works too.
    settings.CLINIC_PAGES_ALLOW_EMBEDDED_SERVICES = "sqlite, local-cache,local-media"
    assert ids(core_checks.check_embedded_services()) == ["clinic_pages.W005"] * 3


def test_an_unknown_allowance_is_an_error_without_deploy(settings):
    settings.CLINIC_PAGES_ALLOW_EMBEDDED_SERVICES = ["local-media", "redis"]
    [error] = [message for message in run_checks() if message.id == "clinic_pages.E013"]
    assert "'redis'" in error.msg
    assert "'local-cache'" in error.hint


def test_smtp_without_a_timeout_is_a_deploy_error(settings):
    settings.EMAIL_BACKEND = SMTP
    settings.EMAIL_TIMEOUT = None
    assert ids(core_checks.check_email_timeout()) == ["clinic_pages.E011"]
    settings.EMAIL_TIMEOUT = 20
    assert core_checks.check_email_timeout() == []


def test_a_backend_other_than_smtp_needs_no_timeout(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.EMAIL_TIMEOUT = None
    assert core_checks.check_email_timeout() == []


@pytest.mark.parametrize(
    "key",
    [
        "django-insecure-" + GOOD_SECRET,
        "dev-only-insecure-key-never-used-in-production-0123456789",
        "too-short-to-be-a-secret",
        "ab" * 40,
    ],
)
def test_an_insecure_secret_key_is_a_deploy_error(settings, key):
    settings.SECRET_KEY = key
    assert ids(core_checks.check_secret_key()) == ["clinic_pages.E012"]


def test_an_empty_secret_key_is_a_deploy_error(settings):
    settings.SECRET_KEY = ""
    [error] = core_checks.check_secret_key()
    assert error.msg.startswith("SECRET_KEY is empty")


def test_the_production_checks_run_only_with_deploy(settings):
    # The test settings keep LocMemCache, local media and a test-only secret.
    settings.DEBUG = False
    deploy_only = {"clinic_pages.E009", "clinic_pages.E010", "clinic_pages.E012"}
    assert deploy_only.isdisjoint(ids(run_checks()))
    assert deploy_only <= set(ids(run_checks(include_deployment_checks=True)))


# ------------------------------------------------------------------ booking


def test_an_exception_reporter_filter_that_keeps_post_data_is_a_warning(settings):
    settings.DEFAULT_EXCEPTION_REPORTER_FILTER = "django.views.debug.SafeExceptionReporterFilter"
    [warning] = appointment_checks.check_exception_reporter_filter()
    assert warning.id == "clinic_pages.W002"
    assert appointment_checks.REPORTER_FILTER in warning.hint


def test_a_subclass_of_the_reporter_filter_counts(settings):
    settings.DEFAULT_EXCEPTION_REPORTER_FILTER = "tests.test_system_checks.HostReporterFilter"
    assert appointment_checks.check_exception_reporter_filter() == []
