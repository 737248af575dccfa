"""Appointment booking: the page visitors book on, the slots clinics publish, the requests."""

from clinic_pages.appointments.models.booking import (
    ACTIVE_STATUSES,
    AppointmentRequest,
    AppointmentRequestQuerySet,
    AppointmentSlot,
    AppointmentSlotQuerySet,
    SlotOverlapError,
)
from clinic_pages.appointments.models.notes import RequestNote
from clinic_pages.appointments.models.pages import AppointmentPage, AppointmentReason
from clinic_pages.appointments.models.schedules import PhysicianSchedule

__all__ = [
    "ACTIVE_STATUSES",
    "AppointmentPage",
    "AppointmentReason",
    "AppointmentRequest",
    "AppointmentRequestQuerySet",
    "AppointmentSlot",
    "AppointmentSlotQuerySet",
    "PhysicianSchedule",
    "RequestNote",
    "SlotOverlapError",
]
