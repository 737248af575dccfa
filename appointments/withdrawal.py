"""Slots that new hours leave outside: withdrawn when free, flagged when someone holds them.

When an office's opening hours or a physician's working hours change, future slots made under
the old hours may now fall outside them. A free one is deleted (no patient can pick it any
more); one an active request holds is kept, and a note in that request's timeline tells the
front desk to rearrange it with the patient.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from wagtail.log_actions import log

from clinic_pages.appointments.models import (
    ACTIVE_STATUSES,
    AppointmentRequest,
    AppointmentSlot,
    RequestNote,
)
from clinic_pages.appointments.models.availability import Availability


@dataclass
class Withdrawal:
    withdrawn: int = 0
    flagged: list[AppointmentRequest] = field(default_factory=list)


def _fits(slot: AppointmentSlot, cache: dict) -> bool:
    """Inside the office's hours and, for a physician's slot, their working hours there."""
    key = (slot.location_id, slot.physician_id)
    if key not in cache:
        cache[key] = Availability(slot.location, slot.physician_id)
    return cache[key].fits(slot.starts_at, slot.duration_minutes)


def withdraw_slots_outside_hours(slots: QuerySet, user=None) -> Withdrawal:
    """Check these slots' future ones against the hours now in force (see module docstring)."""
    result = Withdrawal()
    future = list(slots.filter(starts_at__gt=timezone.now()).select_related("location"))
    cache: dict = {}
    outside = [slot for slot in future if not _fits(slot, cache)]
    if not outside:
        return result
    holders = {
        booking.slot_id: booking
        for booking in AppointmentRequest.objects.filter(
            slot__in=outside, status__in=ACTIVE_STATUSES
        )
    }
    text = gettext(
        "The office's opening hours or the physician's working hours changed: this "
        "appointment's time now falls outside them. Arrange another time with the patient."
    )
    with transaction.atomic():
        free = [slot.pk for slot in outside if slot.pk not in holders]
        result.withdrawn = len(free)
        AppointmentSlot.objects.filter(pk__in=free).delete()
        for booking in holders.values():
            if booking.timeline.filter(kind=RequestNote.Kind.NOTE, text=text).exists():
                continue  # flagged before: one note is enough
            note = RequestNote.objects.create(request=booking, author=user, text=text)
            log(booking, "clinic_pages.appointments.note_added", user=user, data={"entry": note.pk})
            result.flagged.append(booking)
    return result


def tell_staff(request, result: Withdrawal) -> None:
    """Say on the next admin page what the change did to the slots, if anything."""
    if result.withdrawn:
        messages.warning(
            request,
            ngettext(
                "%(count)d free slot now outside the hours was withdrawn.",
                "%(count)d free slots now outside the hours were withdrawn.",
                result.withdrawn,
            )
            % {"count": result.withdrawn},
        )
    if result.flagged:
        messages.warning(
            request,
            ngettext(
                "%(count)d booked appointment now falls outside the hours; it is kept and "
                "flagged in its request's timeline: %(references)s.",
                "%(count)d booked appointments now fall outside the hours; they are kept and "
                "flagged in their requests' timelines: %(references)s.",
                len(result.flagged),
            )
            % {
                "count": len(result.flagged),
                "references": ", ".join(b.reference for b in result.flagged),
            },
        )
