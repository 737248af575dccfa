"""Wagtail's password-reset form, with limits on how many reset e-mails it sends.

Wagtail's form mails a reset link for every valid post, so anyone can make the site mail a
staff member's inbox without end (and use the site's mail reputation to do it). This form
counts each post per client address (IPv6 per /64, behind the trusted proxies only: see
``core.client_address``) and per target e-mail address in the shared cache, and past either
limit sends nothing. The visitor sees exactly what an unknown address gets, Wagtail's "check
your email" page, so the limit tells nobody which addresses have accounts.

A host enables it with ``WAGTAILADMIN_USER_PASSWORD_RESET_FORM`` (Wagtail's own setting).
"""

from __future__ import annotations

import logging

from wagtail.admin.forms.auth import PasswordResetForm

from clinic_pages.core.client_address import client_key
from clinic_pages.core.conf import clinic_pages_settings
from clinic_pages.core.counters import hashed_key, increment

logger = logging.getLogger("clinic_pages.clinics")

KEY_SALT = "clinic_pages.clinics.password-reset"
WINDOW_SECONDS = 60 * 60


def _key(kind: str, value: str) -> str:
    return hashed_key(f"clinic_pages:password-reset:{kind}", KEY_SALT, value)


def reset_mail_allowed(request, email: str) -> bool:
    """Count one reset request; False once the client or the address is past its hourly limit.

    The client is counted first and, past its limit, the address is not counted: one client
    cannot use up the allowance of every address it names. Without a request (a call from
    code, not the view) only the address is counted.
    """
    if request is not None:
        client = increment(_key("client", client_key(request)), WINDOW_SECONDS)
        if client > clinic_pages_settings.PASSWORD_RESET_LIMIT_PER_CLIENT:
            return False
    address = increment(_key("email", email.strip().casefold()), WINDOW_SECONDS)
    return address <= clinic_pages_settings.PASSWORD_RESET_LIMIT_PER_EMAIL


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's form, sending the reset e-mail only within the limits."""

    def save(self, *args, request=None, **kwargs) -> None:
        try:
            allowed = reset_mail_allowed(request, self.cleaned_data["email"])
        except Exception as exc:  # the cache is down: refuse quietly rather than mail unlimited
            logger.error(
                "Password reset not sent: the limit could not be counted (%s).",
                type(exc).__name__,
            )
            return
        if not allowed:
            logger.warning("Password reset not sent: the hourly limit is reached.")
            return
        super().save(*args, request=request, **kwargs)
