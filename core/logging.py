"""Structured logs: one JSON object per line, each carrying its request's id and clinic host.

``RequestContextMiddleware`` gives every request an id (the proxy's X-Request-ID when it is
well-formed, else a fresh one), keeps it and the request's host in context variables for the
request's lifetime, and returns the id in the response's X-Request-ID header, so a visitor's
report, the proxy's access log and the app's log lines meet. ``RequestContextFilter`` copies both
onto each log record; ``JsonFormatter`` writes the record as JSON.

No record carries what patients typed: the formatter writes the message and the exception only,
never the request object Django attaches to its own records (its POST data and query string).
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
META_KEY = "HTTP_X_REQUEST_ID"
# A proxy's id (nginx's $request_id is 32 hex digits, a UUID is 36 characters), nothing that
# could break a log line or a header.
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,127}")
MAX_HOST_LENGTH = 255
UNSAFE_HOST_CHARACTERS = re.compile(r"[^A-Za-z0-9.:\[\]-]")

request_id: ContextVar[str | None] = ContextVar("clinic_pages_request_id", default=None)
request_host: ContextVar[str | None] = ContextVar("clinic_pages_request_host", default=None)


def incoming_request_id(request: HttpRequest) -> str:
    """The proxy's id when it is well-formed; a new one for a missing or hostile header."""
    offered = request.META.get(META_KEY, "")
    if WELL_FORMED_ID.fullmatch(offered):
        return offered
    return uuid.uuid4().hex


def logged_host(request: HttpRequest) -> str:
    """The validated host; a refused one (it is worth logging) bounded and made harmless."""
    try:
        return request.get_host()
    except DisallowedHost:
        raw = request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")
        return UNSAFE_HOST_CHARACTERS.sub("?", raw[:MAX_HOST_LENGTH])


class RequestContextMiddleware:
    """Place it near the top of MIDDLEWARE: log lines of what runs before it have no id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        identifier = incoming_request_id(request)
        host = logged_host(request)
        # Also on the request: Django logs a 4xx response after the middleware has returned,
        # with the request attached to the record (RequestContextFilter reads it there).
        request.request_id, request.logged_host = identifier, host
        id_token = request_id.set(identifier)
        host_token = request_host.set(host)
        try:
            response = self.get_response(request)
        finally:
            request_host.reset(host_token)
            request_id.reset(id_token)
        response[HEADER] = identifier
        return response


class RequestContextFilter(logging.Filter):
    """Adds ``request_id`` and ``host`` (None outside a request) to every record it sees."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        record.request_id = request_id.get() or getattr(request, "request_id", None)
        record.host = request_host.get() or getattr(request, "logged_host", None)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, request_id, host, exc."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            "host": getattr(record, "host", None),
        }
        status = getattr(record, "status_code", None)
        if isinstance(status, int):
            entry["status"] = status
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exc"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
