"""Spam and abuse defences for the public form, none of which need a third-party service.

- A signed form token carries a submission id (so a double POST is one request) and the time
  the form was shown (so a form filled faster than a person could is quietly dropped).
- A honeypot field people never see.
- A per-client-IP rate limit counted in the shared cache.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache

from clinic_pages.core.conf import clinic_pages_settings

TOKEN_SALT = "clinic_pages.appointments.form-token"


@dataclass(frozen=True)
class FormToken:
    submission_id: uuid.UUID
    issued_at: float

    @classmethod
    def new(cls) -> FormToken:
        return cls(uuid.uuid4(), time.time())

    def dumps(self) -> str:
        return signing.dumps([self.submission_id.hex, self.issued_at], salt=TOKEN_SALT)

    @classmethod
    def loads(cls, value: str) -> FormToken | None:
        """The token, or None when it is missing, malformed or tampered with."""
        if not value or len(value) > 200:
            return None
        try:
            submission_hex, issued_at = signing.loads(value, salt=TOKEN_SALT)
            return cls(uuid.UUID(hex=submission_hex), float(issued_at))
        except (signing.BadSignature, ValueError, TypeError):
            return None

    def filled_too_fast(self) -> bool:
        minimum = clinic_pages_settings.APPOINTMENT_MIN_FILL_SECONDS
        return time.time() - self.issued_at < minimum


def client_ip(request) -> str:
    """REMOTE_ADDR, or the first X-Forwarded-For hop when we are told a trusted proxy sets it."""
    if clinic_pages_settings.APPOINTMENT_TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        first = forwarded.split(",")[0].strip()
        if first:
            return first[:64]
    return request.META.get("REMOTE_ADDR", "")[:64] or "unknown"


def rate_limit_exceeded(request) -> bool:
    """Count one booking attempt for this client; True once it is past the limit in the window."""
    limit = clinic_pages_settings.APPOINTMENT_RATE_LIMIT
    window = clinic_pages_settings.APPOINTMENT_RATE_LIMIT_WINDOW_SECONDS
    key = f"appointments:rate:{client_ip(request)}"
    # add() is atomic and only sets a missing key, so the window starts at the first attempt.
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        count = 1
    return count > limit
