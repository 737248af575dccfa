"""System checks for what booking needs of the host: a cache all workers share, and error
reports that never carry what patients typed.

Registered from AppointmentsConfig.ready(); ids are stable (clinic_pages.W001, W002).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.checks import Tags, Warning, register
from django.utils.module_loading import import_string

from clinic_pages.appointments.reporting import NoPostDataReporterFilter

REPORTER_FILTER = "clinic_pages.appointments.reporting.NoPostDataReporterFilter"
# Caches each process or machine keeps to itself (or, for DummyCache, does not keep at all).
UNSHARED_CACHES = (LocMemCache, DummyCache, FileBasedCache)


def _imports_as_subclass(path: str, base: type | tuple[type, ...]) -> bool:
    try:
        cls = import_string(path)
    except ImportError:
        return False
    return isinstance(cls, type) and issubclass(cls, base)


@register(Tags.security, Tags.caches, deploy=True)
def check_shared_cache(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    """The booking rate limit counts attempts in the default cache (appointments.spam)."""
    if settings.DEBUG:
        return []
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if not _imports_as_subclass(backend, UNSHARED_CACHES):
        return []
    return [
        Warning(
            f'The default cache is "{backend}", which not every worker of the site shares '
            "(LocMemCache is per process, FileBasedCache per machine, DummyCache keeps nothing): "
            "the booking form's rate limit (CLINIC_PAGES_APPOINTMENT_RATE_LIMIT) would count "
            "per worker, so a bot gets that many attempts from each.",
            hint='Use a cache every worker shares, e.g. CACHES = {"default": {"BACKEND": '
            '"django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379"}}.',
            id="clinic_pages.W001",
        )
    ]


@register(Tags.security)
def check_exception_reporter_filter(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    if _imports_as_subclass(settings.DEFAULT_EXCEPTION_REPORTER_FILTER, NoPostDataReporterFilter):
        return []
    return [
        Warning(
            "DEFAULT_EXCEPTION_REPORTER_FILTER is not NoPostDataReporterFilter: error reports "
            "(e-mails to ADMINS, error trackers) would carry the values patients typed into "
            "the booking form.",
            hint=f'Set DEFAULT_EXCEPTION_REPORTER_FILTER = "{REPORTER_FILTER}".',
            id="clinic_pages.W002",
        )
    ]
