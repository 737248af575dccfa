"""Demo data for the booking flow: reason categories and bookable slots, for the demo loader."""

from __future__ import annotations

import datetime

from django.utils import timezone

from clinic_pages.appointments.models import AppointmentReason, AppointmentSlot


def create_demo_slots(
    site,
    location,
    physician=None,
    *,
    days: int = 21,
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4),
    times: tuple[datetime.time, ...] = (
        datetime.time(9, 0),
        datetime.time(10, 0),
        datetime.time(11, 0),
        datetime.time(14, 0),
        datetime.time(15, 0),
    ),
    duration_minutes: int = 45,
) -> int:
    """Slots on weekdays for the next ``days`` days, starting tomorrow; safe to run again.

    Returns how many slots were created (0 on a re-run).
    """
    if location.site_id != site.pk:
        raise ValueError("The location belongs to another clinic.")
    zone = timezone.get_current_timezone()
    today = timezone.localdate()
    created = 0
    for offset in range(1, days + 1):
        day = today + datetime.timedelta(days=offset)
        if day.weekday() not in weekdays:
            continue
        for start in times:
            _, made = AppointmentSlot.objects.get_or_create(
                location=location,
                physician=physician,
                starts_at=datetime.datetime.combine(day, start, tzinfo=zone),
                defaults={"site": site, "duration_minutes": duration_minutes},
            )
            created += made
    return created


def add_demo_reasons(page, labels: list[str]) -> None:
    """Reason categories on an appointment page, added once."""
    for order, label in enumerate(labels):
        AppointmentReason.objects.get_or_create(
            page=page, label=label, defaults={"sort_order": order}
        )
