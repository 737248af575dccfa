"""An office's week as visitors read it: every day listed, the days without hours marked closed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.dates import WEEKDAYS

SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class WeekDay:
    """One weekday (0 is Monday) and its opening hours; no hours means closed."""

    weekday: int
    hours: list[Any] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(WEEKDAYS[self.weekday])

    @property
    def schema_day(self) -> str:
        return "https://schema.org/" + SCHEMA_DAYS[self.weekday]

    @property
    def is_closed(self) -> bool:
        return not self.hours


def week_of(hours: Iterable[Any]) -> list[WeekDay]:
    """Monday to Sunday with the open rows of each (rows without times are closed days)."""
    days = [WeekDay(weekday) for weekday in range(7)]
    for row in hours:
        if not row.is_closed and row.opens < row.closes:
            days[row.weekday].hours.append(row)
    for day in days:
        day.hours.sort(key=lambda row: row.opens)
    return days
