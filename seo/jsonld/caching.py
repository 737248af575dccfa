"""The JSON-LD of a page, built once per published revision instead of on every render.

Building the graph took about a fifth of a treatment page's render. What it says depends only on
published content: the page's own revision and what its site shows (physicians, offices,
settings, references, questions), which the site's content generation covers
(``core.generation``). So the finished ``<script>`` text is kept under the page, its live
revision, that generation and the language.

Nothing is kept for a preview, a request that is not a GET, or a page routing did not clear of
view restrictions (a page behind a login or password, or one reached some other way).
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page, Site

from clinic_pages.core.generation import ENTRY_TIMEOUT, content_generation


def cache_key(page: Page | None, request: HttpRequest | None) -> str | None:
    """The key of the page's graph, or None when it must be built afresh."""
    if page is None or request is None or not page.pk or not page.live:
        return None
    if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
        return None
    if not getattr(page, "_routed_without_restrictions", False):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    revision = f"{page.live_revision_id}-{page.last_published_at.isoformat() if page.last_published_at else ''}"
    return (
        f"clinic_pages:jsonld:{site.pk}:{content_generation(site.pk)}:{page.pk}:{revision}:"
        f"{get_language()}"
    )


def cached_script(page: Page | None, request: HttpRequest | None, build: Callable[[], str]) -> str:
    """``build()``'s text, from the cache when the page's graph may be kept there."""
    key = cache_key(page, request)
    if key is None:
        return build()
    text = cache.get(key)
    if text is None:
        text = build()
        cache.set(key, text, ENTRY_TIMEOUT)
    return text
