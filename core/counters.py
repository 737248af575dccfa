"""Counters in the shared cache for the plugin's limits (bookings, password resets)."""

from __future__ import annotations

from django.core.cache import cache
from django.utils.crypto import salted_hmac


def hashed_key(prefix: str, salt: str, value: str) -> str:
    """``prefix:<keyed hash of value>``: addresses are personal data, so the shared cache only
    ever sees a keyed hash of them."""
    return f"{prefix}:{salted_hmac(salt, value).hexdigest()[:32]}"


def increment(key: str, window_seconds: int) -> int:
    """Count one event under ``key``; the count for the window that began with the first one.

    ``add()`` is atomic and only sets a missing key, so the window starts at the first count and
    two workers counting at once both land in the same total.
    """
    cache.add(key, 0, timeout=window_seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return 1
