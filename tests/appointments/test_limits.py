"""Limits stop bots, not patients: what they count, per clinic and client, and what people see."""

from __future__ import annotations

import re

import pytest
from django.test import RequestFactory

from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.core.client_address import client_ip, client_key
from tests.appointments.conftest import form_token, post_form, valid_data

pytestmark = pytest.mark.django_db


def _request(remote="203.0.113.9", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


# ------------------------------------------------------------------------------ client address


def test_without_proxies_the_connecting_address_counts_and_the_header_is_ignored(settings):
    settings.CLINIC_PAGES_TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request("198.51.100.7", forwarded="1.2.3.4")) == "198.51.100.7"


def test_behind_one_proxy_the_hop_it_added_counts_not_what_the_client_wrote(settings):
    settings.CLINIC_PAGES_TRUSTED_PROXY_COUNT = 1
    # The client wrote "1.2.3.4"; our proxy appended the address it saw.
    request = _request("10.0.0.2", forwarded="1.2.3.4, 198.51.100.7")
    assert client_ip(request) == "198.51.100.7"


def test_behind_a_cdn_and_a_load_balancer_the_second_hop_from_the_right_counts(settings):
    settings.CLINIC_PAGES_TRUSTED_PROXY_COUNT = 2
    request = _request("10.0.0.2", forwarded="6.6.6.6, 198.51.100.7, 192.0.2.50")
    assert client_ip(request) == "198.51.100.7"


def test_a_request_that_went_round_our_proxies_falls_back_to_the_connecting_address(settings):
    settings.CLINIC_PAGES_TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request("198.51.100.7", forwarded="1.2.3.4")) == "198.51.100.7"
    assert client_ip(_request("198.51.100.7")) == "198.51.100.7"


def test_the_old_switch_counts_as_one_proxy_never_the_first_hop(settings):
    settings.CLINIC_PAGES_APPOINTMENT_TRUST_X_FORWARDED_FOR = True
    request = _request("10.0.0.2", forwarded="1.2.3.4, 198.51.100.7")
    assert client_ip(request) == "198.51.100.7"


def test_ipv6_addresses_of_one_64_network_are_one_client(settings):
    settings.CLINIC_PAGES_TRUSTED_PROXY_COUNT = 0
    first = client_key(_request("2001:db8:1:2::1"))
    other = client_key(_request("2001:db8:1:2:ffff:ffff:ffff:ffff"))
    neighbour = client_key(_request("2001:db8:1:3::1"))
    assert first == other == "2001:db8:1:2::/64"
    assert neighbour != first
    assert client_key(_request("::ffff:198.51.100.7")) == "198.51.100.7"


def test_twenty_addresses_from_one_64_share_one_allowance(client, alpha, settings):
    settings.CLINIC_PAGES_APPOINTMENT_RATE_LIMIT = 2
    statuses = []
    for n in range(3):
        client.cookies.clear()
        token = form_token(client, alpha)
        data = valid_data(alpha, token, phone=f"(312) 555-01{n:02d}", email=f"p{n}@example.org")
        response = post_form(client, alpha, data, REMOTE_ADDR=f"2001:db8:0:7::{n + 1}")
        statuses.append(response.status_code)
    assert statuses == [303, 303, 429]


# ------------------------------------------------------------------------------ what counts


def _book_as(client, clinic, n, **overrides):
    """A different person each time (contact details), from the same connection."""
    client.cookies.clear()
    token = form_token(client, clinic)
    data = valid_data(
        clinic, token, phone=f"(312) 555-02{n:02d}", email=f"person{n}@example.org", **overrides
    )
    return post_form(client, clinic, data)


def test_stored_requests_are_limited_per_client_with_the_clinics_phone_number(
    client, alpha, settings
):
    settings.CLINIC_PAGES_APPOINTMENT_RATE_LIMIT = 2
    statuses = [_book_as(client, alpha, n).status_code for n in range(3)]
    assert statuses == [303, 303, 429]
    response = _book_as(client, alpha, 9, name="Sam Limited")
    html = response.content.decode()
    assert response.status_code == 429
    assert "Please call us on" in html and alpha.settings.phone in html
    assert 'value="Sam Limited"' in html  # nothing typed is lost
    assert AppointmentRequest.objects.count() == 2


def test_typos_at_one_clinic_do_not_block_another_or_the_next_try(
    client, alpha, beta, book, settings
):
    settings.CLINIC_PAGES_APPOINTMENT_RATE_LIMIT = 1
    for _ in range(5):
        assert book(alpha, phone="", email="").status_code == 200  # validation errors
    assert book(beta).status_code == 303  # the first booking at the other clinic
    client.cookies.clear()
    assert book(alpha).status_code == 303  # and the corrected one at the first


def test_a_double_click_or_a_refresh_after_booking_is_not_counted(client, alpha, settings):
    settings.CLINIC_PAGES_APPOINTMENT_RATE_LIMIT = 1
    settings.CLINIC_PAGES_APPOINTMENT_ATTEMPT_LIMIT = 1
    data = valid_data(alpha, form_token(client, alpha))
    responses = [post_form(client, alpha, data) for _ in range(4)]
    assert [r.status_code for r in responses] == [303] * 4
    assert len({r["Location"] for r in responses}) == 1
    assert AppointmentRequest.objects.count() == 1


def test_many_posts_of_any_kind_hit_the_high_ceiling(client, alpha, book, settings):
    settings.CLINIC_PAGES_APPOINTMENT_ATTEMPT_LIMIT = 3
    statuses = [book(alpha, phone="", email="").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert AppointmentRequest.objects.count() == 0


def test_one_contact_is_limited_per_day_whatever_the_connection(client, alpha, settings):
    settings.CLINIC_PAGES_APPOINTMENT_CONTACT_LIMIT_PER_DAY = 2
    statuses = []
    for n, phone in enumerate(["(312) 555-0199", "312.555.0199", "+1 312 555 0199"]):
        client.cookies.clear()
        token = form_token(client, alpha)
        data = valid_data(alpha, token, phone=phone, email=f"x{n}@example.org")
        statuses.append(post_form(client, alpha, data, REMOTE_ADDR=f"198.51.100.{n}").status_code)
    # "+1 312..." has other digits than "(312)...", so only the first two are the same number.
    assert statuses == [303, 303, 303]
    client.cookies.clear()
    token = form_token(client, alpha)
    data = valid_data(alpha, token, phone="(312) 555 0199", email="new@example.org")
    response = post_form(client, alpha, data, REMOTE_ADDR="198.51.100.77")
    assert response.status_code == 429
    client.cookies.clear()
    token = form_token(client, alpha)
    data = valid_data(alpha, token, phone="", email="X0@EXAMPLE.ORG", contact_method="email")
    assert post_form(client, alpha, data, REMOTE_ADDR="198.51.100.78").status_code == 303


# ------------------------------------------------------------------------------ time trap


def test_a_form_sent_too_fast_is_kept_and_asked_to_be_confirmed(client, alpha, book, settings):
    settings.CLINIC_PAGES_APPOINTMENT_MIN_FILL_SECONDS = 60
    response = book(alpha, name="Quick Typist")
    html = response.content.decode()
    assert response.status_code == 200
    assert "press the button again" in html
    assert 'value="Quick Typist"' in html
    assert AppointmentRequest.objects.count() == 0
    settings.CLINIC_PAGES_APPOINTMENT_MIN_FILL_SECONDS = 0  # the person looked and confirmed
    fresh = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    assert book(alpha, name="Quick Typist", form_token=fresh).status_code == 303
    assert AppointmentRequest.objects.get().name == "Quick Typist"
