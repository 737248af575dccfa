"""Demo data for the booking flow: reason categories, working hours and bookable slots.

Slots follow the same rules as the admin's weekly-pattern tool: only while the office is open
and the physician works there, never two places at once, on each office's own clock.
"""

from __future__ import annotations

import datetime
from collections import Counter

from django.utils import timezone

from clinic_pages.appointments.models import AppointmentReason, AppointmentSlot, PhysicianSchedule
from clinic_pages.appointments.models.availability import Availability
from clinic_pages.clinics.models import Location


def ensure_demo_schedule(physician, offices: list[Location]) -> int:
    """Give a physician without working hours a week across the clinic's offices: each weekday
    at one office open that day (the one with fewest days so far), for its opening hours.

    Returns how many rows were created (0 when the physician has working hours already).
    """
    if PhysicianSchedule.objects.filter(physician=physician).exists():
        return 0
    days_at: Counter[int] = Counter()
    rows = []
    for weekday in range(7):
        open_then = [
            (office, hours)
            for office in offices
            for hours in office.ordered_hours
            if hours.weekday == weekday and not hours.is_closed
        ]
        if not open_then:
            continue
        office, hours = min(open_then, key=lambda pair: (days_at[pair[0].pk], pair[0].sort_order))
        days_at[office.pk] += 1
        rows.append(
            PhysicianSchedule(
                site_id=office.site_id,
                physician=physician,
                location=office,
                weekday=weekday,
                starts=hours.opens,
                ends=hours.closes,
            )
        )
    PhysicianSchedule.objects.bulk_create(rows)
    return len(rows)


def create_demo_slots(
    site, location, physician=None, *, days: int = 21, duration_minutes: int = 45
) -> int:
    """Slots for the next ``days`` days from tomorrow at this office, inside its opening hours
    and the physician's working hours there; safe to run again.

    Returns how many slots were created (0 on a re-run).
    """
    if location.site_id != site.pk:
        raise ValueError("The location belongs to another clinic.")
    if physician is not None:
        ensure_demo_schedule(physician, list(Location.objects.for_site(site)))
    first = timezone.localdate(timezone=location.zone) + datetime.timedelta(days=1)
    starts = Availability(location, physician.pk if physician else None).start_times(
        first, first + datetime.timedelta(days=days - 1), duration_minutes
    )
    created, _skipped = AppointmentSlot.objects.add_free(
        location, physician, starts, duration_minutes
    )
    return created


def add_demo_reasons(page, labels: list[str]) -> None:
    """Reason categories on an appointment page, added once."""
    for order, label in enumerate(labels):
        AppointmentReason.objects.get_or_create(
            page=page, label=label, defaults={"sort_order": order}
        )
