"""The load balancer's health probe: can this app server reach its database and its cache?

Answered by a middleware placed first in MIDDLEWARE, before host validation, HTTPS redirects,
sessions and logging: probes come over plain HTTP with an IP address or an internal name as
their Host, which ALLOWED_HOSTS rightly refuses. The path is CLINIC_PAGES_HEALTH_CHECK_PATH.
The answer names each dependency ("ok" or "error") and never says why (the log does).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse

from clinic_pages.core.conf import clinic_pages_settings

logger = logging.getLogger(__name__)

OK = "ok"
FAILED = "error"
CACHE_KEY = "clinic_pages:health"


def database_ok() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_ok() -> bool:
    """A value of our own, so a cache that answers but does not store is caught too."""
    token = uuid.uuid4().hex
    cache.set(CACHE_KEY, token, timeout=30)
    return cache.get(CACHE_KEY) == token


PROBES: dict[str, Callable[[], bool]] = {"database": database_ok, "cache": cache_ok}


def health() -> dict[str, str]:
    results = {}
    for name, probe in PROBES.items():
        try:
            passed = probe()
        except Exception:  # any failure of a dependency is what the probe reports
            logger.exception("Health check: the %s failed", name)
            passed = False
        results[name] = OK if passed else FAILED
    return results


def health_response(request: HttpRequest) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        response = HttpResponseNotAllowed(["GET", "HEAD"])
    else:
        results = health()
        healthy = all(result == OK for result in results.values())
        response = JsonResponse(results, status=200 if healthy else 503)
        if request.method == "HEAD":
            response.content = b""
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers the health path itself; every other request passes untouched."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = clinic_pages_settings.HEALTH_CHECK_PATH
        if path and request.path_info == path:
            return health_response(request)
        return self.get_response(request)
