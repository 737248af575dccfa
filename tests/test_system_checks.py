"""Clinic Pages' system checks: each fires when a host's settings break what it checks, and none
fires on the example project's settings."""

from __future__ import annotations

import pytest
from django.core.checks import run_checks
from django.core.management import call_command

from clinic_pages.appointments import checks as appointment_checks
from clinic_pages.appointments.reporting import NoPostDataReporterFilter
from clinic_pages.clinics import checks as clinic_checks
from clinic_pages.clinics.middleware import ClinicAdminGuardMiddleware

GUARD = "clinic_pages.clinics.middleware.ClinicAdminGuardMiddleware"
AUTH = "django.contrib.auth.middleware.AuthenticationMiddleware"
REDIS = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://redis:6379"}}


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


def test_the_shared_cache_check_is_silent_on_production_settings_with_redis(settings):
    settings.DEBUG = False
    settings.CACHES = REDIS
    assert appointment_checks.check_shared_cache() == []


def test_the_shared_cache_check_is_silent_with_debug_on(settings):
    settings.DEBUG = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert appointment_checks.check_shared_cache() == []


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


# ------------------------------------------------------------------ booking


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
        "django.core.cache.backends.filebased.FileBasedCache",
    ],
)
def test_a_cache_the_workers_do_not_share_is_a_deploy_warning(settings, backend):
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "/tmp/clinic-pages-cache"}}
    [warning] = appointment_checks.check_shared_cache()
    assert warning.id == "clinic_pages.W001"
    assert backend in warning.msg


def test_the_shared_cache_check_runs_only_with_deploy(settings):
    settings.DEBUG = False  # the test settings keep LocMemCache
    assert "clinic_pages.W001" not in ids(run_checks())
    assert "clinic_pages.W001" in ids(run_checks(include_deployment_checks=True))


def test_an_exception_reporter_filter_that_keeps_post_data_is_a_warning(settings):
    settings.DEFAULT_EXCEPTION_REPORTER_FILTER = "django.views.debug.SafeExceptionReporterFilter"
    [warning] = appointment_checks.check_exception_reporter_filter()
    assert warning.id == "clinic_pages.W002"
    assert appointment_checks.REPORTER_FILTER in warning.hint


def test_a_subclass_of_the_reporter_filter_counts(settings):
    settings.DEFAULT_EXCEPTION_REPORTER_FILTER = "tests.test_system_checks.HostReporterFilter"
    assert appointment_checks.check_exception_reporter_filter() == []
