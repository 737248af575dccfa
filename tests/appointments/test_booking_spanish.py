"""A patient who books on the Spanish page is answered in Spanish: the form and its errors, the
confirmation, their e-mail and the cancel page. The clinic's own notices stay in its language."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from clinic_pages.appointments.models import AppointmentRequest
from tests.appointments.conftest import add_slot, post_form, valid_data
from tests.i18n.translating import speak, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish(alpha):
    """Alpha with its appointment page translated; returns the Spanish page's path."""
    speak(alpha.settings, "en", "es")
    page = translate(alpha.appointment, "Pida una cita")
    return alpha.url(page)


def _token(client, alpha, path) -> str:
    html = client.get(path, HTTP_HOST=alpha.host).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


def test_the_spanish_page_shows_the_form_and_its_errors_in_spanish(client, alpha, spanish):
    assert spanish.startswith("/es/")
    add_slot(alpha, days=2)
    html = client.get(spanish, HTTP_HOST=alpha.host).content.decode()
    assert '<html lang="es"' in html
    assert '<h2 id="booking-heading">Pida una cita</h2>' in html
    assert "Nombre completo" in html and "Consultorio" in html and "hora local" in html
    assert "<legend>Día</legend>" in html
    response = post_form(
        client, alpha, valid_data(alpha, _token(client, alpha, spanish), name=""), path=spanish
    )
    html = response.content.decode()
    assert "Hay problemas con su solicitud" in html  # no name, no time
    assert "Escriba su nombre." in html
    assert f'action="{spanish}#booking-form"' in html


def test_a_spanish_booking_keeps_its_language_for_confirmation_email_and_cancel(
    client, alpha, spanish, django_capture_on_commit_callbacks
):
    slot = add_slot(alpha, days=3)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(
            client,
            alpha,
            valid_data(alpha, _token(client, alpha, spanish), slot=str(slot.pk)),
            path=spanish,
            follow=True,
        )
    booking = AppointmentRequest.objects.get()
    assert booking.language == "es"
    html = response.content.decode()
    assert "Solicitud de cita recibida" in html and "Fecha y hora" in html
    assert "Añadir a mi calendario" in html

    [patient] = [m for m in mail.outbox if m.to == ["jordan@example.org"]]
    assert "Gracias por su solicitud de cita" in patient.body
    assert "hora local del consultorio" in patient.body
    assert "Ketamine" not in patient.body and "Wheelchair" not in patient.body
    cancel_path = re.search(r"https?://[^/\s]+(/es/\S+/cancel/\S+/)", patient.body).group(1)
    calendar_path = re.search(r"https?://[^/\s]+(/es/\S+/calendar/\S+/)", patient.body).group(1)
    ics = client.get(calendar_path, HTTP_HOST=alpha.host).content.decode()
    assert "SUMMARY:Cita en " in ics

    [clinic_notice] = [m for m in mail.outbox if m.to != ["jordan@example.org"]]
    assert clinic_notice.subject.startswith("New appointment request")

    page = client.get(cancel_path, HTTP_HOST=alpha.host).content.decode()
    assert "Cancele su solicitud de cita" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(cancel_path, HTTP_HOST=alpha.host).content.decode()
    booking.refresh_from_db()
    assert booking.cancelled_at is not None
    assert '<html lang="es"' in done
    [notice] = mail.outbox  # the clinic is told, in the clinic's language
    assert "cancelled by the patient" in notice.subject


def test_an_english_booking_stays_english(client, alpha, spanish, book):
    book(alpha)
    assert AppointmentRequest.objects.get().language == "en"
