"""E-mails about a request: bare notices to the clinic and a confirmation to the patient.

None carries anything the visitor typed: the clinic's notices (a new request, a cancellation)
name the clinic, the reference and the admin link; the patient's names the reference, next
steps and a cancel link.

Sending happens in a background task (``appointments.tasks``) after the request is committed,
never in the visitor's request, with a connection timeout. Each e-mail is claimed before it is
sent: a conditional UPDATE sets a lease on the request row, so of several senders (the task,
``retry_appointment_emails`` on several servers) exactly one sends it. A failure releases the
lease and never loses the request; the task tries again later and the command is the safety net.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext, gettext_lazy

from clinic_pages.appointments.models import AppointmentPage, AppointmentRequest
from clinic_pages.appointments.recap import recap_of
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.core.conf import clinic_pages_settings

logger = logging.getLogger("clinic_pages.appointments")

# Longer than a send can take with the timeout, so a live sender never loses its claim.
LEASE = datetime.timedelta(minutes=10)


def _clinic_context(booking, language: str = ""):
    """The clinic's settings and its appointment page, in ``language`` where it is translated
    (the patient's links then open in the language they booked in)."""
    clinic = ClinicSettings.for_site(booking.site)
    pages = AppointmentPage.objects.live().descendant_of(booking.site.root_page, inclusive=True)
    page = pages.first()
    if page is not None and language and page.locale.language_code != language:
        page = page.get_translations().live().filter(locale__language_code=language).first() or page
    return clinic, page


def admin_url(booking) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("appointment_requests:inspect", args=[booking.pk])


def mail_connection():
    """The configured e-mail backend, with a timeout unless the host set EMAIL_TIMEOUT."""
    options = {}
    if getattr(settings, "EMAIL_TIMEOUT", None) is None:
        options["timeout"] = clinic_pages_settings.APPOINTMENT_EMAIL_TIMEOUT_SECONDS
    return get_connection(**options)


def _clinic_recipients(clinic, page) -> list[str]:
    address = (page.notification_email if page else "") or clinic.email
    if address:
        return [address]
    return list(clinic_pages_settings.APPOINTMENT_FALLBACK_NOTIFICATION_EMAILS)


def _notify_clinic(booking, connection, *, subject, template: str) -> None:
    """``subject`` is a lazy message with ``%(reference)s``, read in the staff's language."""
    clinic, page = _clinic_context(booking)
    recipients = _clinic_recipients(clinic, page)
    if not recipients:
        logger.warning("No notification address for appointment request %s.", booking.pk)
        return
    context = {
        "clinic_name": clinic.practice_name or booking.site.site_name,
        "booking": booking,
        "admin_url": admin_url(booking),
    }
    # The staff's language, whichever language the patient's request (running this) was in.
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(
            str(subject) % {"reference": booking.reference},
            render_to_string(template, context),
            None,
            recipients,
            connection=connection,
        )


def notify_clinic(booking, connection=None) -> None:
    _notify_clinic(
        booking,
        connection,
        subject=gettext_lazy("New appointment request %(reference)s"),
        template="clinic_pages/appointments/emails/clinic_notification.txt",
    )


def notify_clinic_of_cancellation(booking, connection=None) -> None:
    _notify_clinic(
        booking,
        connection,
        subject=gettext_lazy("Appointment request %(reference)s cancelled by the patient"),
        template="clinic_pages/appointments/emails/clinic_cancellation.txt",
    )


def patient_language(booking) -> str:
    """The language the patient booked in, else the site's default."""
    return booking.language or settings.LANGUAGE_CODE


def confirm_to_patient(booking, connection=None) -> None:
    """The patient's recap (when, where, with whom; never what about), in their language."""
    with translation.override(patient_language(booking)):
        clinic, page = _clinic_context(booking, translation.get_language())
        context = {
            "clinic_name": clinic.practice_name or booking.site.site_name,
            "clinic_phone": clinic.phone,
            "booking": booking,
            "recap": recap_of(booking),
            "next_steps": strip_tags(page.confirmation_text).strip() if page else "",
            "cancel_url": page.cancel_url(booking) if page else "",
            "calendar_url": page.calendar_url(booking) if page and booking.slot_id else "",
        }
        subject = gettext("Your appointment request %(reference)s") % {
            "reference": booking.reference
        }
        body = render_to_string(
            "clinic_pages/appointments/emails/patient_confirmation.txt", context
        )
    send_mail(subject, body, None, [booking.email], connection=connection)


@dataclass(frozen=True)
class Notice:
    """One e-mail a request may need: when it is due, where its sending is recorded."""

    kind: str
    sent_field: str
    lease_field: str
    send: Callable
    due: Callable[[AppointmentRequest], bool]
    due_q: Q


NOTICES = (
    Notice(
        "clinic",
        "clinic_notified_at",
        "clinic_notice_lease_until",
        notify_clinic,
        lambda booking: True,
        Q(clinic_notified_at__isnull=True),
    ),
    Notice(
        "patient",
        "patient_notified_at",
        "patient_notice_lease_until",
        confirm_to_patient,
        lambda booking: bool(booking.email),
        Q(patient_notified_at__isnull=True) & ~Q(email=""),
    ),
    Notice(
        "cancellation",
        "cancellation_notified_at",
        "cancellation_notice_lease_until",
        notify_clinic_of_cancellation,
        lambda booking: booking.cancelled_at is not None,
        Q(cancellation_notified_at__isnull=True, cancelled_at__isnull=False),
    ),
)


def _claim(booking, notice: Notice) -> bool:
    """Take the e-mail for this sender; False when it is sent or another sender holds it."""
    now = timezone.now()
    lease = notice.lease_field
    claimed = (
        AppointmentRequest.objects.filter(pk=booking.pk, **{f"{notice.sent_field}__isnull": True})
        .filter(Q(**{f"{lease}__isnull": True}) | Q(**{f"{lease}__lt": now}))
        .update(**{lease: now + LEASE})
    )
    return claimed == 1


def deliver_pending(booking) -> list[str]:
    """Send whichever e-mails are due and not sent yet; never raises.

    Returns the kinds that failed, for the caller to try again later.
    """
    failed: list[str] = []
    connection = None
    for notice in NOTICES:
        if getattr(booking, notice.sent_field) or not notice.due(booking):
            continue
        if not _claim(booking, notice):
            continue
        connection = connection or mail_connection()
        try:
            notice.send(booking, connection)
        except Exception as exc:  # SMTP, DNS, timeouts, templates: none may cost the request
            AppointmentRequest.objects.filter(pk=booking.pk).update(**{notice.lease_field: None})
            # The exception text can contain addresses, so log only its type.
            logger.error(
                "The %s e-mail for appointment request %s failed (%s); it will be retried.",
                notice.kind,
                booking.pk,
                type(exc).__name__,
            )
            failed.append(notice.kind)
            continue
        sent_at = timezone.now()
        setattr(booking, notice.sent_field, sent_at)
        AppointmentRequest.objects.filter(pk=booking.pk).update(
            **{notice.sent_field: sent_at, notice.lease_field: None}
        )
    return failed


def requests_with_pending_emails(since: datetime.datetime) -> QuerySet[AppointmentRequest]:
    """Requests made (or, for a cancellation notice, cancelled) since then with an e-mail due."""
    new = NOTICES[0].due_q | NOTICES[1].due_q
    cancelled = NOTICES[2].due_q
    return AppointmentRequest.objects.filter(
        (Q(created_at__gte=since) & new) | (Q(cancelled_at__gte=since) & cancelled)
    )
