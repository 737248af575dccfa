"""Requests and staff for the front desk tests, made directly (the booking form has its own)."""

from __future__ import annotations

import datetime
import uuid

from django.utils import timezone

from clinic_pages.appointments.local_time import in_zone
from clinic_pages.appointments.models import AppointmentRequest, AppointmentSlot

INBOX = "/admin/appointment_requests/"


def make_request(clinic, **fields) -> AppointmentRequest:
    values = {
        "site": clinic.site,
        "submission_token": uuid.uuid4(),
        "name": f"{clinic.slug.title()} Patient",
        "phone": "(312) 555-0199",
        "email": f"{clinic.slug}.patient@example.org",
        "contact_method": "phone",
        "patient_status": "new",
        "location": clinic.extra["location"],
        "topic_label": "Ketamine infusion",
        "note": "My back hurts when I sit",
        "consented_at": timezone.now(),
    }
    values.update(fields)
    return AppointmentRequest.objects.create(**values)


def slot_at(clinic, start: datetime.datetime, **fields) -> AppointmentSlot:
    return AppointmentSlot.objects.create(
        site=clinic.site,
        location=clinic.extra["location"],
        physician=clinic.extra["physician"],
        starts_at=start,
        **fields,
    )


def office_now(clinic) -> datetime.datetime:
    """Now on the clinic's office clock."""
    return in_zone(timezone.now(), clinic.extra["location"].time_zone)
