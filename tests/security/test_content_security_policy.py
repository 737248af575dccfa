"""Every response carries a Content-Security-Policy: strict on the public site (no inline script,
the one inline style allowed by its hash), as strict as Wagtail allows in the admin."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse
from wagtail.coreutils import get_dummy_request

from clinic_pages.core.csp import source_hash
from tests.isolation.responses import body

HEADER = "Content-Security-Policy"


def _directives(response) -> dict[str, list[str]]:
    assert HEADER in response, f"no {HEADER} on {response.request['PATH_INFO']}"
    directives = {}
    for part in response[HEADER].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def _public(w, page):
    client = Client(HTTP_HOST=w.a.site.hostname)
    return client.get(page.get_url(request=get_dummy_request(site=w.a.site)))


def _assert_public_policy(response):
    assert response.status_code == 200
    policy = _directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    html = body(response)
    # The only inline scripts are data blocks (JSON-LD), which browsers do not run.
    for attributes in re.findall(r"<script([^>]*)>", html):
        assert "src=" in attributes or 'type="application/ld+json"' in attributes
    assert not re.search(r"\son[a-z]+=", html), "an inline event handler"
    # The brand colours' <style> is allowed by its hash, and nothing else is inline.
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(styles) == 1 and html.count("<style") == 1
    assert source_hash(styles[0]) in policy["style-src"]
    assert "'nonce-" not in response[HEADER]


def test_a_public_page_has_the_strict_policy(w):
    _assert_public_policy(_public(w, w.a.treatment))


def test_the_home_page_has_the_strict_policy(w):
    _assert_public_policy(_public(w, w.a.home))


def test_the_booking_page_has_the_strict_policy(w):
    response = _public(w, w.a.sections["appointments"])
    _assert_public_policy(response)
    assert "<form" in body(response)
    assert _directives(response)["form-action"] == ["'self'"]


def test_the_policy_is_the_same_for_every_visitor_so_the_page_can_be_cached(w):
    first, second = _public(w, w.a.home), _public(w, w.a.home)
    assert _directives(first)["style-src"] == _directives(second)["style-src"]


def test_a_missing_page_has_the_policy_too(w):
    response = Client(HTTP_HOST=w.a.site.hostname).get("/no-such-page/")
    assert response.status_code == 404
    assert _directives(response)["default-src"] == ["'self'"]


def test_the_admin_has_its_own_policy(w, client_for):
    client = client_for(w.a.users["editor"])
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[w.a.treatment.pk]),
        reverse("wagtailadmin_login"),
    ):
        response = client.get(url)
        assert response.status_code in (200, 302)
        policy = _directives(response)
        assert policy["default-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'self'"]
        # Wagtail's chooser widgets and panels need inline scripts and styles, nothing more.
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert not any("'unsafe-eval'" in values for values in policy.values())


def test_the_admin_editor_renders_under_its_policy(w, client_for):
    response = client_for(w.a.users["editor"]).get(
        reverse("wagtailadmin_pages:edit", args=[w.a.treatment.pk])
    )
    assert response.status_code == 200
    html = body(response)
    # Every script the editor loads is from this site.
    for source in re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", html):
        assert source.startswith("/"), source
    assert 'data-controller="w-block"' in html or "data-block" in html
