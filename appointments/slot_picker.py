"""Choosing a free time in three short steps: office, then day, then time.

The booking form once listed every free slot in one select (150 options on a phone). The
picker narrows them instead: the patient's office (or the first), a day with free times there,
and only that day's times. Without JavaScript a "Show times" button posts the form back with
every answer kept; with it, ``booking.js`` narrows in the page from ``data``, the same rows.
"""

from __future__ import annotations

import datetime
import json
from collections import OrderedDict
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext, pgettext

from clinic_pages.appointments.local_time import in_zone, office_time, zone_label


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass
class SlotPicker:
    """The offices, days and times on offer, and which of each is chosen."""

    offices: list[Choice] = field(default_factory=list)
    office: str = ""
    zone: str = ""  # "Central Time": the chosen office's clock, which every time shown uses
    days: list[Choice] = field(default_factory=list)
    day: str = ""
    times: list[Choice] = field(default_factory=list)
    slot: str = ""
    # Every free slot for the script: office, day and labels, nothing about anyone.
    data: dict = field(default_factory=dict)

    @property
    def data_json(self) -> str:
        """``data`` for the picker's ``data-slots`` attribute (the template escapes it)."""
        return json.dumps(self.data, separators=(",", ":"))


def day_label(day: datetime.date) -> str:
    """ "Tuesday 10 March" (the format is translated: "martes 10 de marzo")."""
    return formats.date_format(day, pgettext("booking form day", "l j F"))


def time_label(slot) -> str:
    """ "10:00 AM CDT with Dr Lee (30 min)": the office's clock, naming its zone."""
    when = office_time(slot.starts_at, slot.time_zone, "time")
    values = {"time": when, "minutes": slot.duration_minutes, "physician": slot.physician_name}
    if slot.physician_name:
        return gettext("%(time)s with %(physician)s (%(minutes)s min)") % values
    return gettext("%(time)s (%(minutes)s min)") % values


def _first_of(wanted: str, values: list[str]) -> str:
    return wanted if wanted in values else (values[0] if values else "")


def build_picker(slots, office_names: dict[int, str], *, office="", day="", slot="") -> SlotPicker:
    """Narrow ``slots`` (``OpenSlot`` rows, in time order) to the chosen office and day.

    ``office``, ``day`` and ``slot`` are what the patient chose (strings from the form or the
    link); anything that is not on offer falls back to the chosen slot's, then the first.
    """
    rows = []
    zones: dict[str, str] = {}
    by_office: OrderedDict[str, OrderedDict[str, list]] = OrderedDict()
    for row in slots:
        local_day = in_zone(row.starts_at, row.time_zone).date()
        key, iso = str(row.location_id), local_day.isoformat()
        zones.setdefault(key, zone_label(row.time_zone))
        by_office.setdefault(key, OrderedDict()).setdefault(iso, []).append(row)
        rows.append((key, iso, local_day, row))

    chosen = next((row for key, iso, _day, row in rows if str(row.pk) == slot), None)
    if chosen is not None and not office:
        office = str(chosen.location_id)
    office = _first_of(office, list(by_office))
    days = by_office.get(office, OrderedDict())
    if chosen is not None and not day and str(chosen.location_id) == office:
        day = in_zone(chosen.starts_at, chosen.time_zone).date().isoformat()
    day = _first_of(day, list(days))

    day_labels = {iso: day_label(local_day) for _key, iso, local_day, _row in rows}
    labels = {str(row.pk): time_label(row) for _key, _iso, _day, row in rows}
    return SlotPicker(
        offices=[Choice(key, office_names.get(int(key), "")) for key in by_office],
        office=office,
        zone=zones.get(office, ""),
        days=[Choice(iso, day_labels[iso]) for iso in days],
        day=day,
        times=[Choice(str(row.pk), labels[str(row.pk)]) for row in days.get(day, [])],
        slot=slot if chosen is not None else "",
        data={
            "offices": {key: zones[key] for key in by_office},
            "days": day_labels,
            "slots": [[str(row.pk), key, iso, labels[str(row.pk)]] for key, iso, _d, row in rows],
        },
    )
