"""Spam and abuse defences for the public form, none of which need a third-party service.

- A signed form token carries a submission id (so a double POST is one request), the clinic it
  was issued for, and the time the form was shown (a form sent back faster than a person could
  is shown again to be confirmed, never dropped).
- A honeypot field people never see.
- Limits per clinic and client address, counted in the shared cache: a high ceiling on form
  posts of any kind, and a low one on requests actually stored. The client address comes from
  ``core.client_address``, which trusts only the X-Forwarded-For hops our own proxies added.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache

# client_ip stays importable here: hosts set AXES_CLIENT_IP_CALLABLE to this module's name.
from clinic_pages.core.client_address import client_ip, client_key  # noqa: F401
from clinic_pages.core.conf import clinic_pages_settings
from clinic_pages.core.counters import hashed_key, increment

TOKEN_SALT = "clinic_pages.appointments.form-token"
KEY_SALT = "clinic_pages.appointments.rate-key"


@dataclass(frozen=True)
class FormToken:
    submission_id: uuid.UUID
    issued_at: float
    site_id: int

    @classmethod
    def new(cls, site_id: int, submission_id: uuid.UUID | None = None) -> FormToken:
        return cls(submission_id or uuid.uuid4(), time.time(), site_id)

    def dumps(self) -> str:
        return signing.dumps(
            [self.submission_id.hex, self.issued_at, self.site_id], salt=TOKEN_SALT
        )

    @classmethod
    def loads(cls, value: str) -> FormToken | None:
        """The token, or None when it is missing, malformed or tampered with."""
        if not value or len(value) > 200:
            return None
        try:
            submission_hex, issued_at, site_id = signing.loads(value, salt=TOKEN_SALT)
            return cls(uuid.UUID(hex=submission_hex), float(issued_at), int(site_id))
        except (signing.BadSignature, ValueError, TypeError):
            return None

    def filled_too_fast(self) -> bool:
        minimum = clinic_pages_settings.APPOINTMENT_MIN_FILL_SECONDS
        return time.time() - self.issued_at < minimum


# ------------------------------------------------------------------------------ counters


def _cache_key(kind: str, site_id: int, request) -> str:
    return hashed_key(f"clinic_pages:appointments:{kind}:{site_id}", KEY_SALT, client_key(request))


def _increment(key: str) -> int:
    return increment(key, clinic_pages_settings.APPOINTMENT_RATE_LIMIT_WINDOW_SECONDS)


def attempt_limit_exceeded(request, site_id: int) -> bool:
    """Count one form post; True once this client is past the (high) ceiling at this clinic."""
    count = _increment(_cache_key("attempts", site_id, request))
    return count > clinic_pages_settings.APPOINTMENT_ATTEMPT_LIMIT


class BookingAllowance:
    """One stored request per client and clinic, taken before saving and given back on failure.

    Taking and checking is one atomic increment, so two simultaneous posts cannot both squeeze
    under the limit.
    """

    def __init__(self, request, site_id: int):
        self.key = _cache_key("bookings", site_id, request)
        self.taken = False

    def take(self) -> bool:
        count = _increment(self.key)
        if count > clinic_pages_settings.APPOINTMENT_RATE_LIMIT:
            self._decrement()
            return False
        self.taken = True
        return True

    def give_back(self) -> None:
        if self.taken:
            self._decrement()
            self.taken = False

    def _decrement(self) -> None:
        with contextlib.suppress(ValueError):  # the window ran out meanwhile
            cache.decr(self.key)
