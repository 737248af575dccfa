"""The server-error page renders styled under the site's Content-Security-Policy: its styles come
from a same-origin stylesheet, and nothing inline is left for the policy to block."""

from __future__ import annotations

import re
from pathlib import Path
from unittest import mock

from django.contrib.staticfiles import finders
from django.test import Client
from wagtail.coreutils import get_dummy_request

from clinic_pages.home.models import HomePage
from tests.isolation.responses import body
from tests.security.test_content_security_policy import _directives


def _server_error(w):
    client = Client(HTTP_HOST=w.a.site.hostname, raise_request_exception=False)
    url = w.a.home.get_url(request=get_dummy_request(site=w.a.site))
    with mock.patch.object(HomePage, "serve", side_effect=RuntimeError("boom")):
        return client.get(url)


def test_the_500_page_has_nothing_inline_that_the_policy_blocks(w, settings):
    response = _server_error(w)
    assert response.status_code == 500
    html = body(response)
    assert "Sorry, something went wrong on our side" in html
    policy = _directives(response)
    style_src = policy.get("style-src", policy["default-src"])
    script_src = policy.get("script-src", policy["default-src"])
    assert "'unsafe-inline'" not in style_src + script_src

    # Inline <style> would need this response's nonce, which Django's handler never gives it.
    for attributes in re.findall(r"<style([^>]*)>", html):
        nonce = re.search(r'nonce="([^"]+)"', attributes)
        assert nonce and f"'nonce-{nonce.group(1)}'" in style_src, "an inline <style> without nonce"
    assert not re.search(r"\sstyle=", html), "a style attribute"
    assert not re.search(r"<script(?![^>]*\ssrc=)", html), "an inline script"
    assert not re.search(r"\son[a-z]+=", html), "an inline event handler"

    # Its styling is a same-origin stylesheet ('self') that collectstatic ships.
    [href] = re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)
    assert "'self'" in style_src
    assert href.startswith(settings.STATIC_URL) and "//" not in href
    stylesheet = finders.find(href.removeprefix(settings.STATIC_URL))
    assert stylesheet and "main {" in Path(stylesheet).read_text(encoding="utf-8")
