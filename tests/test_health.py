"""/healthz answers load balancers: database and cache, whatever Host the probe sends."""

from __future__ import annotations

import logging

import pytest
from django.db import OperationalError

from clinic_pages.clinics.hosts import SiteHostnames
from clinic_pages.core import health

DUMMY_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture(autouse=True)
def production_hosts(settings):
    """Host validation as in production: only the admin's host and the Sites' hostnames."""
    settings.ALLOWED_HOSTS = SiteHostnames(["admin.example.com"])


class UnreachableDatabase:
    def cursor(self):
        raise OperationalError("connection to server at 10.0.0.5 failed: Connection refused")


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["10.0.0.7", "10.0.0.7:8000", "app-1.internal", "[::1]"])
def test_a_probe_with_any_host_hears_that_all_is_well(client, host):
    response = client.get("/healthz", HTTP_HOST=host)
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_the_same_host_gets_400_anywhere_else(client):
    assert client.get("/", HTTP_HOST="10.0.0.7").status_code == 400


@pytest.mark.django_db
def test_head_answers_the_status_without_a_body(client):
    response = client.head("/healthz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200
    assert response.content == b""
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "delete", "options"])
def test_other_methods_are_refused(client, method):
    response = getattr(client, method)("/healthz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_the_probe_comes_before_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz", HTTP_HOST="10.0.0.7").status_code == 200


def test_an_unreachable_database_is_a_503_naming_it(client, monkeypatch, caplog):
    monkeypatch.setattr(health, "connection", UnreachableDatabase())
    with caplog.at_level(logging.ERROR, logger="clinic_pages.core.health"):
        response = client.get("/healthz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 503
    assert response.json() == {"database": "error", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"
    # Why it failed goes to the log, not to whoever asked.
    assert b"refused" not in response.content
    [record] = [record for record in caplog.records if record.name == health.logger.name]
    assert "database" in record.getMessage()
    assert "Connection refused" in str(record.exc_info[1])


@pytest.mark.django_db
def test_a_cache_that_keeps_nothing_is_a_503_naming_it(client, settings):
    settings.CACHES = DUMMY_CACHE
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "error"}


@pytest.mark.django_db
def test_the_path_is_a_setting(client, settings):
    settings.CLINIC_PAGES_HEALTH_CHECK_PATH = "/lb-probe"
    assert client.get("/lb-probe", HTTP_HOST="10.0.0.7").status_code == 200
    assert client.get("/healthz", HTTP_HOST="10.0.0.7").status_code == 400


@pytest.mark.django_db
def test_no_path_turns_it_off(client, settings):
    settings.CLINIC_PAGES_HEALTH_CHECK_PATH = None
    assert client.get("/healthz", HTTP_HOST="10.0.0.7").status_code == 400


@pytest.mark.django_db
def test_a_query_string_does_not_change_the_answer(client):
    response = client.get("/healthz?verbose=1", HTTP_HOST="10.0.0.7")
    assert response.json() == {"database": "ok", "cache": "ok"}
