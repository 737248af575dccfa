"""What the patient asked for, as the confirmation page, their e-mail and the calendar file
repeat it: when (on the office's clock, naming its zone), where, with whom, about what.

Only choices the patient made from lists: never the note or anything else typed, so the recap is
safe in an e-mail and in a calendar.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic_pages.appointments.local_time import office_time, zone_label


@dataclass(frozen=True)
class Recap:
    when: str = ""  # "Tuesday 10 March 2026, 10:00 AM CDT"
    zone: str = ""  # "Central Time"
    office: str = ""
    address: str = ""  # one line, for the e-mail and the calendar
    physician: str = ""
    about: str = ""  # the treatment or reason category as chosen
    days: str = ""  # a call back: the days and times of day that suit the patient
    times: str = ""

    @property
    def has_time(self) -> bool:
        return bool(self.when)


def one_line_address(office) -> str:
    if office is None:
        return ""
    town = " ".join(part for part in (office.region, office.postal_code) if part)
    parts = (office.translated_name, office.street_address, office.locality, town)
    return ", ".join(part.strip() for part in parts if part and part.strip())


def recap_of(booking) -> Recap:
    """The recap of one request (its slot, office and physician loaded as needed)."""
    slot = booking.slot if booking.slot_id else None
    office = slot.location if slot is not None else booking.location
    physician = (slot.physician if slot is not None else None) or booking.physician
    zone = slot.time_zone if slot is not None else ""
    return Recap(
        when=office_time(slot.starts_at, zone, "long") if slot is not None else "",
        zone=zone_label(zone) if slot is not None else "",
        office=office.translated_name if office is not None else "",
        address=one_line_address(office),
        physician=physician.display_name if physician is not None else "",
        about=booking.topic_label,
        days="" if slot is not None else booking.get_preferred_days_display(),
        times="" if slot is not None else booking.get_preferred_times_display(),
    )
