"""Log lines are JSON, each with its request's id and host, and never what a patient typed."""

from __future__ import annotations

import io
import json
import logging

import pytest
from django.http import HttpRequest, HttpResponse
from django.urls import path

from clinic_pages.core.logging import JsonFormatter, RequestContextFilter
from clinic_site import urls as project_urls

logger = logging.getLogger("tests.json_logs")
LOGGERS = ("tests.json_logs", "django.request", "django.security")
PROXY_ID = "7f3c9a0e4b1d4e2a9c8b6d5e4f3a2b1c"


def visit(request: HttpRequest) -> HttpResponse:
    logger.info("Visited %s", request.path)
    return HttpResponse("ok")


def fail(request: HttpRequest) -> HttpResponse:
    try:
        raise ValueError("the slot was taken")
    except ValueError:
        logger.exception("Booking failed")
    return HttpResponse("sorry", status=409)


# The project's own URLs too: the admin's middleware looks up where the admin is.
# The project's own patterns after these (its i18n_patterns cannot sit inside an include()).
urlpatterns = [path("visit/", visit), path("fail/", fail), *project_urls.urlpatterns]
pytestmark = [pytest.mark.urls(__name__), pytest.mark.django_db]


@pytest.fixture
def lines():
    """The JSON lines logged while the test runs, parsed, as production's handler writes them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestContextFilter())
    handler.setFormatter(JsonFormatter())
    attached = [logging.getLogger(name) for name in LOGGERS]
    levels = [each.level for each in attached]
    for each in attached:
        each.addHandler(handler)
        each.setLevel(logging.INFO)
    parsed: list[dict] = []

    def read() -> list[dict]:
        parsed[:] = [json.loads(line) for line in stream.getvalue().splitlines()]
        return parsed

    yield read
    for each, level in zip(attached, levels, strict=True):
        each.removeHandler(handler)
        each.setLevel(level)


def test_a_line_logged_in_a_request_carries_its_id_and_host(client, lines):
    response = client.get("/visit/", HTTP_HOST="alpha.example", HTTP_X_REQUEST_ID=PROXY_ID)
    assert response["X-Request-ID"] == PROXY_ID
    [line] = lines()
    assert line["message"] == "Visited /visit/"
    assert line["request_id"] == PROXY_ID
    assert line["host"] == "alpha.example"
    assert line["level"] == "INFO"
    assert line["logger"] == "tests.json_logs"
    assert line["time"].endswith("+00:00")


def test_each_request_gets_its_own_id_when_none_comes_in(client, lines):
    first = client.get("/visit/", HTTP_HOST="alpha.example")["X-Request-ID"]
    second = client.get("/visit/", HTTP_HOST="beta.example")["X-Request-ID"]
    assert first != second
    assert len(first) == 32
    assert [(line["request_id"], line["host"]) for line in lines()] == [
        (first, "alpha.example"),
        (second, "beta.example"),
    ]


@pytest.mark.parametrize(
    "hostile",
    [
        "abc\r\nSet-Cookie: session=stolen",
        '"}, {"level": "CRITICAL',
        "<script>alert(1)</script>",
        "a" * 129,
        "short",
        "../../etc/passwd",
    ],
)
def test_a_hostile_request_id_is_replaced(client, lines, hostile):
    response = client.get("/visit/", HTTP_HOST="alpha.example", HTTP_X_REQUEST_ID=hostile)
    replaced = response["X-Request-ID"]
    assert replaced != hostile
    assert len(replaced) == 32 and replaced.isalnum()
    [line] = lines()
    assert line["request_id"] == replaced


def test_an_exception_is_in_the_same_line(client, lines):
    client.get("/fail/", HTTP_HOST="alpha.example", HTTP_X_REQUEST_ID=PROXY_ID)
    booking, refused = lines()
    assert booking["level"] == "ERROR"
    assert booking["message"] == "Booking failed"
    assert "ValueError: the slot was taken" in booking["exc"]
    # Django's own line for the 409 comes after the middleware has returned, and has both too.
    assert refused["logger"] == "django.request"
    assert (refused["request_id"], refused["host"], refused["status"]) == (
        PROXY_ID,
        "alpha.example",
        409,
    )


def test_no_query_string_or_posted_value_reaches_the_log(client, lines):
    client.get("/nowhere/?q=migraine+with+aura", HTTP_HOST="alpha.example")
    client.post("/fail/?email=pat@example.com", {"phone": "555-0100"}, HTTP_HOST="alpha.example")
    logged = json.dumps(lines())
    assert "Not Found: /nowhere/" in logged
    for typed in ("migraine", "pat@example.com", "555-0100"):
        assert typed not in logged


def test_a_refused_host_is_logged_harmlessly_with_the_id(client, lines, settings):
    settings.ALLOWED_HOSTS = ["alpha.example"]
    response = client.get("/visit/", HTTP_HOST="evil.example\x1b[31m")
    assert response.status_code == 400
    assert len(response["X-Request-ID"]) == 32
    [line] = [line for line in lines() if line["logger"] == "django.security.DisallowedHost"]
    assert line["request_id"] == response["X-Request-ID"]
    assert line["host"] == "evil.example?[31m"


def test_a_line_outside_any_request_has_no_id(client, lines):
    client.get("/visit/", HTTP_HOST="alpha.example")
    logger.warning("Nightly purge done")
    assert (lines()[-1]["request_id"], lines()[-1]["host"]) == (None, None)
