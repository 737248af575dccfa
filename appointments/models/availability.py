"""When an office can offer a slot: its opening hours, its closures and, for a physician, their
working hours there. The weekly-pattern tool, the demo and slot validation all ask here.

Times are wall-clock times at the office, so a 9:00 pattern stays at 9:00 across the daylight
saving changes (its UTC moment moves by an hour instead).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils.translation import gettext as _

from clinic_pages.appointments.models.schedules import PhysicianSchedule
from clinic_pages.clinics.models import Location

Window = tuple[datetime.datetime, datetime.datetime]


def _overlap(first: Iterable[Window], second: Iterable[Window]) -> list[Window]:
    second = list(second)
    return [(max(a, c), min(b, d)) for a, b in first for c, d in second if max(a, c) < min(b, d)]


def _applies(row: PhysicianSchedule, day: datetime.date) -> bool:
    return (
        row.weekday == day.weekday()
        and (row.valid_from is None or row.valid_from <= day)
        and (row.valid_until is None or row.valid_until >= day)
    )


class Availability:
    """One office (and optionally one physician there), loaded once for many days."""

    def __init__(self, location: Location, physician_id: int | None = None):
        self.location = Location.objects.prefetch_related("hours", "closures").get(pk=location.pk)
        self.physician_id = physician_id
        self.schedule = (
            list(PhysicianSchedule.objects.filter(physician_id=physician_id, location=location))
            if physician_id
            else []
        )

    def windows(self, day: datetime.date) -> list[Window]:
        """When slots may be offered on this local day, as aware moments on the office's clock."""
        open_hours = self.location.opening_intervals(day)
        if not self.physician_id:
            return open_hours
        zone = self.location.zone
        working = [
            (
                datetime.datetime.combine(day, row.starts, tzinfo=zone),
                datetime.datetime.combine(day, row.ends, tzinfo=zone),
            )
            for row in self.schedule
            if _applies(row, day)
        ]
        return _overlap(open_hours, working)

    def start_times(
        self,
        first_day: datetime.date,
        last_day: datetime.date,
        duration_minutes: int,
        *,
        weekdays: Iterable[int] | None = None,
        day_starts: datetime.time | None = None,
        day_ends: datetime.time | None = None,
    ) -> list[datetime.datetime]:
        """Back-to-back starts filling every window between the two local days, optionally only
        on some weekdays and between two times of day."""
        weekdays = set(weekdays) if weekdays else None
        step = datetime.timedelta(minutes=duration_minutes)
        zone = self.location.zone
        starts: list[datetime.datetime] = []
        day = first_day
        while day <= last_day:
            windows = self.windows(day) if weekdays is None or day.weekday() in weekdays else []
            if windows and (day_starts or day_ends):
                limit = (
                    datetime.datetime.combine(day, day_starts or datetime.time.min, tzinfo=zone),
                    datetime.datetime.combine(day, day_ends or datetime.time.max, tzinfo=zone),
                )
                windows = _overlap(windows, [limit])
            for begins, ends in windows:
                moment = begins
                while moment + step <= ends:
                    starts.append(moment)
                    moment += step
            day += datetime.timedelta(days=1)
        return starts

    def fits(self, starts_at: datetime.datetime, duration_minutes: int) -> bool:
        local = starts_at.astimezone(self.location.zone)
        ends = local + datetime.timedelta(minutes=duration_minutes)
        return any(a <= local and ends <= b for a, b in self.windows(local.date()))


def slot_problem(slot) -> str:
    """Why this slot may not be offered, or "" when it may (used by the slot's clean())."""
    if not Availability(slot.location).fits(slot.starts_at, slot.duration_minutes):
        return _("The office is closed at that time (see its opening hours and closures).")
    if not slot.physician_id:
        return ""
    if not Availability(slot.location, slot.physician_id).fits(
        slot.starts_at, slot.duration_minutes
    ):
        return _("The physician does not work at this office then (see their working hours).")
    clash = slot.clashes().select_related("location").first()
    if clash is not None:
        return _("The physician already has a slot then: %(slot)s.") % {"slot": clash}
    return ""
