"""The JSON-LD of a page, built once per published revision instead of on every render.

Building the graph took about a fifth of a treatment page's render. What it says depends only on
published content: the page's own revision and what its site shows (physicians, offices,
settings, references, questions), which the site's content generation covers
(``core.generation``). So the finished ``<script>`` text is kept under the page, its live
revision, that generation and the language.

Views without a page (search results, errors) carry only the site's nodes, kept per site.
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
    """The key of the page's graph (or, off any page, the site's), or None to build it afresh."""
    if request is None or request.method not in ("GET", "HEAD"):
        return None
    if getattr(request, "is_preview", False):
        return None
    if page is not None and not (page.pk and page.live and _routed_public(page)):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    prefix = f"clinic_pages:jsonld:{site.pk}:{content_generation(site.pk, request)}"
    if page is None:  # search results, error pages: the site and the practice only
        return f"{prefix}:site:{get_language()}"
    published = page.last_published_at.isoformat() if page.last_published_at else ""
    key = f"{prefix}:{page.pk}:{page.live_revision_id}:{published}:{get_language()}"
    return key + _route(request)


def _route(request: HttpRequest) -> str:
    """A routable page's sub-page (an office's page below the offices page) has a graph of
    its own: the route's name and arguments are part of the key."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None:
        return ""
    arguments = [*map(str, match.args), *(f"{k}={v}" for k, v in sorted(match.kwargs.items()))]
    return ":" + "/".join([match.url_name or "", *arguments])


def _routed_public(page: Page) -> bool:
    """Routing found no view restriction on the page or its ancestors (core.routing)."""
    return getattr(page, "_routed_without_restrictions", False)


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
