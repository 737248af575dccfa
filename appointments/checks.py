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

from clinic_pages.appointments.reporting import NoPostDataReporterFilter
from clinic_pages.core.checks import imports_as_subclass

REPORTER_FILTER = "clinic_pages.appointments.reporting.NoPostDataReporterFilter"


@register(Tags.security)
def check_exception_reporter_filter(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    if imports_as_subclass(settings.DEFAULT_EXCEPTION_REPORTER_FILTER, NoPostDataReporterFilter):
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
