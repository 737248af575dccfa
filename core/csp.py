"""Inline styles allowed by their hash, so a page's HTML is the same for every visitor.

A nonce changes with every response, so a page carrying one cannot be served from a cache: the
cached copy's nonce would not match the new response's policy (or, cached whole, would be reused
by every visitor). The clinic's brand colours are one short inline ``<style>``; its SHA-256 hash
goes into the response's ``style-src`` instead. ``allow_inline_style`` records the hash on the
request, the Content-Security-Policy middleware adds what was recorded, and the page cache keeps
the hashes with the page it stores.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable

from django.http import HttpRequest

REQUEST_ATTRIBUTE = "_clinic_pages_style_hashes"


def source_hash(text: str) -> str:
    """The CSP source expression (``'sha256-…'``) that allows exactly this inline text."""
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def allow_inline_style(request: HttpRequest | None, text: str) -> None:
    """Let this response's policy allow an inline ``<style>`` with exactly ``text``."""
    if request is not None:
        allow_style_hashes(request, [source_hash(text)])


def allow_style_hashes(request: HttpRequest, hashes: Iterable[str]) -> None:
    known = getattr(request, REQUEST_ATTRIBUTE, ())
    setattr(request, REQUEST_ATTRIBUTE, tuple(dict.fromkeys([*known, *hashes])))


def style_hashes(request: HttpRequest) -> tuple[str, ...]:
    """The hashes recorded while this request's response was built."""
    return getattr(request, REQUEST_ATTRIBUTE, ())
