"""Templated messages to the patient when the front desk changes the status: queued, sent once by
a worker, shown in the timeline, in the request's language, never with a health detail."""

from __future__ import annotations

import datetime
import io
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from clinic_pages.appointments.models import AppointmentRequest, RequestNote
from clinic_pages.appointments.status_messages import (
    send_pending_status_messages,
    send_status_message,
)
from tests.appointments.conftest import staff_of
from tests.appointments.front_desk_support import INBOX, make_request, slot_at

pytestmark = pytest.mark.django_db

Status = AppointmentRequest.Status
SEND_MAIL = "clinic_pages.appointments.status_messages.send_mail"
HEALTH_WORDS = ("Ketamine", "back hurts", "Second opinion", "Vomits at night")


@pytest.fixture
def desk(client, alpha, django_user_model):
    user = staff_of(django_user_model, alpha, "alpha-desk")
    client.force_login(user)
    return user


@pytest.fixture
def change(client, django_capture_on_commit_callbacks):
    def post(booking, status, **data):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"{INBOX}edit/{booking.pk}/", {"status": status, "notify_patient": "on", **data}
            )
        assert response.status_code == 302
        booking.refresh_from_db()
        return response

    return post


def _status_tasks(task_queue_backend):
    return [r for r in task_queue_backend.results if r.task.func is send_status_message.func]


@pytest.fixture
def queue(task_queue):
    from django_tasks import task_backends

    class Status:
        @property
        def results(self):
            return _status_tasks(task_backends["default"])

        def run_all(self):
            waiting = self.results
            for result in waiting:
                task_backends["default"].results.remove(result)
                result.task.call(*result.args, **result.kwargs)

    return Status()


def test_booking_queues_a_message_the_worker_sends_once(alpha, desk, change, queue):
    alpha.extra["location"].time_zone = "America/Denver"
    alpha.extra["location"].save()
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    slot = slot_at(alpha, start)
    booking = make_request(alpha, slot=slot, reason=alpha.extra["reason"])
    change(booking, Status.BOOKED, add_note="Vomits at night")  # a note never reaches the patient
    assert mail.outbox == []  # the request only queued it
    [entry] = booking.timeline.filter(kind=RequestNote.Kind.MESSAGE)
    assert entry.sent_at is None and entry.author == desk
    queue.run_all()
    [message] = mail.outbox
    assert message.to == [booking.email]
    assert booking.reference in message.subject and "booked" in message.subject
    assert message.body == entry.text  # staff see exactly what went out
    assert "Lee" in message.body and alpha.extra["location"].name in message.body
    assert "MDT" in message.body or "MST" in message.body
    for word in HEALTH_WORDS:
        assert word not in message.subject + message.body
    send_status_message.call(entry.pk)  # a retried task sends nothing twice
    send_pending_status_messages(timezone.now() - datetime.timedelta(days=1))
    assert len(mail.outbox) == 1
    entry.refresh_from_db()
    assert entry.sent_at is not None


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (Status.CONTACTED, "has been in touch"),
        (Status.DECLINED, "has closed your appointment request"),
        (Status.CANCELLED, "has closed your appointment request"),
    ],
)
def test_each_status_has_its_template(alpha, desk, change, queue, status, words):
    booking = make_request(alpha, reason=alpha.extra["reason"])
    change(booking, status)
    queue.run_all()
    [message] = mail.outbox
    assert words in message.body and booking.reference in message.body
    for word in HEALTH_WORDS:
        assert word not in message.subject + message.body


@pytest.mark.parametrize("status", [Status.NEW, Status.NO_SHOW])
def test_other_statuses_send_nothing(alpha, desk, change, queue, status):
    booking = make_request(alpha, status=Status.CONTACTED)
    change(booking, status)
    assert not booking.timeline.exists() and queue.results == []


def test_unticked_or_no_email_sends_nothing(client, alpha, desk, change, queue):
    quiet = make_request(alpha)
    change(quiet, Status.CONTACTED, notify_patient="")
    no_email = make_request(alpha, email="")
    change(no_email, Status.CONTACTED)
    assert queue.results == []
    assert not RequestNote.objects.filter(kind=RequestNote.Kind.MESSAGE).exists()


def test_the_message_speaks_the_requests_language(alpha, desk, change, queue):
    booking = make_request(alpha, language="es")
    change(booking, Status.CONTACTED)
    queue.run_all()
    [message] = mail.outbox
    assert "Sobre su solicitud de cita" in message.subject
    assert "se ha puesto en contacto" in message.body


def test_the_timeline_shows_what_was_sent_and_when(client, alpha, desk, change, queue):
    booking = make_request(alpha)
    change(booking, Status.CONTACTED)
    html = client.get(f"{INBOX}inspect/{booking.pk}/").content.decode()
    assert "E-mail to the patient" in html and "not sent yet" in html
    queue.run_all()
    html = client.get(f"{INBOX}inspect/{booking.pk}/").content.decode()
    assert "About your appointment request" in html and "sent " in html
    assert "has been in touch" in html


def test_a_failed_send_is_retried_later(alpha, desk, change, queue):
    booking = make_request(alpha)
    change(booking, Status.CONTACTED)
    with mock.patch(SEND_MAIL, side_effect=TimeoutError("smtp hangs")):
        queue.run_all()
    [retry] = queue.results
    assert retry.args[1] == 2 and retry.task.run_after > timezone.now()
    entry = booking.timeline.get()
    assert entry.sent_at is None and entry.lease_until is None
    queue.run_all()
    assert len(mail.outbox) == 1


def test_the_retry_command_sends_what_the_queue_lost(alpha, desk, change, queue):
    booking = make_request(alpha)
    with mock.patch(
        "clinic_pages.appointments.views.admin.enqueue_status_message", return_value=False
    ):
        change(booking, Status.CONTACTED)
    assert queue.results == [] and mail.outbox == []
    call_command("retry_appointment_emails", verbosity=0, stdout=io.StringIO())
    assert [m.to for m in mail.outbox if "About your" in m.subject] == [[booking.email]]


def test_booked_without_a_slot_states_no_time_or_place(alpha, desk, change, queue):
    booking = make_request(alpha, physician=alpha.extra["physician"])  # wishes, not a booking
    change(booking, Status.BOOKED)
    queue.run_all()
    [message] = mail.outbox
    assert "has booked your appointment" in message.body
    assert "When:" not in message.body and "Where:" not in message.body
    assert "Lee" not in message.body
    assert "(312) 555-0142" in message.body  # the office's phone to call
