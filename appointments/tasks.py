"""Background tasks (Django's task framework, as Wagtail uses it): booking e-mails.

The visitor's request only enqueues; a worker sends. With a backend that can defer (a database
queue) a failed e-mail is tried again after 1, 2, 4, ... minutes, up to
``CLINIC_PAGES_APPOINTMENT_EMAIL_MAX_ATTEMPTS`` times; past that, or with a backend that
cannot defer, ``manage.py retry_appointment_emails`` (run on a schedule) sends what is left.
"""

from __future__ import annotations

import datetime
import logging

from django.utils import timezone
from django_tasks import task, task_backends

from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.appointments.notifications import deliver_pending
from clinic_pages.core.conf import clinic_pages_settings

logger = logging.getLogger("clinic_pages.appointments")

FIRST_RETRY_DELAY = datetime.timedelta(minutes=1)


# Ahead of the queue's bulk work (search and reference indexing after an import): a patient
# and the front desk wait for these.
@task(priority=50)
def send_appointment_emails(request_pk: int, attempt: int = 1) -> list[str]:
    """Send the e-mails due for one request; returns the kinds that failed this time."""
    booking = (
        AppointmentRequest.objects.select_related("site__root_page").filter(pk=request_pk).first()
    )
    if booking is None:  # erased before the worker got to it
        return []
    failed = deliver_pending(booking)
    if failed:
        _retry_later(request_pk, attempt)
    return failed


def _backend_alias() -> str:
    return clinic_pages_settings.APPOINTMENT_EMAIL_TASK_BACKEND


def enqueue_appointment_emails(request_pk: int, *, attempt: int = 1, run_after=None) -> bool:
    """Queue the e-mails of one request; False (logged) when the queue refused it.

    Called after the request is committed: a queue that is down must not turn a stored booking
    into an error page, and the retry command finds the request anyway.
    """
    options = {"backend": _backend_alias()}
    if run_after is not None:
        options["run_after"] = run_after
    try:
        send_appointment_emails.using(**options).enqueue(request_pk, attempt)
    except Exception as exc:
        logger.error(
            "Could not queue the e-mails of appointment request %s (%s); "
            "retry_appointment_emails will send them.",
            request_pk,
            type(exc).__name__,
        )
        return False
    return True


def _retry_later(request_pk: int, attempt: int) -> None:
    if attempt >= clinic_pages_settings.APPOINTMENT_EMAIL_MAX_ATTEMPTS:
        logger.warning(
            "Gave up on e-mails of appointment request %s after %s attempts; "
            "retry_appointment_emails will try again.",
            request_pk,
            attempt,
        )
        return
    if not task_backends[_backend_alias()].supports_defer:
        return  # e.g. the immediate backend: waiting here would block a request
    delay = FIRST_RETRY_DELAY * 2 ** (attempt - 1)
    enqueue_appointment_emails(request_pk, attempt=attempt + 1, run_after=timezone.now() + delay)
