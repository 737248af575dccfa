"""Appointment times as the office's clock shows them, always naming the zone.

Everything is stored in UTC. The booking form, the confirmation, the e-mails, the admin lists
and the export all show a moment through ``office_time`` in the zone of the office it concerns,
because the server, the staff and the patient may each be somewhere else.
"""

from __future__ import annotations

import datetime

from django.utils import dateformat, formats
from django.utils.translation import gettext_lazy as _

from clinic_pages.clinics.time_zones import zone_of

# Django's date format characters; month and day names are translated, ``T`` prints "CST".
DATE_TIME = "l j F Y, g:i A T"  # Tuesday 10 March 2026, 10:00 AM CDT
SHORT_DATE_TIME = "D j M Y, g:i A T"  # Tue 10 Mar 2026, 10:00 AM CDT
TIME = "g:i A T"  # 10:00 AM CDT
SORTABLE = "Y-m-d H:i T"  # 2026-03-10 10:00 CDT, for spreadsheets

FORMATS = {"long": DATE_TIME, "short": SHORT_DATE_TIME, "time": TIME, "sortable": SORTABLE}

# Everyday names of the zones US offices are in; others are named by their IANA name.
ZONE_NAMES = {
    "America/New_York": _("Eastern Time"),
    "America/Detroit": _("Eastern Time"),
    "America/Indiana/Indianapolis": _("Eastern Time"),
    "America/Chicago": _("Central Time"),
    "America/Denver": _("Mountain Time"),
    "America/Phoenix": _("Mountain Time (Arizona)"),
    "America/Los_Angeles": _("Pacific Time"),
    "America/Anchorage": _("Alaska Time"),
    "Pacific/Honolulu": _("Hawaii Time"),
}


def zone_label(zone_name: str | None) -> str:
    """ "Central Time" for the usual US zones, the IANA name for any other."""
    key = zone_of(zone_name or "").key
    return str(ZONE_NAMES.get(key, key))


def in_zone(moment: datetime.datetime, zone_name: str | None) -> datetime.datetime:
    """The stored moment on the office's wall clock."""
    return moment.astimezone(zone_of(zone_name or ""))


def office_time(
    moment: datetime.datetime | None, zone_name: str | None, style: str = "long"
) -> str:
    """The moment in that zone, naming the zone: the one way a time is shown anywhere.

    ``style`` is ``long``, ``short``, ``time`` or ``sortable`` (see ``FORMATS``).
    """
    if moment is None:
        return ""
    return dateformat.format(in_zone(moment, zone_name), formats.get_format(FORMATS[style]))


def wall_clock_moment(local: datetime.datetime, zone_name: str | None) -> datetime.datetime:
    """A wall-clock time at the office as an aware moment.

    Raises ValueError for a time the clocks skip (2:30 AM on the spring-forward night); an hour
    that happens twice (the autumn night) is the first of the two.
    """
    zone = zone_of(zone_name or "")
    naive = local.replace(tzinfo=None)
    moment = naive.replace(tzinfo=zone, fold=0)
    if moment.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise ValueError("That time does not exist in the office's time zone.")
    return moment
