"""A second sign-in factor for admin staff: an authenticator app's six-digit code (TOTP).

Staff who read patient data (the front desk) or publish medical content can turn it on from
their account menu; from then on the admin asks for the code after the password, before any
admin page (``clinics.middleware.StaffSecondFactorMiddleware``). With
``CLINIC_PAGES_STAFF_MFA_REQUIRED = True`` every admin user is sent to set it up first.

Built on django-otp's TOTP devices, which rate-limit wrong codes themselves. Turning it on also
makes one-time recovery codes (clinics.mfa_recovery), shown once, which the second step takes
instead of the app's code when the phone is lost; the account page makes a new set.
wagtail-2fa was not used: its releases declare no Wagtail 8 support, and a hand-edited URL of
one of its views answers with a server error.
"""

from __future__ import annotations

import base64
from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from clinic_pages.clinics.mfa_forms import (
    PasswordAndCodeForm,
    PasswordForm,
    RecoveryVerifyForm,
    TurnOffForm,
    VerifyForm,
)
from clinic_pages.clinics.mfa_recovery import (
    RecoveryCodeDevice,
    issue_recovery_codes,
    recovery_device,
)
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


def _confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def _pending_device(user) -> TOTPDevice:
    """The device being set up: kept until confirmed, so a wrong code does not change the key."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def _log_for_account(request, action: str, data: dict | None = None) -> None:
    # request.user is a lazy wrapper (twice over, with django-otp); the audit log needs the
    # user model itself to know where to file the entry.
    account = get_user_model()._default_manager.get(pk=request.user.pk)
    log(instance=account, action=action, user=account, data=data or {})


def _qr_code_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=2, dark="#000", light="#fff"
    )


RECOVERY_METHOD = "recovery"


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class VerifyView(View):
    """The second step of signing in, for a user with a confirmed authenticator app: its code,
    or (``?method=recovery``) one of the user's recovery codes."""

    template_name = "clinic_pages/clinics/admin/mfa_verify.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(reverse("wagtailadmin_login"))
        if not user_has_device(request.user, confirmed=True):
            return redirect(_safe_next(request, reverse("wagtailadmin_home")))
        self.recovery = recovery_device(request.user)
        method = request.POST.get("method") or request.GET.get("method")
        self.form_class = (
            RecoveryVerifyForm
            if method == RECOVERY_METHOD and self.recovery is not None
            else VerifyForm
        )
        return super().dispatch(request, *args, **kwargs)

    def render(self, request, form):
        next_url = _safe_next(request, reverse("wagtailadmin_home"))
        here = reverse(VERIFY_VIEW)
        context = {
            "form": form,
            "next": next_url,
            "recovery": isinstance(form, RecoveryVerifyForm),
            "has_recovery_codes": self.recovery is not None,
            "app_url": f"{here}?{urlencode({'next': next_url})}",
            "recovery_url": f"{here}?{urlencode({'next': next_url, 'method': RECOVERY_METHOD})}",
        }
        return TemplateResponse(request, self.template_name, context)

    def get(self, request):
        return self.render(request, self.form_class(request.user))

    def post(self, request):
        form = self.form_class(request.user, request.POST)
        if not form.is_valid():
            return self.render(request, form)
        otp_login(request, form.device)
        if isinstance(form.device, RecoveryCodeDevice):
            self._used_recovery_code(request, form.device)
        return redirect(_safe_next(request, reverse("wagtailadmin_home")))

    @staticmethod
    def _used_recovery_code(request, device: RecoveryCodeDevice) -> None:
        remaining = device.remaining
        _log_for_account(request, "clinic_pages.mfa_recovery_code_used", {"remaining": remaining})
        messages.warning(
            request,
            ngettext(
                "You signed in with a recovery code; %(count)d is left. If your phone is lost, "
                "turn two-step verification off and on again with a new phone, or make new "
                "recovery codes.",
                "You signed in with a recovery code; %(count)d are left. If your phone is lost, "
                "turn two-step verification off and on again with a new phone, or make new "
                "recovery codes.",
                remaining,
            )
            % {"count": remaining},
        )


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class SetupView(View):
    """Turn the second factor on (scan the QR code, confirm with the password and a code), or
    off again (the password and a current code or a recovery code); once on, replace the
    recovery codes (the password)."""

    template_name = "clinic_pages/clinics/admin/mfa_setup.html"
    codes_template_name = "clinic_pages/clinics/admin/mfa_recovery_codes.html"
    NEW_CODES_ACTION = "new-recovery-codes"
    CODES_PREFIX = "recovery"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise PermissionDenied
        self.confirmed = _confirmed_device(request.user)
        return super().dispatch(request, *args, **kwargs)

    def render(self, request, form, device=None, codes_form=None):
        context = {"form": form, "confirmed": self.confirmed, "required": mfa_required()}
        if device is not None:
            context.update(
                qr_code=_qr_code_svg(device),
                secret=base64.b32encode(device.bin_key).decode("ascii"),
            )
        if self.confirmed is not None:
            recovery = recovery_device(request.user)
            context.update(
                codes_form=codes_form or PasswordForm(request.user, prefix=self.CODES_PREFIX),
                codes_action=self.NEW_CODES_ACTION,
                recovery_remaining=recovery.remaining if recovery is not None else None,
            )
        return TemplateResponse(request, self.template_name, context)

    def show_codes(self, request, codes: list[str], next_url: str) -> TemplateResponse:
        """The codes in clear, in this one response (never cached); only hashes are kept."""
        return TemplateResponse(
            request, self.codes_template_name, {"codes": codes, "next": next_url}
        )

    def get(self, request):
        if self.confirmed is not None:
            return self.render(request, TurnOffForm(request.user, None))
        device = _pending_device(request.user)
        return self.render(request, PasswordAndCodeForm(request.user, device), device)

    def post(self, request):
        if self.confirmed is not None:
            if request.POST.get("action") == self.NEW_CODES_ACTION:
                return self.new_codes(request)
            return self.turn_off(request)
        device = _pending_device(request.user)
        form = PasswordAndCodeForm(request.user, device, request.POST)
        if not form.is_valid():
            return self.render(request, form, device)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        _log_for_account(request, "clinic_pages.mfa_enabled")
        codes = issue_recovery_codes(request.user)
        _log_for_account(request, "clinic_pages.mfa_recovery_codes_created")
        messages.success(request, _("Two-step verification is on."))
        return self.show_codes(request, codes, _safe_next(request, reverse("wagtailadmin_account")))

    def new_codes(self, request):
        codes_form = PasswordForm(request.user, request.POST, prefix=self.CODES_PREFIX)
        if not codes_form.is_valid():
            return self.render(request, TurnOffForm(request.user, None), codes_form=codes_form)
        codes = issue_recovery_codes(request.user)
        _log_for_account(request, "clinic_pages.mfa_recovery_codes_created")
        return self.show_codes(request, codes, reverse(SETUP_VIEW))

    def turn_off(self, request):
        form = TurnOffForm(request.user, None, request.POST)
        if not form.is_valid():
            return self.render(request, form)
        TOTPDevice.objects.filter(user=request.user).delete()
        RecoveryCodeDevice.objects.filter(user=request.user).delete()
        _log_for_account(request, "clinic_pages.mfa_disabled")
        messages.success(request, _("Two-step verification is off."))
        return redirect(reverse("wagtailadmin_account"))
