"""IANA time zone names: what a clinic's or an office's zone may hold, and the zone it names."""

from __future__ import annotations

import zoneinfo
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@cache
def time_zone_names() -> frozenset[str]:
    """Every zone the interpreter knows (read once: it lists the tz database's files)."""
    return frozenset(zoneinfo.available_timezones())


def time_zone_choices() -> list[tuple[str, str]]:
    """(name, name) for a select, sorted, so an editor picks a zone instead of typing one."""
    return [(name, name.replace("_", " ")) for name in sorted(time_zone_names())]


def default_time_zone() -> str:
    """The install's TIME_ZONE: where a clinic is until its settings say otherwise."""
    return settings.TIME_ZONE or "UTC"


def validate_time_zone(value: str) -> None:
    """An IANA name such as America/Chicago; abbreviations like CST are ambiguous and refused."""
    if value and value not in time_zone_names():
        raise ValidationError(
            _("Enter a time zone by its IANA name, e.g. America/Chicago."), code="invalid"
        )


def zone_of(name: str) -> zoneinfo.ZoneInfo:
    """The zone of that name, or the install's when it is empty or unknown."""
    if name and name in time_zone_names():
        return zoneinfo.ZoneInfo(name)
    return zoneinfo.ZoneInfo(default_time_zone())
