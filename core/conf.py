"""Clinic Pages' own settings, each set in a host project as ``CLINIC_PAGES_<NAME>``.

Read them through ``clinic_pages_settings.<NAME>``: the host's value when it sets one, else the
default below. Values are read on every access, so tests and ``override_settings`` apply at once.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

PREFIX = "CLINIC_PAGES_"

DEFAULTS: dict[str, Any] = {
    # Days an appointment request is kept before `purge_appointment_requests` deletes it.
    "APPOINTMENT_RETENTION_DAYS": 180,
    # A booking form sent back faster than this is a bot's, and is dropped quietly.
    "APPOINTMENT_MIN_FILL_SECONDS": 3,
    # Booking attempts per client per window (counted in the shared cache).
    "APPOINTMENT_RATE_LIMIT": 5,
    "APPOINTMENT_RATE_LIMIT_WINDOW_SECONDS": 3600,
    # Trust X-Forwarded-For for the client address (only behind a proxy that sets it).
    "APPOINTMENT_TRUST_X_FORWARDED_FOR": False,
    # How soon and how far ahead published slots are offered.
    "APPOINTMENT_SLOT_LEAD_HOURS": 2,
    "APPOINTMENT_SLOT_WINDOW_DAYS": 42,
    "APPOINTMENT_MAX_SLOTS_SHOWN": 200,
    # How long a patient's signed cancel link works.
    "APPOINTMENT_CANCEL_LINK_MAX_AGE_DAYS": 90,
    # Who is told of a request when the clinic has set no notification address.
    "APPOINTMENT_FALLBACK_NOTIFICATION_EMAILS": [],
}


class ClinicPagesSettings:
    """Attribute access to the prefixed settings, falling back to ``DEFAULTS``."""

    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(f"Clinic Pages has no setting {name!r}")
        return getattr(settings, PREFIX + name, DEFAULTS[name])


clinic_pages_settings = ClinicPagesSettings()
