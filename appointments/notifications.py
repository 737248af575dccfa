"""E-mails about a request: a bare notice to the clinic and a confirmation to the patient.

Neither carries anything the visitor typed: the clinic's notice names the clinic, the
reference and the admin link; the patient's names the reference, next steps and a cancel link.
Sending happens only after the request is committed, and a failure never loses the request:
it is logged by request id and retried by ``manage.py retry_appointment_emails``.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from clinic_pages.appointments.models import AppointmentPage, AppointmentRequest
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.core.conf import clinic_pages_settings

logger = logging.getLogger("clinic_pages.appointments")


def _clinic_context(booking):
    clinic = ClinicSettings.for_site(booking.site)
    page = (
        AppointmentPage.objects.live().descendant_of(booking.site.root_page, inclusive=True).first()
    )
    return clinic, page


def admin_url(booking) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("appointment_requests:inspect", args=[booking.pk])


def notify_clinic(booking) -> None:
    clinic, page = _clinic_context(booking)
    recipients = [
        address
        for address in [(page.notification_email if page else "") or clinic.email]
        if address
    ] or list(clinic_pages_settings.APPOINTMENT_FALLBACK_NOTIFICATION_EMAILS)
    if not recipients:
        logger.warning("No notification address for appointment request %s.", booking.pk)
        return
    context = {"clinic_name": clinic.practice_name or booking.site.site_name, "booking": booking}
    context["admin_url"] = admin_url(booking)
    send_mail(
        f"New appointment request {booking.reference}",
        render_to_string("clinic_pages/appointments/emails/clinic_notification.txt", context),
        None,
        recipients,
    )


def confirm_to_patient(booking) -> None:
    clinic, page = _clinic_context(booking)
    context = {
        "clinic_name": clinic.practice_name or booking.site.site_name,
        "clinic_phone": clinic.phone,
        "booking": booking,
        "next_steps": strip_tags(page.confirmation_text).strip() if page else "",
        "cancel_url": page.cancel_url(booking) if page else "",
    }
    send_mail(
        f"Your appointment request {booking.reference}",
        render_to_string("clinic_pages/appointments/emails/patient_confirmation.txt", context),
        None,
        [booking.email],
    )


def deliver_pending(booking) -> None:
    """Send whichever of the two e-mails has not gone out yet; never raises."""
    jobs = [("clinic", "clinic_notified_at", notify_clinic)]
    if booking.email:
        jobs.append(("patient", "patient_notified_at", confirm_to_patient))
    for kind, stamp, send in jobs:
        if getattr(booking, stamp):
            continue
        try:
            send(booking)
        except Exception as exc:  # SMTP, DNS, templates: none of it may cost the request
            # The exception text can contain addresses, so log only its type.
            logger.error(
                "The %s e-mail for appointment request %s failed (%s); it will be retried.",
                kind,
                booking.pk,
                type(exc).__name__,
            )
            continue
        setattr(booking, stamp, timezone.now())
        type(booking).objects.filter(pk=booking.pk).update(**{stamp: getattr(booking, stamp)})


def deliver_after_commit(booking_pk: int) -> None:
    booking = AppointmentRequest.objects.select_related("site__root_page").filter(pk=booking_pk)
    booking = booking.first()
    if booking is not None:
        deliver_pending(booking)
