"""Templated e-mails to the patient when the front desk changes a request's status.

Contacted, booked and closed (declined or cancelled by the clinic) each have a template. None
carries a health detail: no reason or treatment, no note the patient typed, no staff note; only
the clinic, the reference and, once booked, when, where and with whom.

The message is rendered when the status changes, in the language the request was made in, and
kept in the request's timeline (``RequestNote`` of kind "message"), so staff see exactly what
was sent. A background task sends it, as the booking e-mails are sent (``appointments.tasks``):
each send claims the entry with a lease, a failure is tried again after 1, 2, 4, ... minutes up
to ``CLINIC_PAGES_APPOINTMENT_EMAIL_MAX_ATTEMPTS`` times, and ``send_pending_status_messages``
is the safety net for a queue that cannot defer.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task, task_backends
from wagtail.log_actions import log

from clinic_pages.appointments.local_time import office_time
from clinic_pages.appointments.models import AppointmentRequest, RequestNote
from clinic_pages.appointments.notifications import LEASE, mail_connection
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.core.conf import clinic_pages_settings

logger = logging.getLogger("clinic_pages.appointments")

Status = AppointmentRequest.Status

# The template each new status sends; other statuses (new, no-show) send nothing.
TEMPLATES = {
    Status.CONTACTED: "contacted",
    Status.BOOKED: "booked",
    Status.DECLINED: "closed",
    Status.CANCELLED: "closed",
}

FIRST_RETRY_DELAY = datetime.timedelta(minutes=1)


def sends_message(status: str) -> bool:
    return status in TEMPLATES


def request_language(booking: AppointmentRequest) -> str:
    """The language the patient booked in; the site's default for requests that stored none.

    The seam for the patient flow's ``AppointmentRequest.language`` (empty on older requests).
    """
    return getattr(booking, "language", "") or settings.LANGUAGE_CODE


def _subject(status: str, reference: str) -> str:
    subjects = {
        "contacted": gettext("About your appointment request %(reference)s"),
        "booked": gettext("Your appointment is booked (%(reference)s)"),
        "closed": gettext("Your appointment request %(reference)s is closed"),
    }
    return subjects[TEMPLATES[status]] % {"reference": reference}


def compose(booking: AppointmentRequest, status: str) -> tuple[str, str]:
    """The subject and text for this status, in the request's language."""
    clinic = ClinicSettings.for_site(booking.site)
    # When, where and with whom only from the booked slot: a preferred office or physician is
    # a wish, not what the front desk arranged (that was said on the phone).
    slot = booking.slot if booking.slot_id else None
    office = slot.location if slot else None
    physician = slot.physician if slot else None
    with translation.override(request_language(booking)):
        context = {
            "clinic_name": clinic.practice_name or booking.site.site_name,
            "clinic_phone": (office or booking.location or clinic).phone or clinic.phone,
            "booking": booking,
            "appointment_time": office_time(slot.starts_at, slot.time_zone) if slot else "",
            "office": office if status == Status.BOOKED else None,
            "office_address": (
                f"{office.street_address}, {office.locality}, {office.region}" if office else ""
            ),
            "physician_name": physician.display_name if physician else "",
        }
        template = f"clinic_pages/appointments/status_emails/{TEMPLATES[status]}.txt"
        return _subject(status, booking.reference), render_to_string(template, context).strip()


def record_status_message(booking: AppointmentRequest, user) -> RequestNote | None:
    """Keep the message for the request's new status in its timeline, to be sent after the
    change is committed; None when the status sends nothing or the patient gave no e-mail."""
    if not sends_message(booking.status) or not booking.email:
        return None
    subject, text = compose(booking, booking.status)
    message = RequestNote.objects.create(
        request=booking,
        kind=RequestNote.Kind.MESSAGE,
        author=user,
        subject=subject,
        text=text,
    )
    log(booking, "clinic_pages.appointments.message_queued", user=user, data={"entry": message.pk})
    return message


def _backend_alias() -> str:
    return clinic_pages_settings.APPOINTMENT_EMAIL_TASK_BACKEND


@task(priority=50)
def send_status_message(entry_pk: int, attempt: int = 1) -> bool:
    """Send one timeline message; True when it is sent (now or before)."""
    entry = RequestNote.objects.select_related("request").filter(pk=entry_pk).first()
    if entry is None:  # the request was erased meanwhile
        return True
    sent = deliver(entry)
    if not sent:
        _retry_later(entry_pk, attempt)
    return sent


def enqueue_status_message(entry_pk: int, *, attempt: int = 1, run_after=None) -> bool:
    """Queue the sending; False (logged) when the queue refused it (the safety net sends it)."""
    options = {"backend": _backend_alias()}
    if run_after is not None:
        options["run_after"] = run_after
    try:
        send_status_message.using(**options).enqueue(entry_pk, attempt)
    except Exception as exc:
        logger.error(
            "Could not queue status message %s (%s); send_pending_status_messages will send it.",
            entry_pk,
            type(exc).__name__,
        )
        return False
    return True


def _retry_later(entry_pk: int, attempt: int) -> None:
    if attempt >= clinic_pages_settings.APPOINTMENT_EMAIL_MAX_ATTEMPTS:
        logger.warning("Gave up on status message %s after %s attempts.", entry_pk, attempt)
        return
    if not task_backends[_backend_alias()].supports_defer:
        return
    delay = FIRST_RETRY_DELAY * 2 ** (attempt - 1)
    enqueue_status_message(entry_pk, attempt=attempt + 1, run_after=timezone.now() + delay)


def _claim(entry: RequestNote) -> bool:
    now = timezone.now()
    return (
        RequestNote.objects.filter(pk=entry.pk, sent_at__isnull=True)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(lease_until=now + LEASE)
        == 1
    )


def deliver(entry: RequestNote, connection=None) -> bool:
    """Send the message if nobody has; never raises (a failure is logged and retried)."""
    if entry.sent_at is not None:
        return True
    if not _claim(entry):
        return RequestNote.objects.filter(pk=entry.pk, sent_at__isnull=False).exists()
    try:
        send_mail(
            entry.subject,
            entry.text,
            None,
            [entry.request.email],
            connection=connection or mail_connection(),
        )
    except Exception as exc:  # the exception text can hold addresses: log its type only
        RequestNote.objects.filter(pk=entry.pk).update(lease_until=None)
        logger.error("Status message %s failed (%s).", entry.pk, type(exc).__name__)
        return False
    entry.sent_at = timezone.now()
    RequestNote.objects.filter(pk=entry.pk).update(sent_at=entry.sent_at, lease_until=None)
    log(entry.request, "clinic_pages.appointments.message_sent", data={"entry": entry.pk})
    return True


def send_pending_status_messages(since: datetime.datetime) -> tuple[int, int]:
    """Send the messages written since then and not sent yet; returns (sent, failed)."""
    pending = RequestNote.objects.filter(
        kind=RequestNote.Kind.MESSAGE, sent_at__isnull=True, created_at__gte=since
    ).select_related("request")
    sent = failed = 0
    connection = None
    for entry in pending:
        connection = connection or mail_connection()
        if deliver(entry, connection):
            sent += 1
        else:
            failed += 1
    return sent, failed
