"""Every page type of the five demo clinics is valid HTML: the W3C Nu checker finds no error.

The checker is the ``vnu-jar`` npm package (``tools/vnu``, installed by ``make vnu``), run
locally on Java: no page is sent anywhere. Pages are rendered from the demo the browser pass
has already loaded, written to a temporary folder and checked in one run of the checker. Where
the jar or Java is missing the test skips with the reason, unless ``CLINIC_PAGES_REQUIRE_BROWSER=1``
(CI), where that is a failure: a broken checker setup can never pass silently.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from tests.browser.conftest import CLINIC_SLUGS
from tests.browser.helpers import MISSING_PATH, SEARCH_PATH

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
VNU_JAR = Path(
    os.environ.get(
        "CLINIC_PAGES_VNU_JAR", REPO / "tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
    )
)


def _checker_missing() -> str | None:
    if not VNU_JAR.exists():
        return f"the Nu HTML checker is not installed at {VNU_JAR} (run: make vnu)"
    if shutil.which("java") is None:
        return "Java is not installed (the Nu HTML checker runs on Java 11 or newer)"
    return None


@pytest.fixture(scope="module")
def checker() -> Path:
    reason = _checker_missing()
    if reason is not None:
        if os.environ.get("CLINIC_PAGES_REQUIRE_BROWSER") == "1":
            pytest.fail(f"HTML validation is required here but cannot run: {reason}")
        pytest.skip(reason)
    return VNU_JAR


def _get(client: Client, host: str, path: str, expect: int = 200) -> str:
    response = client.get(path, HTTP_HOST=host, follow=False)
    assert response.status_code == expect, f"{host}{path} answered {response.status_code}"
    return response.content.decode()


def _booking_pages(client: Client, host: str, appointment_path: str, site) -> dict[str, str]:
    """The booking form with errors, a confirmation and a cancel page, as a patient sees them."""
    from clinic_pages.appointments.models import AppointmentPage, AppointmentRequest
    from clinic_pages.appointments.models.pages import SESSION_KEY

    form = "application/x-www-form-urlencoded"  # as a browser sends it; nothing filled in
    pages = {
        "booking form with errors": client.post(
            appointment_path, "name=", content_type=form, HTTP_HOST=host
        )
    }
    page = AppointmentPage.objects.live().descendant_of(site.root_page).get()
    booking = AppointmentRequest.objects.create(
        site=site,
        submission_token=uuid.uuid4(),
        name="Validator Visitor",
        phone="(312) 555-0177",
        contact_method=AppointmentRequest.ContactMethod.PHONE,
        patient_status=AppointmentRequest.PatientStatus.NEW,
        consented_at=timezone.now(),
    )
    session = client.session
    session[SESSION_KEY] = [booking.reference]
    session.save()
    confirmation = urlsplit(page.confirmation_url(booking.reference)).path
    pages["confirmation"] = client.get(confirmation, HTTP_HOST=host)
    pages["cancel"] = client.get(urlsplit(page.cancel_url(booking)).path, HTTP_HOST=host)
    booking.delete()  # the other browser tests count the clinic's requests
    for name, response in pages.items():
        status = response.status_code
        assert status in (200, 400), f"{host}: the {name} page answered {status}"
    return {name: response.content.decode() for name, response in pages.items()}


def _links_under(html: str, host: str, prefix: str) -> list[str]:
    """Paths of the links in ``html`` that lead below ``prefix`` on the same host, in order."""
    found = []
    for link in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        url = urlsplit(link["href"])
        if url.netloc in ("", host) and url.path.startswith(prefix) and url.path != prefix:
            found.append(url.path)
    return found


def _spanish_pages(client: Client, host: str) -> dict[str, str]:
    """The Spanish home page, each section it links to and one page in each section."""
    response = client.get("/es/", HTTP_HOST=host)
    if response.status_code != 200:
        return {}
    pages = {"/es/": response.content.decode()}
    queue = _links_under(pages["/es/"], host, "/es/")
    shapes: set[tuple[str, int]] = set()
    while queue and len(pages) < 16:
        path = queue.pop(0)
        parts = [part for part in path.split("/") if part]
        if (parts[1], len(parts)) in shapes:
            continue
        shapes.add((parts[1], len(parts)))
        spanish = client.get(path, HTTP_HOST=host)
        if spanish.status_code == 200 and "text/html" in spanish["Content-Type"]:
            pages[path] = spanish.content.decode()
            queue += _links_under(pages[path], host, path)
    return pages


def _unpublished_pages(site) -> dict[str, str]:
    """Notices (drafts until the clinic completes them) and stories pages, as their preview."""
    from clinic_pages.home.models import NoticePage
    from clinic_pages.stories.models import PatientStoriesPage

    pages = {}
    for model in (NoticePage, PatientStoriesPage):
        for page in model.objects.descendant_of(site.root_page).not_live():
            response = page.get_latest_revision_as_object().make_preview_request()
            if hasattr(response, "render"):
                response.render()
            assert response.status_code == 200, f"the preview of {page.url_path} failed"
            pages[f"preview {model.__name__} {page.slug}"] = response.content.decode()
    return pages


def _render_every_page_type(folder: Path, demo_facts, settings, django_db_blocker) -> int:
    from wagtail.models import Site

    settings.CLINIC_PAGES_APPOINTMENT_MIN_FILL_SECONDS = 0
    settings.CLINIC_PAGES_APPOINTMENT_RATE_LIMIT = 10_000
    count = 0
    with django_db_blocker.unblock():
        for slug in CLINIC_SLUGS:
            facts, host = demo_facts[slug], f"{slug}.localhost"
            site = Site.objects.get(hostname=host)
            client = Client()
            pages: dict[str, str] = {}
            # One page of each type the clinic publishes (home, indexes, treatment, condition,
            # physician, FAQ, article, booking, stories, notices, offices...), then the rest.
            for kind, path in facts.representatives().items():
                if path in (SEARCH_PATH, MISSING_PATH) or kind == "booking form with errors":
                    continue
                pages[f"{kind} {path}"] = _get(client, host, path)
                if kind == "OfficeIndexPage":  # each office's own page is a route below it
                    for office in _links_under(pages[f"{kind} {path}"], host, path)[:1]:
                        pages[f"office {office}"] = _get(client, host, office)
            pages["search"] = _get(client, host, SEARCH_PATH)
            pages["404"] = _get(client, host, MISSING_PATH, expect=404)
            pages.update(_booking_pages(client, host, facts.appointment.path, site))
            pages.update({f"spanish {p}": html for p, html in _spanish_pages(client, host).items()})
            pages.update(_unpublished_pages(site))
            for name, html in pages.items():
                safe = re.sub(r"[^\w.-]+", "_", name).strip("_")
                (folder / f"{slug}--{safe}.html").write_text(html, encoding="utf-8")
                count += 1
    return count


def _errors(checker: Path, folder: Path) -> dict[str, list[str]]:
    result = subprocess.run(
        ["java", "-jar", str(checker), "--errors-only", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    found: dict[str, list[str]] = {}
    for message in report["messages"]:
        name = Path(urlsplit(message.get("url", "")).path).name
        line = message.get("lastLine", "?")
        found.setdefault(name, []).append(f"line {line}: {message['message']}")
    assert result.returncode in (0, 1), result.stderr[-2000:]
    return found


def test_every_page_type_of_every_demo_clinic_is_valid_html(
    checker, live_server, demo_facts, settings, django_db_blocker, tmp_path
):
    """``live_server`` keeps the browser pass's in-memory database (and its demo) open."""
    rendered = _render_every_page_type(tmp_path, demo_facts, settings, django_db_blocker)
    assert rendered >= len(CLINIC_SLUGS) * 14, "every page type, booking pages and errors"
    errors = _errors(checker, tmp_path)
    summary = "\n".join(
        f"{name}:\n  " + "\n  ".join(messages[:8]) for name, messages in sorted(errors.items())
    )
    assert not errors, f"The Nu HTML checker found errors in {len(errors)} pages:\n{summary}"


def test_the_checker_reports_an_error_it_is_shown(checker, tmp_path):
    """The run above can fail: an invalid page is reported, with its file and line."""
    (tmp_path / "broken.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
        "<body>\n<p>one</p></p></body></html>"
    )
    (tmp_path / "fine.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p>one</p></body></html>'
    )
    errors = _errors(checker, tmp_path)
    assert list(errors) == ["broken.html"]
    assert "line 2" in errors["broken.html"][0]
