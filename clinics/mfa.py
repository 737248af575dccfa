"""A second sign-in factor for admin staff: an authenticator app's six-digit code (TOTP).

Staff who read patient data (the front desk) or publish medical content can turn it on from
their account menu; from then on the admin asks for the code after the password, before any
admin page (``clinics.middleware.StaffSecondFactorMiddleware``). With
``CLINIC_PAGES_STAFF_MFA_REQUIRED = True`` every admin user is sent to set it up first.

Built on django-otp's TOTP devices, which rate-limit wrong codes themselves. wagtail-2fa was
not used: its releases declare no Wagtail 8 support, and a hand-edited URL of one of its views
answers with a server error.
"""

from __future__ import annotations

import base64

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from clinic_pages.core.conf import clinic_pages_settings

VERIFY_VIEW = "clinic_pages_mfa_verify"
SETUP_VIEW = "clinic_pages_mfa_setup"
DEVICE_NAME = "Authenticator app"


def mfa_required() -> bool:
    return bool(clinic_pages_settings.STAFF_MFA_REQUIRED)


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            max_length=12,
            widget=forms.TextInput(
                attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
            ),
            **kwargs,
        )

    def clean(self, value):
        return "".join(str(super().clean(value)).split())


class VerifyForm(forms.Form):
    otp_token = CodeField(label=_("Code from your authenticator app"))

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"]
        # Each device counts wrong codes and refuses further tries for a growing delay.
        self.device = match_token(self.user, token)
        if self.device is None:
            raise forms.ValidationError(
                _("That code is not valid. Enter the code your app shows now."), code="invalid"
            )
        return token


class PasswordAndCodeForm(forms.Form):
    """Turning the second factor on or off asks for the password and a current code."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    otp_token = CodeField(label=_("Code from your authenticator app"))

    def __init__(self, user, device: TOTPDevice, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = device

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not right."), code="password")
        return password

    def clean(self):
        cleaned_data = super().clean()
        token = cleaned_data.get("otp_token")
        # The code is checked only with the right password: checking uses it up.
        if "password" in cleaned_data and token and not self.device.verify_token(token):
            self.add_error(
                "otp_token",
                forms.ValidationError(
                    _("That code is not valid. Enter the code your app shows now."),
                    code="invalid",
                ),
            )
        return cleaned_data


def _confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def _pending_device(user) -> TOTPDevice:
    """The device being set up: kept until confirmed, so a wrong code does not change the key."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def _log_for_account(request, action: str) -> None:
    # request.user is a lazy wrapper (twice over, with django-otp); the audit log needs the
    # user model itself to know where to file the entry.
    account = get_user_model()._default_manager.get(pk=request.user.pk)
    log(instance=account, action=action, user=account)


def _qr_code_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=2, dark="#000", light="#fff"
    )


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class VerifyView(View):
    """The second step of signing in, for a user with a confirmed authenticator app."""

    template_name = "clinic_pages/clinics/admin/mfa_verify.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(reverse("wagtailadmin_login"))
        if not user_has_device(request.user, confirmed=True):
            return redirect(_safe_next(request, reverse("wagtailadmin_home")))
        return super().dispatch(request, *args, **kwargs)

    def render(self, request, form):
        return TemplateResponse(
            request,
            self.template_name,
            {"form": form, "next": _safe_next(request, reverse("wagtailadmin_home"))},
        )

    def get(self, request):
        return self.render(request, VerifyForm(request.user))

    def post(self, request):
        form = VerifyForm(request.user, request.POST)
        if not form.is_valid():
            return self.render(request, form)
        otp_login(request, form.device)
        return redirect(_safe_next(request, reverse("wagtailadmin_home")))


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class SetupView(View):
    """Turn the second factor on (scan the QR code, confirm with the password and a code), or
    off again (the password and a current code)."""

    template_name = "clinic_pages/clinics/admin/mfa_setup.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise PermissionDenied
        self.confirmed = _confirmed_device(request.user)
        return super().dispatch(request, *args, **kwargs)

    def render(self, request, form, device=None):
        context = {"form": form, "confirmed": self.confirmed, "required": mfa_required()}
        if device is not None:
            context.update(
                qr_code=_qr_code_svg(device),
                secret=base64.b32encode(device.bin_key).decode("ascii"),
            )
        return TemplateResponse(request, self.template_name, context)

    def get(self, request):
        if self.confirmed is not None:
            return self.render(request, PasswordAndCodeForm(request.user, self.confirmed))
        device = _pending_device(request.user)
        return self.render(request, PasswordAndCodeForm(request.user, device), device)

    def post(self, request):
        if self.confirmed is not None:
            return self.turn_off(request, self.confirmed)
        device = _pending_device(request.user)
        form = PasswordAndCodeForm(request.user, device, request.POST)
        if not form.is_valid():
            return self.render(request, form, device)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        _log_for_account(request, "clinic_pages.mfa_enabled")
        messages.success(request, _("Two-step verification is on."))
        return redirect(_safe_next(request, reverse("wagtailadmin_account")))

    def turn_off(self, request, device: TOTPDevice):
        form = PasswordAndCodeForm(request.user, device, request.POST)
        if not form.is_valid():
            return self.render(request, form)
        TOTPDevice.objects.filter(user=request.user).delete()
        _log_for_account(request, "clinic_pages.mfa_disabled")
        messages.success(request, _("Two-step verification is off."))
        return redirect(reverse("wagtailadmin_account"))
