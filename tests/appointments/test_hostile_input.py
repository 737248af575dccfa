"""Hostile input anyone can send is a 4xx or a form error, never a 500, and stores nothing bad."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote, urlencode

import pytest

from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.appointments.spam import FormToken
from tests.appointments.conftest import add_slot, form_token, form_url, post_form, valid_data

pytestmark = pytest.mark.django_db

HOSTILE = {
    "nul": "a\x00b",
    "superscript two": "²",
    "arabic-indic digits": "٣٤",
    "forty digits": "1" * 40,
    "ten thousand characters": "x" * 10_000,
    "rtl override": "\u202eevil\u202c",
    "zero-width only": "\u200b\u200c\u200d\ufeff",
    "negative": "-1",
    "sql": "1 OR 1=1",
}
FIELDS = [
    "name",
    "phone",
    "email",
    "contact_method",
    "patient_status",
    "topic",
    "slot",
    "location",
    "physician",
    "preferred_days",
    "preferred_times",
    "note",
    "consent",
    "form_token",
]


def _visible(text: str) -> bool:
    return any(unicodedata.category(ch).startswith(("L", "N")) for ch in text)


def _assert_nothing_bad_stored():
    for booking in AppointmentRequest.objects.all():
        for value in (booking.name, booking.phone, booking.email, booking.note):
            assert "\x00" not in value
            assert not any(ch in value for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2069")
        assert _visible(booking.name)
        assert len(booking.name) <= 120 and len(booking.note) <= 500


def _token(clinic) -> str:
    return FormToken.new(clinic.site.pk).dumps()


@pytest.mark.parametrize("with_slots", [False, True], ids=["callback", "slots"])
@pytest.mark.parametrize("kind", list(HOSTILE))
def test_fuzz_every_field_and_parameter(client, alpha, beta, kind, with_slots):
    if with_slots:
        add_slot(alpha)
    value = HOSTILE[kind]
    for n, name in enumerate(FIELDS):
        client.cookies.clear()
        contact = {"phone": f"(312) 555-03{n:02d}", "email": f"fuzz{n}@example.org"}
        data = valid_data(alpha, _token(alpha), **{**contact, name: value})
        response = post_form(client, alpha, data)
        assert response.status_code < 500, (name, kind, response.status_code)
    for param in ("treatment", "physician", "location"):
        url = f"{form_url(alpha)}?{param}={quote(value)}"
        assert client.get(url, HTTP_HOST=alpha.host).status_code == 200
        data = valid_data(alpha, _token(alpha), phone="(312) 555-0400", email="q@example.org")
        assert post_form(client, alpha, data, path=url).status_code < 500
    _assert_nothing_bad_stored()


def test_invalid_utf8_in_the_body_and_the_query_is_no_500(client, alpha):
    token = form_token(client, alpha)
    body = urlencode(valid_data(alpha, token), doseq=True) + "&name=%FF%FE%80&note=%C3%28"
    response = client.post(
        form_url(alpha),
        body,
        content_type="application/x-www-form-urlencoded",
        HTTP_HOST=alpha.host,
    )
    assert response.status_code < 500
    response = client.get(
        form_url(alpha) + "?treatment=%FF%FE&physician=%C3%28", HTTP_HOST=alpha.host
    )
    assert response.status_code == 200
    _assert_nothing_bad_stored()


@pytest.mark.parametrize("param", ["treatment", "physician", "location"])
def test_a_superscript_two_in_a_link_is_ignored(client, alpha, param):
    response = client.get(f"{form_url(alpha)}?{param}=%C2%B2", HTTP_HOST=alpha.host)
    assert response.status_code == 200
    assert "selected>Ketamine" not in response.content.decode()


def test_a_form_token_from_another_clinic_asks_to_confirm_and_stores_at_the_right_one(
    client, alpha, beta
):
    token = form_token(client, alpha)
    assert post_form(client, alpha, valid_data(alpha, token)).status_code == 303
    data = valid_data(beta, token, phone="(312) 555-0123", name="Beta Person")
    response = post_form(client, beta, data)
    assert response.status_code == 200
    assert "press the button again" in response.content.decode()
    assert AppointmentRequest.objects.filter(site=beta.site).count() == 0


def test_a_forty_digit_physician_or_office_id_is_a_form_error(client, alpha, book):
    for name in ("physician", "location"):
        client.cookies.clear()
        response = book(alpha, **{name: "9" * 40})
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
    assert AppointmentRequest.objects.count() == 0


@pytest.mark.parametrize("name", ["\u200b\u200b", "\u202eJordan", "-- ..", "   ", "Jor\u2066dan"])
def test_names_without_letters_or_with_direction_overrides_are_refused(alpha, book, name):
    response = book(alpha, name=name)
    assert response.status_code == 200
    assert 'id="id_name_error"' in response.content.decode()
    assert AppointmentRequest.objects.count() == 0


def test_multipart_posts_are_refused_and_store_nothing(client, alpha):
    token = form_token(client, alpha)
    data = valid_data(alpha, token)
    data["upload"] = __import__("io").BytesIO(b"x" * (3 * 1024 * 1024))
    response = client.post(form_url(alpha), data, HTTP_HOST=alpha.host)  # multipart
    assert response.status_code == 415
    assert AppointmentRequest.objects.count() == 0


def test_other_body_types_are_refused(client, alpha):
    response = client.post(
        form_url(alpha), '{"name": "x"}', content_type="application/json", HTTP_HOST=alpha.host
    )
    assert response.status_code == 415
