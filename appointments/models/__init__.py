"""Appointment booking: the page visitors book on, the slots clinics publish, the requests."""

from appointments.models.booking import (
    ACTIVE_STATUSES,
    AppointmentRequest,
    AppointmentRequestQuerySet,
    AppointmentSlot,
    AppointmentSlotQuerySet,
)
from appointments.models.pages import AppointmentPage, AppointmentReason

__all__ = [
    "ACTIVE_STATUSES",
    "AppointmentPage",
    "AppointmentReason",
    "AppointmentRequest",
    "AppointmentRequestQuerySet",
    "AppointmentSlot",
    "AppointmentSlotQuerySet",
]
