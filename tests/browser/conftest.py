"""Browser tests: Playwright drives Debian's Chromium against a live server with the demo clinics.

They skip with a clear reason where Chromium is missing; CI sets CLINIC_PAGES_REQUIRE_BROWSER=1,
which turns that skip into a failure so a broken browser setup can never pass silently.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = Path(os.environ.get("CLINIC_PAGES_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Resolve the clinics' *.localhost hosts to loopback and nothing else: tests touch only us.
    "--host-resolver-rules=MAP *.localhost 127.0.0.1, MAP * ~NOTFOUND, "
    "EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
CLINIC_SLUGS = [
    "urban-spine",
    "bayer-foundation",
    "revitalize",
    "florida-medical",
    "ms-pain-migraine",
]


def chromium_missing_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM} (install it with: apt-get install -y chromium)"
    return None


# Fixtures of pytest-playwright that start Chromium. Tests of the browser session without them
# (the demo loader's, on its demo load) run wherever the session runs.
CHROMIUM_FIXTURES = {"browser", "browser_type", "context", "new_context", "page"}


def pytest_collection_modifyitems(config, items):
    reason = chromium_missing_reason()
    needing = [item for item in items if CHROMIUM_FIXTURES & set(item.fixturenames)]
    if reason is None or not needing:
        return
    if os.environ.get("CLINIC_PAGES_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"Browser tests are required here but cannot run: {reason}")
    for item in needing:
        item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session", autouse=True)
def _orm_beside_playwright():
    """Playwright's sync API runs an event loop in this thread; the tests still touch the ORM.

    Set for browser tests only, before any other session fixture, and not at import: conftest
    imports happen in every run, and the variable would leak into subprocesses of other tests
    (`check --deploy` in tests/test_production_settings.py reports it as async.E001).
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture(scope="session")
def demo_clinics(django_db_setup, django_db_blocker):
    """The five demo clinics, loaded once for the whole browser session."""
    with django_db_blocker.unblock():
        call_command("load_demo_clinics", verbosity=0)


@pytest.fixture
def clinic_url(live_server, demo_clinics):
    """Build a URL on one clinic's host, served by the live server."""
    port = live_server.url.rsplit(":", 1)[1]

    def build(slug: str, path: str = "/") -> str:
        return f"http://{slug}.localhost:{port}{path}"

    return build


@pytest.fixture(scope="session")
def demo_facts(demo_clinics, django_db_blocker):
    """Titles, paths and page types of the five demo clinics, read once from the database."""
    from tests.browser.helpers import load_clinic_facts

    with django_db_blocker.unblock():
        return load_clinic_facts(CLINIC_SLUGS)


@pytest.fixture
def booking_errors_shown(settings):
    """Let an instant, empty form submission reach validation and show the error summary.

    Without this the spam guard treats a submit within seconds as a bot, and the per-address
    rate limit would answer 429 once several tests have posted from 127.0.0.1.
    """
    settings.CLINIC_PAGES_APPOINTMENT_MIN_FILL_SECONDS = 0
    settings.CLINIC_PAGES_APPOINTMENT_RATE_LIMIT = 10_000


@pytest.fixture(autouse=True)
def _live_server_helper(request):
    """Overrides pytest-django's helper, which makes every live_server test transactional.

    A transactional test flushes the database when it ends, so the demo clinics loaded once for
    the session would be gone from the second browser test on. Browser tests instead keep the
    demo and reach the database (and the live server thread, which shares the in-memory SQLite
    connection) through the unblocked DB blocker.
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    blocker = request.getfixturevalue("django_db_blocker")
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    try:
        with blocker.unblock():
            yield
    finally:
        live_server._live_server_modified_settings.disable()
