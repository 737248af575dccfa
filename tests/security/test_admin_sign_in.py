"""Signing in to the admin: wrong passwords are throttled per account and per client, and staff
who turned on two-step verification pass it before any admin page."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from clinic_pages.clinics import mfa

PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff(db):
    """A front-desk-like account and a second account, with real passwords."""
    model = get_user_model()
    users = {}
    for name in ("desk-one", "desk-two"):
        user = model.objects.create_user(name, f"{name}@example.com", PASSWORD)
        user.user_permissions.add(_access_admin())
        users[name] = user
    return users


def _access_admin():
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _sign_in(client: Client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password, "next": reverse("wagtailadmin_home")},
        REMOTE_ADDR=address,
    )


def _signed_in(client: Client) -> bool:
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def test_the_right_password_signs_in(staff):
    client = Client()
    assert _sign_in(client, "desk-one", PASSWORD).status_code == 302
    assert _signed_in(client)


def test_after_30_wrong_passwords_the_right_one_is_refused(staff):
    client = Client()
    for attempt in range(30):
        response = _sign_in(client, "desk-one", f"guess {attempt}")
        assert response.status_code in (200, 429)
    response = _sign_in(client, "desk-one", PASSWORD)
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    assert not _signed_in(client)


def test_the_account_stays_locked_from_another_client(staff):
    for attempt in range(30):
        _sign_in(Client(), "desk-one", f"guess {attempt}", address="203.0.113.7")
    client = Client()
    assert _sign_in(client, "desk-one", PASSWORD, address="198.51.100.20").status_code == 429
    assert not _signed_in(client)


def test_the_client_stays_locked_for_another_account(staff):
    """Guessing at one account locks the client out for every account, its own included."""
    for attempt in range(30):
        _sign_in(Client(), "desk-one", f"guess {attempt}", address="203.0.113.7")
    client = Client()
    assert _sign_in(client, "desk-two", PASSWORD, address="203.0.113.7").status_code == 429
    assert not _signed_in(client)
    # The other account from another client is untouched.
    elsewhere = Client()
    assert _sign_in(elsewhere, "desk-two", PASSWORD, address="198.51.100.20").status_code == 302
    assert _signed_in(elsewhere)


def test_spread_over_accounts_the_guesses_still_lock_the_client(staff):
    client = Client()
    for attempt in range(30):
        _sign_in(client, f"nobody-{attempt}", "guess")
    assert _sign_in(client, "desk-one", PASSWORD).status_code == 429


def test_a_lockout_page_is_not_a_server_error_for_odd_input(staff):
    client = Client()
    for _ in range(12):
        response = client.post(reverse("wagtailadmin_login"), {"username": "x" * 5000})
        assert response.status_code in (200, 429)


# ------------------------------------------------------------------------------ second factor


def _device(user, confirmed=True) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=confirmed)


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_an_enrolled_user_is_asked_for_the_code_before_the_admin(staff):
    user = staff["desk-one"]
    device = _device(user)
    client = Client()
    assert _sign_in(client, "desk-one", PASSWORD).status_code == 302

    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse(mfa.VERIFY_VIEW))

    wrong = client.post(reverse(mfa.VERIFY_VIEW), {"otp_token": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "That code is not valid" in wrong.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.save()
    right = client.post(reverse(mfa.VERIFY_VIEW), {"otp_token": _code(device), "next": "/admin/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/"
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_the_code_form_sends_nobody_to_another_host(staff):
    device = _device(staff["desk-one"])
    client = Client()
    _sign_in(client, "desk-one", PASSWORD)
    response = client.post(
        reverse(mfa.VERIFY_VIEW), {"otp_token": _code(device), "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_users_without_a_device_are_not_asked(staff):
    client = Client()
    _sign_in(client, "desk-one", PASSWORD)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_when_required_a_user_without_a_device_is_sent_to_set_one_up(staff, settings):
    settings.CLINIC_PAGES_STAFF_MFA_REQUIRED = True
    client = Client()
    _sign_in(client, "desk-one", PASSWORD)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(mfa.SETUP_VIEW))
    assert client.get(reverse(mfa.SETUP_VIEW)).status_code == 200


def test_setting_it_up_takes_the_password_and_a_code_and_is_logged(staff):
    user = staff["desk-one"]
    client = Client()
    _sign_in(client, "desk-one", PASSWORD)
    page = client.get(reverse(mfa.SETUP_VIEW))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "Turn on two-step verification" in html
    pending = TOTPDevice.objects.get(user=user, confirmed=False)

    wrong = client.post(
        reverse(mfa.SETUP_VIEW), {"password": "not it", "otp_token": _code(pending)}
    )
    assert wrong.status_code == 200
    assert "That password is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()

    right = client.post(
        reverse(mfa.SETUP_VIEW), {"password": PASSWORD, "otp_token": _code(pending)}
    )
    # The answer is the page of recovery codes, shown this once (tests/security/test_recovery_codes).
    assert right.status_code == 200
    assert "Your recovery codes" in right.content.decode()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
    assert ModelLogEntry.objects.filter(action="clinic_pages.mfa_enabled", user=user).exists()
    # This session entered the code while setting it up; a new one must enter it again.
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    fresh = Client()
    _sign_in(fresh, "desk-one", PASSWORD)
    assert fresh.get(reverse("wagtailadmin_home")).status_code == 302


def test_turning_it_off_takes_the_password_and_a_current_code(staff):
    user = staff["desk-one"]
    device = _device(user)
    client = Client()
    _sign_in(client, "desk-one", PASSWORD)
    client.post(reverse(mfa.VERIFY_VIEW), {"otp_token": _code(device)})
    device.refresh_from_db()

    refused = client.post(reverse(mfa.SETUP_VIEW), {"password": PASSWORD, "otp_token": "12"})
    assert refused.status_code == 200
    assert TOTPDevice.objects.filter(user=user).exists()

    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.last_t = -1
    device.save()
    done = client.post(reverse(mfa.SETUP_VIEW), {"password": PASSWORD, "otp_token": _code(device)})
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert ModelLogEntry.objects.filter(action="clinic_pages.mfa_disabled", user=user).exists()


@pytest.mark.parametrize("data", [{}, {"otp_token": "x" * 500}, {"password": "", "otp_token": ""}])
def test_odd_posts_to_the_code_forms_are_form_errors(staff, data):
    _device(staff["desk-one"])
    client = Client()
    _sign_in(client, "desk-one", PASSWORD)
    assert client.post(reverse(mfa.VERIFY_VIEW), data).status_code == 200
    _sign_in(other := Client(), "desk-two", PASSWORD)
    assert other.post(reverse(mfa.SETUP_VIEW), data).status_code == 200


def test_the_account_page_offers_two_step_verification(staff):
    client = Client()
    _sign_in(client, "desk-one", PASSWORD)
    response = client.get(reverse("wagtailadmin_account"))
    assert response.status_code == 200
    assert reverse(mfa.SETUP_VIEW) in response.content.decode()


def test_the_code_form_signed_out_goes_to_sign_in(db):
    response = Client().get(reverse(mfa.VERIFY_VIEW))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
