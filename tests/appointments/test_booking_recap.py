"""What the patient keeps of their request: the confirmation's recap, the .ics file and the
e-mail, each naming the time on the office's clock, and none carrying health details."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail

from clinic_pages.appointments.models import AppointmentRequest
from tests.appointments.conftest import add_slot

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(client, alpha, book, django_capture_on_commit_callbacks):
    """A slot booked through the form, its confirmation page and e-mails."""
    office = alpha.extra["location"]
    office.street_address = "12 Lake Street"
    office.locality = "Evanston"
    office.save()
    slot = add_slot(alpha, days=3, hour=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = book(alpha, slot=str(slot.pk), follow=True, note="My back hurts at night")
    return slot, AppointmentRequest.objects.get(), response.content.decode()


def _calendar_path(html: str) -> str:
    return re.search(r'href="([^"]+/calendar/[\w-]+/)"', html).group(1)


def test_the_confirmation_recaps_what_was_requested(booked, alpha):
    _slot, _booking, html = booked
    recap = html.split('class="booking-recap"', 1)[1].split("</dl>", 1)[0]
    assert "10:00 AM" in recap and "(Central Time, the office" in recap
    assert "12 Lake Street" in recap and "Evanston" in recap
    assert alpha.extra["physician"].display_name in recap
    assert "Ketamine infusion" in recap  # the category chosen from the list
    assert "My back hurts" not in html  # never what was typed
    assert "download>Add to my calendar (.ics file)</a>" in html


def test_the_calendar_file_is_the_requested_time_for_the_patient_only(booked, alpha, client):
    slot, booking, html = booked
    path = _calendar_path(html)
    response = client.get(path, HTTP_HOST=alpha.host)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f'filename="appointment-{booking.reference}.ics"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert f"DTSTART:{slot.starts_at.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}" in text
    assert "DTEND:" in text and f"UID:{booking.reference}@{alpha.host}" in text
    assert "SUMMARY:Appointment at " in text
    unfolded = text.replace("\r\n ", "")
    assert "LOCATION:alpha office\\, 12 Lake Street\\, Evanston" in unfolded
    assert "Central Time" in unfolded
    for private in ("Ketamine", "back hurts", "Jordan", "555-0199", "jordan@example.org"):
        assert private not in unfolded
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_a_forged_or_cancel_link_token_opens_no_calendar(booked, alpha, client):
    _slot, booking, html = booked
    path = _calendar_path(html)
    assert client.get(path[:-3] + "xx/", HTTP_HOST=alpha.host).status_code == 404
    cancel_token = alpha.appointment.cancel_url(booking).rstrip("/").rsplit("/", 1)[1]
    forged = path.rsplit("/", 2)[0] + f"/{cancel_token}/"
    assert client.get(forged, HTTP_HOST=alpha.host).status_code == 404


def test_a_cancelled_request_has_no_calendar_file(booked, alpha, client):
    _slot, booking, html = booked
    booking.cancel()
    assert client.get(_calendar_path(html), HTTP_HOST=alpha.host).status_code == 404


def test_the_patient_email_recaps_the_time_and_place_without_health_details(booked, alpha):
    _slot, _booking, _html = booked
    [patient] = [m for m in mail.outbox if m.to == ["jordan@example.org"]]
    assert "10:00 AM" in patient.body and "Central Time, the office's local time" in patient.body
    assert "12 Lake Street" in patient.body
    assert alpha.extra["physician"].display_name in patient.body
    assert "/calendar/" in patient.body and "/cancel/" in patient.body
    for private in ("Ketamine", "back hurts"):
        assert private not in patient.subject + patient.body
    clinic = [m for m in mail.outbox if m.to != ["jordan@example.org"]]
    assert clinic and all("back hurts" not in m.body for m in clinic)


def test_a_callback_request_recaps_the_days_that_suit(client, alpha, book):
    response = book(alpha, follow=True)
    html = response.content.decode()
    recap = html.split('class="booking-recap"', 1)[1].split("</dl>", 1)[0]
    assert "Monday, Wednesday" in recap and "Morning (before noon)" in recap
    assert "/calendar/" not in html
