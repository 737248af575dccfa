"""The forms of two-step verification (clinics.mfa): a code at sign-in, or a recovery code
instead, and the password with a code to turn it on or off or to replace the recovery codes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic_pages.clinics.mfa_recovery import looks_like_recovery_code, recovery_device

WRONG_CODE = _("That code is not valid. Enter the code your app shows now.")
WRONG_RECOVERY_CODE = _("That recovery code is not valid, or it has been used already.")


class CodeField(forms.CharField):
    """A code as typed: spaces dropped, bounded length (a hostile post is a form error)."""

    def __init__(self, *, numeric: bool = True, **kwargs):
        attrs = {"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        if numeric:
            attrs["inputmode"] = "numeric"
        else:
            attrs["autocapitalize"] = "characters"
        super().__init__(max_length=24, widget=forms.TextInput(attrs=attrs), **kwargs)

    def clean(self, value):
        return "".join(str(super().clean(value)).split())


def verify_app_code(user, token: str) -> Device | None:
    """The user's authenticator app that accepts this code (each app throttles wrong codes)."""
    for device in TOTPDevice.objects.devices_for_user(user, confirmed=True):
        if device.verify_token(token):
            return device
    return None


def verify_recovery_code(user, token: str) -> Device | None:
    """The user's recovery codes, if this is one of them; it cannot be used again."""
    device = recovery_device(user)
    if device is not None and device.verify_token(token):
        return device
    return None


def verify_any_code(user, token: str) -> Device | None:
    """An app code or a recovery code, each checked only by the device it can belong to (a
    recovery code typed here does not count as a wrong app code, nor the reverse)."""
    if looks_like_recovery_code(token):
        return verify_recovery_code(user, token)
    return verify_app_code(user, token)


class VerifyForm(forms.Form):
    """The second step of signing in, with the code from the authenticator app."""

    otp_token = CodeField(label=_("Code from your authenticator app"))
    error = WRONG_CODE

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device: Device | None = None

    def verify(self, token: str) -> Device | None:
        return verify_app_code(self.user, token)

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"]
        self.device = self.verify(token)
        if self.device is None:
            raise forms.ValidationError(self.error, code="invalid")
        return token


class RecoveryVerifyForm(VerifyForm):
    """The second step of signing in with a recovery code instead of the app's code."""

    otp_token = CodeField(
        numeric=False,
        label=_("Recovery code"),
        help_text=_("One of the codes you saved when you turned on two-step verification."),
    )
    error = WRONG_RECOVERY_CODE

    def verify(self, token: str) -> Device | None:
        return verify_recovery_code(self.user, token)


class PasswordForm(forms.Form):
    """Changes to the second factor ask for the password again."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not right."), code="password")
        return password


class PasswordAndCodeForm(PasswordForm):
    """Turning the second factor on: the password and a current code of the new app."""

    otp_token = CodeField(label=_("Code from your authenticator app"))

    def __init__(self, user, device: TOTPDevice | None, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.device = device

    def code_accepted(self, token: str) -> bool:
        return self.device is not None and self.device.verify_token(token)

    def clean(self):
        cleaned_data = super().clean()
        token = cleaned_data.get("otp_token")
        # The code is checked only with the right password: checking uses it up.
        if "password" in cleaned_data and token and not self.code_accepted(token):
            self.add_error("otp_token", forms.ValidationError(WRONG_CODE, code="invalid"))
        return cleaned_data


class TurnOffForm(PasswordAndCodeForm):
    """Turning it off: the password and a code of the app, or a recovery code (for staff who
    lost the phone and want to set up a new one)."""

    otp_token = CodeField(
        numeric=False,
        label=_("Code from your authenticator app, or a recovery code"),
    )

    def code_accepted(self, token: str) -> bool:
        return verify_any_code(self.user, token) is not None
