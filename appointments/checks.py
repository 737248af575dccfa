"""System checks for what booking needs of the host: error reports that never carry what
patients typed.

Registered from AppointmentsConfig.ready(); ids are stable (clinic_pages.W002). The shared-cache
warning clinic_pages.W001 became the deployment error clinic_pages.E009 (core.checks): the
booking form's rate limits are one of the things a cache the workers do not share breaks.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.utils.module_loading import import_string

from clinic_pages.appointments.reporting import NoPostDataReporterFilter

REPORTER_FILTER = "clinic_pages.appointments.reporting.NoPostDataReporterFilter"


def _imports_as_subclass(path: str, base: type) -> bool:
    try:
        cls = import_string(path)
    except ImportError:
        return False
    return isinstance(cls, type) and issubclass(cls, base)


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
