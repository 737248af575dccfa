"""Whole pages for visitors without a session, from a cache every app server shares.

A page is cached only when its view says every visitor sees it alike (``mark_public``: clinic
pages do, once routing has found no view restriction on them) and the request and response prove
it: a GET or HEAD without a session cookie or credentials, a 200 that sets no cookie and used no
CSRF token, with no ``private``/``no-store``. Everything else (the booking form and its
confirmation, search, previews and other dummy requests, the admin, any visitor signed in or
holding a session) passes through untouched.

Keys carry the site's content generation (``core.generation``), so a publish, a move, a settings
or office change, a reference or an image edit makes every page of the affected sites miss at
once, including the pages that only show the changed one in a menu, a listing or a card. A page
whose content changes with time (a review falls due) is kept only until then.

The same decision gives the HTTP headers: ``Cache-Control: public, max-age=…, s-maxage=…`` with
an ``ETag`` and ``Last-Modified`` (the time it was rendered, so it is never older than what it
shows), answering conditional requests with 304, and no ``Vary: Cookie``: a response built
without a session cannot depend on one. A CDN or reverse proxy purges through
``core.purge``. A signed-in visitor's copy of a public page is ``private, no-cache``.

Place the middleware after WhiteNoise and before ``SessionMiddleware``, so a hit skips sessions,
CSRF, authentication and routing, and a miss sees what those added.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from clinic_pages.core.conf import clinic_pages_settings
from clinic_pages.core.csp import allow_style_hashes, style_hashes
from clinic_pages.core.generation import content_generation, is_made_up, sites_generation
from clinic_pages.core.site_roots import site_root_paths

STATUS_HEADER = "X-Clinic-Pages-Cache"
_DEFAULT_PORTS = {"http": 80, "https": 443}
PUBLIC_ATTRIBUTE = "clinic_pages_public"
EXPIRES_ATTRIBUTE = "clinic_pages_expires_at"
# Query strings that select a different page of the same content; any other query string is
# served uncached, so made-up parameters cannot fill the cache.
CACHEABLE_QUERY_PARAMETERS = frozenset({"page"})
# Headers a hit sets afresh (or that describe one response only); the rest are stored with the
# page, so a hit answers with what the inner middleware added to the miss (X-Frame-Options, and
# the Content-Security-Policy where a project lists that middleware after this one).
UNSTORED_HEADERS = frozenset(
    {
        "cache-control",
        "content-length",
        "date",
        "expires",
        "set-cookie",
        "x-request-id",
        STATUS_HEADER.lower(),
    }
)


def mark_public(
    response: HttpResponseBase, *, expires_at: datetime.datetime | None = None
) -> HttpResponseBase:
    """Declare that this response is the same for every visitor without a session.

    ``expires_at``: when its content changes with time alone (nothing is saved then).
    """
    setattr(response, PUBLIC_ATTRIBUTE, True)
    setattr(response, EXPIRES_ATTRIBUTE, expires_at)
    return response


def public_view(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Mark a view's responses public (``mark_public``): robots.txt, the sitemap."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        return mark_public(view(request, *args, **kwargs))

    return wrapped


@dataclass(frozen=True)
class CachedPage:
    content: bytes
    headers: tuple[tuple[str, str], ...]
    style_hashes: tuple[str, ...]
    expires_at: datetime.datetime | None

    def response(self, request: HttpRequest) -> HttpResponse:
        allow_style_hashes(request, self.style_hashes)
        return HttpResponse(self.content, headers=dict(self.headers))


def _has_session(request: HttpRequest) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META


def _cacheable_query(request: HttpRequest) -> bool:
    query = request.GET
    return all(
        name in CACHEABLE_QUERY_PARAMETERS and len(query.getlist(name)) == 1 and value.isdigit()
        for name, value in query.items()
    )


def _seconds_until(expires_at: datetime.datetime | None) -> int | None:
    if expires_at is None:
        return None
    return max(0, int((expires_at - timezone.now()).total_seconds()))


def _bounded(seconds: int, expires_at: datetime.datetime | None) -> int:
    remaining = _seconds_until(expires_at)
    return seconds if remaining is None else min(seconds, remaining)


def page_cache_key(request: HttpRequest) -> str | None:
    """The page's key, or None when this request must not be answered from the cache."""
    if clinic_pages_settings.PAGE_CACHE_TIMEOUT <= 0:
        return None
    if request.method not in ("GET", "HEAD") or _has_session(request) or is_made_up(request):
        return None
    if not _cacheable_query(request):
        return None
    host = request.get_host().lower()  # validates the host as the page itself would
    site_id = _site_id_for_host(host, request)
    if site_id is None:
        return None
    digest = hashlib.sha256(f"{host}{request.get_full_path()}".encode()).hexdigest()[:32]
    generation = content_generation(site_id, request)
    return f"clinic_pages:page:{site_id}:{generation}:{get_language() or ''}:{digest}"


# (Sites generation, {hostname: [(site id, port), ...]}), replaced whole when a Site changes.
_host_map: tuple[int | None, dict[str, list[tuple[int, int | None]]]] = (None, {})


def _sites_by_hostname(request: HttpRequest) -> dict[str, list[tuple[int, int | None]]]:
    """Each hostname's Sites and ports, built in this process from the cached site root paths
    (``core.site_roots``) once per Sites generation: a hit costs one small cache read, however
    many clinics."""
    global _host_map
    generation = sites_generation(request)
    if _host_map[0] != generation:
        by_hostname: dict[str, list[tuple[int, int | None]]] = {}
        for root in site_root_paths():
            parts = urlsplit(root.root_url)
            entry = (root.site_id, parts.port or _DEFAULT_PORTS.get(parts.scheme))
            if entry not in by_hostname.setdefault(parts.hostname or "", []):
                by_hostname[parts.hostname or ""].append(entry)
        _host_map = (generation, by_hostname)
    return _host_map[1]


def _site_id_for_host(host: str, request: HttpRequest) -> int | None:
    """The Site a host names (no query once warm, one cache read per request).

    Wagtail's ``Site.find_for_request`` costs a query per request. Only a host that names its
    site exactly is looked up here: a request that Wagtail would send to the default site is
    served uncached.
    """
    hostname, _, port = host.partition(":")
    matches = _sites_by_hostname(request).get(hostname, [])
    site_ids = {site_id for site_id, _ in matches}
    if len(site_ids) == 1:
        return site_ids.pop()
    wanted = int(port) if port.isdigit() else None
    on_port = {site_id for site_id, site_port in matches if site_port == wanted}
    return on_port.pop() if len(on_port) == 1 else None


def _is_public(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether every visitor without a session would get exactly this response."""
    if not getattr(response, PUBLIC_ATTRIBUTE, False) or _has_session(request):
        return False
    if is_made_up(request):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # The page holds a CSRF token (a form), which is tied to this visitor's cookie.
    if "CSRF_COOKIE_NEEDS_UPDATE" in request.META:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _drop_vary_cookie(response: HttpResponseBase) -> None:
    if not response.has_header("Vary"):
        return
    kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def _set_public_headers(response: HttpResponseBase, expires_at: datetime.datetime | None) -> None:
    del response["Cache-Control"]
    patch_cache_control(
        response,
        public=True,
        max_age=_bounded(clinic_pages_settings.BROWSER_CACHE_MAX_AGE, expires_at),
        s_maxage=_bounded(clinic_pages_settings.SHARED_CACHE_MAX_AGE, expires_at),
    )
    _drop_vary_cookie(response)


def _prepare_public(response: HttpResponse) -> None:
    """ETag and Last-Modified for a fresh render (a hit carries the stored ones)."""
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date()


def _store(key: str, request: HttpRequest, response: HttpResponse) -> None:
    expires_at = getattr(response, EXPIRES_ATTRIBUTE, None)
    timeout = _bounded(clinic_pages_settings.PAGE_CACHE_TIMEOUT, expires_at)
    if timeout <= 0:
        return
    headers = tuple(
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in UNSTORED_HEADERS
    )
    entry = CachedPage(response.content, headers, style_hashes(request), expires_at)
    cache.set(key, entry, timeout)


def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponseBase:
    """304 when the visitor's ``If-None-Match`` names this version (the ETag decides alone)."""
    return get_conditional_response(request, etag=response.get("ETag"), response=response)


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = page_cache_key(request)
        entry = cache.get(key) if key is not None else None
        if isinstance(entry, CachedPage):
            response = entry.response(request)
            _set_public_headers(response, entry.expires_at)
            response[STATUS_HEADER] = "hit"
            return _conditional(request, response)

        response = self.get_response(request)
        if _is_public(request, response):
            expires_at = getattr(response, EXPIRES_ATTRIBUTE, None)
            _prepare_public(response)
            _set_public_headers(response, expires_at)
            if key is not None:
                _store(key, request, response)
                response[STATUS_HEADER] = "miss"
            return _conditional(request, response)
        if getattr(response, PUBLIC_ATTRIBUTE, False) and _has_session(request):
            # The signed-in view of a public page (Wagtail's user bar): this visitor's only.
            patch_cache_control(response, private=True, no_cache=True)
        return response
