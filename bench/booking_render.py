"""Queries and median render time of the booking page: the form, the form sent back with
errors, and the confirmation after a request is sent.

Run on its own with `.venv/bin/python bench/booking_render.py` (it builds the demo database as
`make bench` does), or call ``measure_booking(client, host)`` from another bench once its data is
loaded and print the result with ``report_booking``.

Each figure is taken in a warm process (templates compiled, one render already served):
- queries with every cache cleared, the booking page's budget;
- the median milliseconds of RUNS renders with the cache as the previous render left it, and of
  RUNS renders each after clearing it.

The booking page is never cached whole (it carries a CSRF token and what a patient typed), so
every visitor pays the render.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

RUNS = int(os.environ.get("BENCH_BOOKING_RUNS", "50"))
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
# The bench sends the form at machine speed and many times from one address: the spam checks
# that would stop that (minimum fill time, attempt and request limits) are not what it measures.
BENCH_LIMITS = {
    "CLINIC_PAGES_APPOINTMENT_MIN_FILL_SECONDS": 0,
    "CLINIC_PAGES_APPOINTMENT_ATTEMPT_LIMIT": 1_000_000,
    "CLINIC_PAGES_APPOINTMENT_RATE_LIMIT": 1_000_000,
    "CLINIC_PAGES_APPOINTMENT_CONTACT_LIMIT_PER_DAY": 1_000_000,
}
TOKEN = re.compile(r'name="form_token" value="([^"]+)"')
TOPIC = re.compile(r'<option value="((?:treatment|reason)-\d+)"')
OPTION = re.compile(r'<option value="(\d+)"')


@dataclass(frozen=True)
class BookingMeasure:
    status: int
    queries: int
    warm_ms: float
    cleared_ms: float


def _queries(send: Callable[[], HttpResponse]) -> tuple[int, int]:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = send()
    return len(queries.captured_queries), response.status_code


def _median_ms(send: Callable[[], HttpResponse], runs: int, clear: bool) -> float:
    timings = []
    for _ in range(runs):
        if clear:
            cache.clear()
        start = time.perf_counter()
        send()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def _measure(send: Callable[[], HttpResponse], runs: int) -> BookingMeasure:
    send()  # a warm process
    queries, status = _queries(send)
    return BookingMeasure(
        status=status,
        queries=queries,
        warm_ms=_median_ms(send, runs, clear=False),
        cleared_ms=_median_ms(send, runs, clear=True),
    )


def booking_path(host: str) -> str:
    """The path of the clinic's booking form on its own host."""
    from wagtail.models import Site

    from clinic_pages.appointments.models import AppointmentPage

    site = Site.objects.get(hostname=host)
    page = AppointmentPage.objects.live().descendant_of(site.root_page).first()
    if page is None:
        raise LookupError(f"{host} has no live appointment page")
    return page.relative_url(site) + page.reverse_subpage("form")


def _valid_answers(html: str, token: str) -> dict[str, str]:
    """What a patient would send: the first topic and, with slots, the first free time."""
    data = {
        "name": "Bench Patient",
        "phone": "(312) 555-0199",
        "email": "bench@example.org",
        "contact_method": "phone",
        "patient_status": "new",
        "consent": "on",
        "website": "",
        "form_token": token,
    }
    topic = TOPIC.search(html)
    if topic:
        data["topic"] = topic.group(1)
    if 'name="slot"' in html:
        data["slot"] = OPTION.search(html.split('name="slot"', 1)[1]).group(1)
    return data


def measure_booking(client: Client, host: str, runs: int = RUNS) -> dict[str, BookingMeasure]:
    """Form GET, error POST and confirmation GET of the clinic at ``host``.

    Sends one valid request, so it takes one of the clinic's free slots.
    """
    path = booking_path(host)

    def post(data: dict[str, str]) -> HttpResponse:
        body = urlencode(data, doseq=True)
        return client.post(path, body, content_type=FORM_CONTENT_TYPE, HTTP_HOST=host)

    def get(url: str) -> Callable[[], HttpResponse]:
        return lambda: client.get(url, HTTP_HOST=host)

    with override_settings(**BENCH_LIMITS):
        results = {"form": _measure(get(path), runs)}
        html = client.get(path, HTTP_HOST=host).content.decode()
        token = TOKEN.search(html).group(1)
        results["form with errors"] = _measure(
            lambda: post({"form_token": token, "name": ""}), runs
        )
        sent = post(_valid_answers(html, token))
        if sent.status_code != 303:
            raise RuntimeError(f"the bench's booking was refused ({sent.status_code})")
        results["confirmation"] = _measure(get(sent["Location"]), runs)
    return results


def report_booking(label: str, rows: dict[str, BookingMeasure]) -> None:
    print(f"\n{label}")
    print(
        f"  {'booking page':<17} {'status':>6} {'queries':>8} {'median ms':>10} {'cleared ms':>11}"
    )
    for name, m in rows.items():
        print(f"  {name:<17} {m.status:>6} {m.queries:>8} {m.warm_ms:>10.1f} {m.cleared_ms:>11.1f}")


def main() -> int:
    # Sets Django up on the bench's throwaway database, as `make bench` does.
    from bench.page_queries import ROOMY_CACHE, SLUG, run_step

    run_step("manage.py", "migrate", "--noinput", "-v0")
    run_step("manage.py", "load_demo_clinics", "-v0")
    host = f"{SLUG}.localhost"
    with override_settings(CACHES=ROOMY_CACHE):
        rows = measure_booking(Client(), host)
    report_booking(f"Booking page ({SLUG}, {RUNS} renders per median)", rows)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
