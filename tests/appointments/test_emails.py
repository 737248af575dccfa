"""Booking e-mails leave the visitor's request: queued, sent once by a worker, retried on failure."""

from __future__ import annotations

import datetime
import threading
import time
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.appointments.notifications import mail_connection
from clinic_pages.appointments.tasks import send_appointment_emails

pytestmark = pytest.mark.django_db

SEND_MAIL = "clinic_pages.appointments.notifications.send_mail"


def test_the_request_returns_before_any_email_is_sent(
    alpha, book, task_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = book(alpha)
    assert response.status_code == 303
    booking = AppointmentRequest.objects.get()
    assert mail.outbox == []
    [queued] = task_queue.results
    assert queued.task.func is send_appointment_emails.func
    assert queued.args == [booking.pk, 1]


def test_the_worker_sends_each_email_exactly_once(
    alpha, book, task_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        book(alpha)
    task_queue.run_all()
    assert sorted(m.to[0] for m in mail.outbox) == ["hello@example.com", "jordan@example.org"]
    # The task again (a worker retried it) or the safety-net command: nothing is sent twice.
    booking = AppointmentRequest.objects.get()
    send_appointment_emails.call(booking.pk)
    call_command("retry_appointment_emails", verbosity=0, stdout=None)
    assert len(mail.outbox) == 2
    booking.refresh_from_db()
    assert booking.clinic_notified_at and booking.patient_notified_at


def test_a_failed_send_is_queued_again_later_and_then_sent(
    alpha, book, task_queue, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        book(alpha)
    [first] = task_queue.take()
    with mock.patch(SEND_MAIL, side_effect=TimeoutError("smtp hangs")):
        first.task.call(*first.args)
    assert mail.outbox == []
    assert "Jordan" not in caplog.text and "jordan@example.org" not in caplog.text
    [retry] = task_queue.take()
    assert retry.args[1] == 2
    assert retry.task.run_after > timezone.now() + datetime.timedelta(seconds=30)
    retry.task.call(*retry.args)
    assert len(mail.outbox) == 2
    assert task_queue.results == []  # nothing left to retry


def test_after_the_last_attempt_the_retry_command_sends(alpha, book, task_queue, settings):
    settings.CLINIC_PAGES_APPOINTMENT_EMAIL_MAX_ATTEMPTS = 1
    book(alpha)
    booking = AppointmentRequest.objects.get()
    with mock.patch(SEND_MAIL, side_effect=OSError("down")):
        send_appointment_emails.call(booking.pk, 1)
    assert task_queue.results == []  # the task gave up
    call_command("retry_appointment_emails", verbosity=0)
    assert len(mail.outbox) == 2


def test_a_queue_that_is_down_does_not_turn_a_booking_into_an_error(
    alpha, book, settings, django_capture_on_commit_callbacks, caplog
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "mail": {"BACKEND": "clinic_pages.no_such_queue.Backend"},
    }
    settings.CLINIC_PAGES_APPOINTMENT_EMAIL_TASK_BACKEND = "mail"
    with django_capture_on_commit_callbacks(execute=True):
        response = book(alpha)
    assert response.status_code == 303
    assert AppointmentRequest.objects.count() == 1
    assert "retry_appointment_emails will send them" in caplog.text
    call_command("retry_appointment_emails", verbosity=0)
    assert len(mail.outbox) == 2


def test_smtp_connections_have_a_timeout(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_TIMEOUT = None
    settings.CLINIC_PAGES_APPOINTMENT_EMAIL_TIMEOUT_SECONDS = 7
    assert mail_connection().timeout == 7
    settings.EMAIL_TIMEOUT = 3  # the host's own setting wins
    assert mail_connection().timeout == 3


def test_a_cancellation_tells_the_clinic_without_patient_details(
    client, alpha, book, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        book(alpha, name="Jordan Uniquename")
    mail.outbox.clear()
    booking = AppointmentRequest.objects.get()
    link = alpha.appointment.cancel_url(booking).split(alpha.host, 1)[-1]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, HTTP_HOST=alpha.host)
    assert "We have let the clinic know" in response.content.decode()
    [notice] = mail.outbox
    assert notice.to == ["hello@example.com"]
    assert booking.reference in notice.subject and "cancelled" in notice.subject
    assert f"/admin/appointment_requests/inspect/{booking.pk}/" in notice.body
    for private in ("Uniquename", "555-0199", "jordan@example.org", "Ketamine"):
        assert private not in notice.subject + notice.body
    # Sent once, whoever runs afterwards.
    call_command("retry_appointment_emails", verbosity=0)
    assert len(mail.outbox) == 1
    booking.refresh_from_db()
    assert booking.cancellation_notified_at is not None


def test_retry_command_refuses_an_absurd_window(alpha):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="between 1 and"):
        call_command("retry_appointment_emails", "--within-days", "1000000000")


# Skipped before any fixture runs (see test_slot_concurrency). serialized_rollback puts the
# migrations' rows (the root page, the default locale) back after the previous transactional
# test's flush; without it the bookings below would have no clinic to go to.
@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: run with DATABASE_URL=postgres://... for real concurrency",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_retry_runs_at_once_send_each_email_once(alpha, book, task_queue):
    """Both runs hold the same three requests, so each of the six e-mails is contested.

    The queue keeps the bookings' tasks unsent (with the immediate backend and no surrounding
    transaction the booking itself would send everything, leaving the runs nothing to race on).
    """
    from clinic_pages.appointments.management.commands import retry_appointment_emails

    for n in range(3):
        book(alpha, phone=f"(312) 555-010{n}", email=f"patient{n}@example.org")
    assert AppointmentRequest.objects.filter(clinic_notified_at__isnull=True).count() == 3
    assert mail.outbox == []

    sent: list[tuple[str, str]] = []
    errors: list[BaseException] = []
    outputs: list[str] = []
    lock = threading.Lock()
    both_listed = threading.Barrier(2, timeout=20)
    started = threading.local()
    deliver = retry_appointment_emails.deliver_pending

    def deliver_after_both_listed(booking):
        # Each run has read its list of pending requests before either sends anything.
        if not getattr(started, "done", False):
            started.done = True
            both_listed.wait()
        return deliver(booking)

    def slow_send(subject, body, sender, recipients, connection=None):
        time.sleep(0.05)  # the other run reaches the same e-mail meanwhile
        with lock:
            sent.append((subject, recipients[0]))

    def run():
        from io import StringIO

        out = StringIO()
        try:
            call_command("retry_appointment_emails", stdout=out)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)
        finally:
            outputs.append(out.getvalue())
            connections.close_all()

    with (
        mock.patch(SEND_MAIL, side_effect=slow_send),
        mock.patch.object(retry_appointment_emails, "deliver_pending", deliver_after_both_listed),
    ):
        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert errors == []
    # Each run also sends the front desk's pending status messages: none here.
    assert (
        outputs
        == [
            "Retried e-mails for 3 requests; 0 still failing.\n"
            "Sent 0 status messages; 0 still failing.\n"
        ]
        * 2
    )
    assert len(sent) == 6  # three requests, a clinic notice and a confirmation each
    assert len(set(sent)) == 6
    assert not AppointmentRequest.objects.filter(
        clinic_notified_at__isnull=True
    ) and not AppointmentRequest.objects.filter(patient_notified_at__isnull=True)
