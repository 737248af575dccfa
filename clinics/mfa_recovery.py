"""Recovery codes: the way back into the admin for staff who lost the phone with their
authenticator app.

Each user who turns on two-step verification gets ``CODE_COUNT`` one-time codes, shown once;
making a new set replaces the old one. A code is accepted at the second step instead of the
app's code, once, and wrong codes are throttled as wrong app codes are (django-otp's growing
delay).

The codes are a django-otp device of their own, so a session signed in with one is "verified"
like any other. django-otp's own otp_static device was not used: it stores its codes as they
are, and anyone who reads a copy of the database could sign in with them. Here only a salted
SHA-256 of each code is kept. A slow password hash would add nothing: a code is 60 random bits,
too many to try offline, and checking one must not cost a second of CPU per attempt.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin

# 32 letters and digits that cannot be mistaken for one another (no 0/O, 1/I).
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 12  # 12 symbols of 5 bits: 60 bits
GROUP = 4  # shown as XXXX-XXXX-XXXX
CODE_COUNT = 10
DEVICE_NAME = "Recovery codes"


def normalize(code: str) -> str:
    """What the user typed, as stored: no spaces or dashes, upper case."""
    return "".join(str(code).split()).replace("-", "").upper()


def looks_like_recovery_code(code: str) -> bool:
    value = normalize(code)
    return len(value) == CODE_LENGTH and all(char in ALPHABET for char in value)


def _new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))


class RecoveryCodeDevice(ThrottlingMixin, Device):
    """One user's set of recovery codes (the codes are ``RecoveryCode`` rows, hashed)."""

    salt = models.CharField(max_length=32, editable=False)

    class Meta:
        verbose_name = _("recovery code set")

    def get_throttle_factor(self) -> int:
        # The same back-off as the authenticator app's codes.
        return getattr(settings, "OTP_TOTP_THROTTLE_FACTOR", 1)

    def _hash(self, code: str) -> str:
        return hashlib.sha256(f"{self.salt}:{normalize(code)}".encode()).hexdigest()

    @property
    def remaining(self) -> int:
        return self.codes.count()

    def replace_codes(self) -> list[str]:
        """A new set of codes, returned in clear this once; the old set stops working."""
        self.salt = secrets.token_hex(16)
        self.throttle_reset(commit=False)
        self.save()
        codes = [_new_code() for _ in range(CODE_COUNT)]
        self.codes.all().delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(device=self, code_hash=self._hash(code)) for code in codes
        )
        return codes

    def verify_token(self, token) -> bool:
        allowed, _details = self.verify_is_allowed()
        if not allowed:
            return False
        if not looks_like_recovery_code(token):
            used = 0
        else:
            # One DELETE: of two requests with the same code at once, only one removes the row.
            used, _ = RecoveryCode.objects.filter(device=self, code_hash=self._hash(token)).delete()
        if used:
            self.throttle_reset()
        else:
            self.throttle_increment()
        return bool(used)


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodeDevice, related_name="codes", on_delete=models.CASCADE)
    code_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("recovery code")
        constraints = [
            models.UniqueConstraint(fields=["device", "code_hash"], name="unique_recovery_code")
        ]

    def __str__(self) -> str:
        return "recovery code"


def recovery_device(user) -> RecoveryCodeDevice | None:
    return RecoveryCodeDevice.objects.filter(user=user, confirmed=True).first()


def issue_recovery_codes(user) -> list[str]:
    """Make (or replace) the user's set of codes; returns them in clear, to show once."""
    device = recovery_device(user) or RecoveryCodeDevice.objects.create(
        user=user, name=DEVICE_NAME, confirmed=True, salt=secrets.token_hex(16)
    )
    return device.replace_codes()
