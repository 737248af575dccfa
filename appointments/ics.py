"""The requested appointment as an iCalendar file (RFC 5545) for the patient's own calendar.

Times are written in UTC (``...Z``), which every calendar reads without a time-zone table and
shows on the patient's clock; the description repeats the office's local time with its zone.
The summary names the clinic only: a calendar is often shared or shown on a lock screen, so
nothing says what the visit is about.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext

from clinic_pages.appointments.recap import Recap

UTC_STAMP = "%Y%m%dT%H%M%SZ"


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (3.1)."""
    parts, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def _stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime(UTC_STAMP)


def calendar_file(booking, recap: Recap, *, clinic_name: str, host: str, phone: str = "") -> str:
    """The VCALENDAR text of one request with a slot (CRLF line ends, as the RFC requires)."""
    slot = booking.slot
    ends_at = slot.starts_at + datetime.timedelta(minutes=slot.duration_minutes)
    summary = gettext("Appointment at %(clinic)s") % {"clinic": clinic_name}
    lines = [
        gettext("Reference: %(reference)s") % {"reference": booking.reference},
        gettext("Requested time: %(time)s (%(zone)s, the office's local time)")
        % {"time": recap.when, "zone": recap.zone},
        gettext("The clinic confirms this time by phone or e-mail."),
    ]
    if recap.physician:
        lines.append(gettext("Physician: %(name)s") % {"name": recap.physician})
    if phone:
        lines.append(gettext("Questions? Call us at %(phone)s.") % {"phone": phone})
    properties = [
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", "-//Clinic Pages//Appointment request//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("BEGIN", "VEVENT"),
        ("UID", f"{booking.reference}@{host}"),
        ("DTSTAMP", _stamp(timezone.now())),
        ("DTSTART", _stamp(slot.starts_at)),
        ("DTEND", _stamp(ends_at)),
        ("SUMMARY", escape_text(summary)),
        ("LOCATION", escape_text(recap.address)),
        ("DESCRIPTION", escape_text("\n".join(lines))),
        ("STATUS", "TENTATIVE"),
        ("TRANSP", "OPAQUE"),
        ("END", "VEVENT"),
        ("END", "VCALENDAR"),
    ]
    return "".join(fold(f"{name}:{value}") + "\r\n" for name, value in properties)
