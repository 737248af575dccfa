"""A request as the front desk reads it: its timeline on the office's clock, its contact links."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString

from clinic_pages.appointments.local_time import office_time, zone_label
from clinic_pages.appointments.models import AppointmentRequest, RequestNote
from clinic_pages.core.validators import tel_href


@dataclass(frozen=True)
class TimelineRow:
    entry: RequestNote
    author: str
    when: str
    sent: str

    @property
    def is_message(self) -> bool:
        return self.entry.kind == RequestNote.Kind.MESSAGE


def timeline_rows(booking: AppointmentRequest) -> list[TimelineRow]:
    """Every note and message of the request, newest first, times in the office's zone."""
    zone = booking.time_zone
    return [
        TimelineRow(
            entry=entry,
            author=entry.author_name,
            when=office_time(entry.created_at, zone, "short"),
            sent=office_time(entry.sent_at, zone, "short"),
        )
        for entry in booking.timeline.select_related("author")
    ]


def contact_links(booking: AppointmentRequest) -> dict[str, SafeString | str]:
    """Click-to-call and mail links for the patient's phone and e-mail address ("" for none)."""
    phone_href = tel_href(booking.phone or "")
    return {
        "phone": format_html('<a href="{}">{}</a>', phone_href, booking.phone)
        if phone_href
        else "",
        "email": format_html('<a href="mailto:{}">{}</a>', booking.email, booking.email)
        if booking.email
        else "",
        "zone": zone_label(booking.time_zone),
    }
