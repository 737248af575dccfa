"""The public booking flow: form, validation, storage, confirmation, spam and e-mail."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from django.core import mail

from clinic_pages.appointments.models import AppointmentRequest
from tests import factories
from tests.appointments.conftest import add_slot, form_token, form_url, post_form, valid_data

pytestmark = pytest.mark.django_db


def test_get_shows_labelled_fields_and_privacy_hint(client, alpha):
    response = client.get(form_url(alpha), HTTP_HOST=alpha.host)
    html = response.content.decode()
    assert response.status_code == 200
    for label in (
        '<label for="id_name">Full name</label>',
        '<label for="id_phone">Phone (optional)</label>',
        "<legend>How should we contact you?</legend>",
        "<legend>Have you been to us before?</legend>",
        "What is the appointment about?",
        "Please do not include medical details",
    ):
        assert label in html
    assert 'aria-describedby="id_note_hint"' in html
    assert 'autocomplete="email"' in html
    assert "csrfmiddlewaretoken" in html
    # Scripts come from the site's own files only: nothing inline (the CSP allows none).
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)", html)


def test_booking_page_is_never_cached(client, alpha):
    response = client.get(form_url(alpha), HTTP_HOST=alpha.host)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_treatment_cta_arrives_with_the_treatment_chosen(client, alpha):
    treatment = alpha.extra["treatment"]
    response = client.get(f"{form_url(alpha)}?treatment={treatment.pk}", HTTP_HOST=alpha.host)
    assert f'<option value="treatment-{treatment.pk}" selected>' in response.content.decode()


def test_physician_cta_arrives_with_the_physician_chosen(client, alpha):
    physician = alpha.extra["physician"]
    response = client.get(f"{form_url(alpha)}?physician={physician.pk}", HTTP_HOST=alpha.host)
    assert f'<option value="{physician.pk}" selected>' in response.content.decode()


def test_malformed_context_parameters_are_ignored(client, alpha):
    response = client.get(
        f"{form_url(alpha)}?treatment=abc&physician=99999999999999999999", HTTP_HOST=alpha.host
    )
    assert response.status_code == 200


def test_invalid_post_shows_errors_keeps_input_and_stores_nothing(client, alpha, book):
    response = book(alpha, name="Sam Typed", phone="", email="", consent=None, topic="")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert 'href="#id_phone"' in html
    assert "Give a phone number or an e-mail address" in html
    assert "Tick the box to agree" in html
    assert 'id="id_phone_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'value="Sam Typed"' in html
    assert AppointmentRequest.objects.count() == 0


def test_valid_post_stores_one_request_on_the_right_clinic(client, alpha, beta, book):
    response = book(alpha)
    assert response.status_code == 303
    booking = AppointmentRequest.objects.get()
    assert booking.site == alpha.site
    assert booking.treatment == alpha.extra["treatment"]
    assert booking.topic_label == "Ketamine infusion"
    assert booking.preferred_days == "mon,wed"
    assert booking.status == "new"
    assert response["Location"].endswith(f"/confirmation/{booking.reference}/")
    page = client.get(response["Location"], HTTP_HOST=alpha.host)
    assert booking.reference in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_confirmation_is_readable_only_by_the_submitting_session(client, alpha, book):
    response = book(alpha)
    other = type(client)()
    assert other.get(response["Location"], HTTP_HOST=alpha.host).status_code == 404


def test_double_submit_creates_one_request(client, alpha):
    token = form_token(client, alpha)
    data = valid_data(alpha, token)
    first = post_form(client, alpha, data)
    second = post_form(client, alpha, data)
    assert AppointmentRequest.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_reason_category_can_be_chosen_instead_of_a_treatment(alpha, book):
    book(alpha, topic=f"reason-{alpha.extra['reason'].pk}")
    booking = AppointmentRequest.objects.get()
    assert booking.reason == alpha.extra["reason"]
    assert booking.topic_label == "Second opinion"


def test_another_clinics_choices_are_refused(alpha, beta, book):
    response = book(alpha, location=beta.extra["location"].pk)
    assert response.status_code == 200
    assert AppointmentRequest.objects.count() == 0


def test_honeypot_is_silently_discarded(client, alpha, book):
    response = book(alpha, website="http://spam.example")
    assert response.status_code == 303
    assert AppointmentRequest.objects.count() == 0
    assert client.get(response["Location"], HTTP_HOST=alpha.host).status_code == 200


def test_tampered_token_keeps_the_answers_and_asks_to_send_again(client, alpha, book):
    response = book(alpha, form_token="forged:token", name="Sam Forged")
    html = response.content.decode()
    assert response.status_code == 200
    assert "press the button again" in html
    assert 'value="Sam Forged"' in html
    assert AppointmentRequest.objects.count() == 0
    fresh = __import__("re").search(r'name="form_token" value="([^"]+)"', html).group(1)
    assert book(alpha, form_token=fresh, name="Sam Forged").status_code == 303
    assert AppointmentRequest.objects.get().name == "Sam Forged"


@pytest.mark.parametrize(
    "overrides",
    [
        {"name": "<script>alert(1)</script>", "note": "<img src=x onerror=alert(1)>"},
        {"name": "Zoë 山田 🙂", "note": "Ünïcödé ✓"},
        {"name": "x" * 5000},
        {"note": "y" * 100_000},
        {"phone": "not a phone"},
        {"email": "@@@"},
        {"contact_method": "pigeon"},
        {"topic": "treatment-abc"},
        {"location": "1 OR 1=1"},
        {"preferred_days": ["never"]},
        {"name": "bad\x00null"},
        {"name": "bell\x07"},
    ],
)
def test_hostile_input_is_an_error_or_stored_escaped_never_a_500(client, alpha, book, overrides):
    response = book(alpha, **overrides)
    assert response.status_code in (200, 303)
    if response.status_code == 303:
        booking = AppointmentRequest.objects.get()
        assert booking.name == overrides.get("name", "Jordan Example")
    else:
        assert AppointmentRequest.objects.count() == 0
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_script_payload_is_escaped_in_the_admin(admin_client, alpha, book):
    book(alpha, name="<script>alert(1)</script>")
    booking = AppointmentRequest.objects.get()
    html = admin_client.get(f"/admin/appointment_requests/inspect/{booking.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_emails_carry_no_submitted_values(alpha, book, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        book(alpha, name="Jordan Uniquename", note="Uniquenote text")
    booking = AppointmentRequest.objects.get()
    assert len(mail.outbox) == 2
    clinic_mail, patient_mail = mail.outbox
    assert clinic_mail.to == ["hello@example.com"]
    assert patient_mail.to == ["jordan@example.org"]
    assert booking.reference in clinic_mail.body
    assert f"/admin/appointment_requests/inspect/{booking.pk}/" in clinic_mail.body
    assert "/cancel/" in patient_mail.body
    for message in mail.outbox:
        text = message.subject + message.body
        for value in ("Uniquename", "Uniquenote", "555-0199", "jordan@example.org", "Ketamine"):
            assert value not in text
    booking.refresh_from_db()
    assert booking.clinic_notified_at and booking.patient_notified_at


def test_email_failure_keeps_the_request_and_shows_the_confirmation(
    client, alpha, book, django_capture_on_commit_callbacks, caplog
):
    with (
        mock.patch(
            "clinic_pages.appointments.notifications.send_mail", side_effect=OSError("smtp down")
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = book(alpha)
    assert response.status_code == 303
    booking = AppointmentRequest.objects.get()
    assert booking.clinic_notified_at is None
    assert f"appointment request {booking.pk} failed" in caplog.text
    assert "Jordan" not in caplog.text
    assert client.get(response["Location"], HTTP_HOST=alpha.host).status_code == 200

    from django.core.management import call_command

    call_command("retry_appointment_emails", verbosity=0)
    booking.refresh_from_db()
    assert booking.clinic_notified_at is not None
    assert len(mail.outbox) == 2


def test_patient_can_cancel_with_the_signed_link(client, alpha, book):
    book(alpha)
    booking = AppointmentRequest.objects.get()
    link = alpha.appointment.cancel_url(booking).split(alpha.host, 1)[-1]
    link = link[link.index("/") :] if not link.startswith("/") else link
    assert client.get(link, HTTP_HOST=alpha.host).status_code == 200
    booking.refresh_from_db()
    assert booking.status == "new"  # a GET never changes anything
    response = client.post(link, HTTP_HOST=alpha.host)
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.status == "cancelled"


def test_a_forged_cancel_link_is_404(client, alpha, book):
    book(alpha)
    url = form_url(alpha) + "cancel/" + "A" * 40 + "/"
    assert post_form(client, alpha, {}, path=url).status_code == 404
    assert AppointmentRequest.objects.get().status == "new"


def test_with_open_slots_the_visitor_picks_one(client, alpha, book):
    slot = add_slot(alpha)
    html = client.get(form_url(alpha), HTTP_HOST=alpha.host).content.decode()
    assert f'<input type="radio" name="slot" value="{slot.pk}"' in html
    assert 'name="preferred_days"' not in html
    response = book(alpha, slot=str(slot.pk))
    assert response.status_code == 303
    booking = AppointmentRequest.objects.get()
    assert booking.slot == slot
    assert booking.location == slot.location
    assert booking.physician == slot.physician


def test_a_taken_slot_is_no_longer_offered_and_cannot_be_booked(client, alpha, book):
    slot = add_slot(alpha)
    add_slot(alpha, hour=11)
    book(alpha, slot=str(slot.pk))
    client.cookies.clear()
    response = book(alpha, slot=str(slot.pk), phone="(312) 555-0111")
    assert response.status_code == 200
    assert "no longer free" in response.content.decode()
    assert AppointmentRequest.objects.filter(slot=slot).count() == 1


def test_the_last_time_taken_meanwhile_is_said_not_sent_as_a_call_back(client, alpha, book):
    """The form was opened with one time left; someone took it before this patient sent it. The
    form now asks for a call back, and says so instead of sending one the patient never meant."""
    slot = add_slot(alpha)
    waiting = form_token(client, alpha)  # this patient's form, opened while the time was free
    client.cookies.clear()
    book(alpha, slot=str(slot.pk))
    response = book(alpha, slot=str(slot.pk), phone="(312) 555-0111", form_token=waiting)
    assert response.status_code == 200
    assert "the time you chose has just been taken" in response.content.decode()
    assert AppointmentRequest.objects.count() == 1


def test_the_database_refuses_a_second_active_request_for_a_slot(alpha, book):
    from django.db import IntegrityError, transaction

    slot = add_slot(alpha)
    book(alpha, slot=str(slot.pk))
    first = AppointmentRequest.objects.get()
    clone = AppointmentRequest.objects.get(pk=first.pk)
    clone.pk = None
    clone.reference = "ZZZZ-ZZZZ"
    clone.submission_token = __import__("uuid").uuid4()
    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save()
    first.cancel()
    clone.save()  # a cancelled request frees the slot


def test_the_form_offers_only_what_the_editor_chose(client, alpha):
    """Chosen offices, physicians and treatments narrow the form; choosing none offers all."""
    other_treatment = factories.TreatmentPageFactory(parent=alpha.treatments, title="Nerve block")
    other_office = factories.LocationFactory(site=alpha.site, name="North office")
    other_physician = factories.PhysicianPageFactory(parent=alpha.physicians, family_name="Zed")

    def form_html() -> str:
        html = client.get(form_url(alpha), HTTP_HOST=alpha.host).content.decode()
        return html.split('class="booking-form"', 1)[1]

    html = form_html()
    for name in ("Nerve block", "Ketamine infusion", "North office", "Zed", "Lee"):
        assert name in html

    page = alpha.appointment
    page.offered_treatments.set([other_treatment])
    page.offered_locations.set([other_office])
    page.offered_physicians.set([other_physician])
    page.save_revision().publish()
    html = form_html()
    assert "Nerve block" in html and "Ketamine infusion" not in html
    assert f'<option value="{other_office.pk}">North office</option>' in html
    assert f'<option value="{alpha.extra["location"].pk}">' not in html
    assert "Zed" in html and "Lee" not in html


def test_a_preview_offers_the_unsaved_choices(alpha):
    """In a preview the chosen treatments are the editor's unsaved ones, not the stored ones."""
    factories.TreatmentPageFactory(parent=alpha.treatments, title="Nerve block")
    page = type(alpha.appointment).objects.get(pk=alpha.appointment.pk)
    page.offered_treatments = [alpha.extra["treatment"]]
    response = page.make_preview_request()
    assert response.status_code == 200
    html = response.render().content.decode().split('class="booking-form"', 1)[1]
    assert "Ketamine infusion" in html
    assert "Nerve block" not in html
