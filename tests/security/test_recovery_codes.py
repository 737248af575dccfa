"""Recovery codes: staff who lose the phone with their authenticator app sign in with one of the
one-time codes they were shown when they turned two-step verification on."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from clinic_pages.clinics import mfa
from clinic_pages.clinics.mfa_recovery import CODE_COUNT, RecoveryCode, RecoveryCodeDevice
from tests.security.test_admin_sign_in import PASSWORD, _code, _sign_in, staff  # noqa: F401

CODE = re.compile(r"<code>([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})</code>")


def _codes(response) -> list[str]:
    assert response.status_code == 200
    return CODE.findall(response.content.decode())


def _enrol(client: Client, user) -> tuple[TOTPDevice, list[str]]:
    """Turn two-step verification on through the account page; returns the app and the codes."""
    client.get(reverse(mfa.SETUP_VIEW))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(
        reverse(mfa.SETUP_VIEW), {"password": PASSWORD, "otp_token": _code(device)}
    )
    device.refresh_from_db()
    return device, _codes(response)


def _fresh_session(username: str) -> Client:
    client = Client()
    _sign_in(client, username, PASSWORD)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # asked for the code
    return client


def _recover(client: Client, code: str):
    return client.post(
        reverse(mfa.VERIFY_VIEW),
        {"method": "recovery", "otp_token": code, "next": reverse("wagtailadmin_home")},
    )


def _unthrottle(user) -> None:
    RecoveryCodeDevice.objects.filter(user=user).update(throttling_failure_count=0)


@pytest.fixture
def enrolled(staff):  # noqa: F811
    user = staff["desk-one"]
    client = Client()
    _sign_in(client, "desk-one", PASSWORD)
    device, codes = _enrol(client, user)
    return user, device, codes, client


def test_turning_it_on_shows_ten_codes_once_and_stores_none_in_clear(enrolled):
    user, _device, codes, client = enrolled
    assert len(codes) == CODE_COUNT == len(set(codes))
    stored = list(
        RecoveryCode.objects.filter(device__user=user).values_list("code_hash", flat=True)
    )
    assert len(stored) == CODE_COUNT
    for code in codes:
        assert all(code not in value and code.replace("-", "") not in value for value in stored)
    # The account page counts them but never shows them again.
    page = client.get(reverse(mfa.SETUP_VIEW)).content.decode()
    assert "You have 10 unused recovery codes" in page
    assert not CODE.search(page)
    assert ModelLogEntry.objects.filter(
        action="clinic_pages.mfa_recovery_codes_created", user=user
    ).exists()


def test_the_codes_page_is_not_cached(enrolled, staff):  # noqa: F811
    client = Client()
    _sign_in(client, "desk-two", PASSWORD)
    client.get(reverse(mfa.SETUP_VIEW))
    device = TOTPDevice.objects.get(user=staff["desk-two"], confirmed=False)
    response = client.post(
        reverse(mfa.SETUP_VIEW), {"password": PASSWORD, "otp_token": _code(device)}
    )
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_a_code_signs_in_once_and_the_use_is_logged(enrolled):
    user, _device, codes, _client = enrolled
    client = _fresh_session("desk-one")
    page = client.get(reverse(mfa.VERIFY_VIEW)).content.decode()
    assert "Use a recovery code instead" in page

    form = client.get(reverse(mfa.VERIFY_VIEW), {"method": "recovery"}).content.decode()
    assert "Recovery code" in form and 'name="method" value="recovery"' in form

    response = _recover(client, codes[0].lower().replace("-", " "))  # as typed, any case
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    entry = ModelLogEntry.objects.get(action="clinic_pages.mfa_recovery_code_used", user=user)
    assert entry.data == {"remaining": CODE_COUNT - 1}
    assert "9 left" in entry.message

    again = _fresh_session("desk-one")
    refused = _recover(again, codes[0])
    assert refused.status_code == 200
    assert "has been used already" in refused.content.decode()
    assert again.get(reverse("wagtailadmin_home")).status_code == 302

    _unthrottle(user)
    assert _recover(again, codes[1]).status_code == 302
    page = again.get(reverse(mfa.SETUP_VIEW)).content.decode()
    assert "You have 8 unused recovery codes" in page


def test_wrong_codes_are_throttled_as_app_codes_are(enrolled):
    _user, _device, codes, _client = enrolled
    client = _fresh_session("desk-one")
    assert _recover(client, "AAAA-BBBB-CCCC").status_code == 200
    # Straight after a wrong code the right one waits too (django-otp's growing delay).
    assert _recover(client, codes[0]).status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    assert RecoveryCode.objects.count() == CODE_COUNT


def test_a_recovery_code_does_not_count_against_the_app(enrolled):
    _user, device, codes, _client = enrolled
    client = _fresh_session("desk-one")
    _recover(client, codes[0])
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_new_codes_replace_the_old_ones(enrolled):
    user, _device, old, client = enrolled
    refused = client.post(
        reverse(mfa.SETUP_VIEW), {"action": "new-recovery-codes", "recovery-password": "nope"}
    )
    assert refused.status_code == 200 and "That password is not right" in refused.content.decode()
    assert RecoveryCode.objects.filter(device__user=user).count() == CODE_COUNT

    new = _codes(
        client.post(
            reverse(mfa.SETUP_VIEW), {"action": "new-recovery-codes", "recovery-password": PASSWORD}
        )
    )
    assert len(new) == CODE_COUNT and not set(new) & set(old)
    assert (
        ModelLogEntry.objects.filter(
            action="clinic_pages.mfa_recovery_codes_created", user=user
        ).count()
        == 2
    )
    session = _fresh_session("desk-one")
    assert _recover(session, old[0]).status_code == 200
    _unthrottle(user)
    assert _recover(session, new[0]).status_code == 302


def test_a_recovery_code_turns_it_off_for_a_new_phone(enrolled):
    user, _device, codes, _client = enrolled
    client = _fresh_session("desk-one")
    _recover(client, codes[0])
    response = client.post(reverse(mfa.SETUP_VIEW), {"password": PASSWORD, "otp_token": codes[1]})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not RecoveryCodeDevice.objects.filter(user=user).exists()
    assert not RecoveryCode.objects.exists()


def test_users_enrolled_before_recovery_codes_can_make_them(staff):  # noqa: F811
    user = staff["desk-one"]
    device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    client = Client()
    _sign_in(client, "desk-one", PASSWORD)
    verify = client.get(reverse(mfa.VERIFY_VIEW)).content.decode()
    assert "recovery code" not in verify
    client.post(reverse(mfa.VERIFY_VIEW), {"otp_token": _code(device)})
    page = client.get(reverse(mfa.SETUP_VIEW)).content.decode()
    assert "You have no recovery codes" in page
    response = client.post(
        reverse(mfa.SETUP_VIEW), {"action": "new-recovery-codes", "recovery-password": PASSWORD}
    )
    assert len(_codes(response)) == CODE_COUNT


@pytest.mark.parametrize("code", ["", "x" * 500, "\x00" * 12, "ÅÅÅÅ-ÅÅÅÅ-ÅÅÅÅ", "123456"])
def test_odd_recovery_codes_are_form_errors(enrolled, code):
    client = _fresh_session("desk-one")
    response = _recover(client, code)
    assert response.status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
