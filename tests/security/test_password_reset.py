"""The admin's password-reset form mails a few links an hour per client and per address, and past
either limit answers exactly as for an address with no account."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from wagtail.admin.views.account import get_password_reset_form

from clinic_pages.clinics.password_reset import ThrottledPasswordResetForm

pytestmark = pytest.mark.django_db

RESET = "wagtailadmin_password_reset"
CSRF = re.compile(r'"CSRF_TOKEN": "[^"]*"')


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.CLINIC_PAGES_PASSWORD_RESET_LIMIT_PER_CLIENT = 5
    settings.CLINIC_PAGES_PASSWORD_RESET_LIMIT_PER_EMAIL = 3
    settings.CLINIC_PAGES_TRUSTED_PROXY_COUNT = 0


@pytest.fixture
def staff(db):
    model = get_user_model()
    return [
        model.objects.create_user(f"desk-{n}", f"desk-{n}@example.com", "correct horse battery")
        for n in range(8)
    ]


def _ask(email: str, address: str = "203.0.113.7", **extra):
    return Client().post(reverse(RESET), {"email": email}, REMOTE_ADDR=address, **extra)


def _answer(response) -> tuple[int, str, str]:
    """What the visitor sees: the status, where it goes, and the page it goes to (without its
    per-response CSRF token)."""
    page = ""
    if response.status_code == 302:
        page = Client().get(response["Location"]).content.decode()
    return response.status_code, response.get("Location", ""), CSRF.sub("", page)


def test_the_example_project_uses_the_throttled_form():
    assert get_password_reset_form() is ThrottledPasswordResetForm


def test_an_address_gets_three_links_an_hour_then_the_unknown_address_answer(staff):
    for _ in range(3):
        assert _ask("desk-0@example.com").status_code == 302
    assert len(mail.outbox) == 3

    limited = _ask("desk-0@example.com", address="198.51.100.1")
    unknown = _ask("nobody@example.com", address="198.51.100.2")
    assert len(mail.outbox) == 3
    assert _answer(limited) == _answer(unknown)
    assert _answer(limited)[1] == reverse("wagtailadmin_password_reset_done")


def test_the_address_limit_ignores_case_and_spaces(staff):
    for spelling in ("desk-0@example.com", "DESK-0@Example.com", " desk-0@example.com "):
        _ask(spelling)
    _ask("Desk-0@EXAMPLE.COM", address="198.51.100.9")
    assert len(mail.outbox) == 3


def test_a_client_gets_five_links_an_hour_whatever_addresses_it_names(staff):
    for user in staff[:7]:
        assert _ask(user.email).status_code == 302
    assert len(mail.outbox) == 5
    # Another client still gets its link for an address the first one named past its limit.
    _ask(staff[6].email, address="198.51.100.20")
    assert [m.to for m in mail.outbox][-1] == [staff[6].email]


def test_unknown_addresses_count_too(staff):
    """Otherwise a client could tell known from unknown addresses by when the limit starts."""
    for n in range(5):
        _ask(f"nobody-{n}@example.com")
    _ask("desk-0@example.com")
    assert mail.outbox == []


def test_a_forged_forwarded_header_is_the_same_client(staff, settings):
    settings.CLINIC_PAGES_TRUSTED_PROXY_COUNT = 1
    for n, user in enumerate(staff[:7]):
        # The proxy appends the real client (203.0.113.7); the hop before it is the client's own.
        _ask(user.email, address="10.0.0.2", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.7")
    assert len(mail.outbox) == 5


def test_an_ipv6_client_is_counted_per_64_network(staff):
    for n, user in enumerate(staff[:7]):
        _ask(user.email, address=f"2001:db8:1:2::{n + 1:x}")
    assert len(mail.outbox) == 5


def test_the_cache_holds_no_address_in_clear(staff):
    _ask("desk-0@example.com")
    keys = " ".join(str(key) for key in cache._cache)  # LocMemCache's store, in tests only
    assert "clinic_pages:password-reset" in keys
    assert "desk-0" not in keys and "203.0.113.7" not in keys


def test_a_cache_that_is_down_sends_nothing_and_is_no_error(staff, caplog):
    with mock.patch(
        "clinic_pages.clinics.password_reset.increment", side_effect=ConnectionError("down")
    ):
        response = _ask("desk-0@example.com")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_password_reset_done")
    assert mail.outbox == []
    assert "limit could not be counted" in caplog.text and "desk-0" not in caplog.text


@pytest.mark.parametrize(
    "email", ["x" * 5000, "desk-0@example.com\x00", "\u202edesk@example.com", "", "a@b@c"]
)
def test_hostile_addresses_are_form_errors(staff, email):
    response = _ask(email)
    assert response.status_code == 200
    assert mail.outbox == []
