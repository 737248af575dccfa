"""Queries and render time per page type, at the demo's content size and at a large one.

Run with `make bench`. It builds a throwaway SQLite database (or uses DATABASE_URL), loads the
five demo clinics, renders one page of every type through Django's test client, then grows the
content (FAQs, physicians, citations, conditions, articles; `bench.growth`) and the number of
clinics to 200, and renders again.

Per page type it prints:
- queries with every cache cleared (a warm process: the first visitor after a deploy or a flush);
- queries on the next render, with the cache as that one left it;
- the median milliseconds of RUNS renders with the cache warm but the page cache off (every render
  builds the page from the rows the cache keeps: the render time), of RUNS renders with nothing
  cached at all (CLINIC_PAGES_RENDER_CACHE off too: every render reads the database, as the
  bakery demo does, which issue 14 compares), of RUNS renders each after clearing every cache
  (the first visitor after a flush), and of RUNS answers from the page cache.

Query counts must not grow with the content; the exit status says whether they did.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings.test")
os.environ.setdefault("CLINIC_PAGES_MEDIA_ROOT", tempfile.mkdtemp(prefix="clinic-bench-media-"))
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = (
        f"sqlite:///{tempfile.mkdtemp(prefix='clinic-bench-')}/bench.sqlite3"
    )

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from bench.targets import page_targets  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "15"))
SLUG = os.environ.get("BENCH_CLINIC", "revitalize")
# A production cache (Redis) holds far more than the test settings' 300 local entries, which the
# large size's renditions would overflow, dropping the content generations with them.
ROOMY_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}


@dataclass(frozen=True)
class Measure:
    status: int
    uncached_queries: int
    cached_queries: int
    warm_ms: float
    no_cache_ms: float
    cleared_ms: float
    page_cache_ms: float


# The page cache (clinic_pages.core.page_cache) off, so that every render builds the page.
NO_PAGE_CACHE = {"CLINIC_PAGES_PAGE_CACHE_TIMEOUT": 0}


def _count(client: Client, host: str, path: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=host)
    # Counted now: every request start clears the connection's query log.
    return len(queries.captured_queries), response.status_code


def _median_ms(client: Client, host: str, path: str, clear: bool) -> float:
    timings = []
    for _ in range(RUNS):
        if clear:
            cache.clear()
        start = time.perf_counter()
        client.get(path, HTTP_HOST=host)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def measure(client: Client, host: str, path: str) -> Measure:
    client.get(path, HTTP_HOST=host)  # a warm process: templates, content types, renditions made
    cache.clear()
    uncached, status = _count(client, host, path)
    cached, _ = _count(client, host, path)
    page_cache_ms = _median_ms(client, host, path, clear=False)
    with override_settings(**NO_PAGE_CACHE):
        warm_ms = _median_ms(client, host, path, clear=False)
        cleared_ms = _median_ms(client, host, path, clear=True)
        with override_settings(CLINIC_PAGES_RENDER_CACHE=False):
            no_cache_ms = _median_ms(client, host, path, clear=False)
    return Measure(
        status=status,
        uncached_queries=uncached,
        cached_queries=cached,
        warm_ms=warm_ms,
        no_cache_ms=no_cache_ms,
        cleared_ms=cleared_ms,
        page_cache_ms=page_cache_ms,
    )


def report(label: str, rows: dict[str, Measure]) -> None:
    print(f"\n{label}")
    print(
        f"  {'page type':<17} {'status':>6} {'queries':>8} {'cached':>7}"
        f" {'median ms':>10} {'no cache ms':>12} {'cleared ms':>11} {'page cache ms':>14}"
    )
    for page_type, m in rows.items():
        print(
            f"  {page_type:<17} {m.status:>6} {m.uncached_queries:>8} {m.cached_queries:>7}"
            f" {m.warm_ms:>10.1f} {m.no_cache_ms:>12.1f} {m.cleared_ms:>11.1f}"
            f" {m.page_cache_ms:>14.1f}"
        )


def run_step(*args: str) -> None:
    """Data set-up runs in child processes, so this one measures a server's steady state."""
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    run_step("manage.py", "migrate", "--noinput", "-v0")
    run_step("manage.py", "load_demo_clinics", "-v0")
    host = f"{SLUG}.localhost"
    client = Client()

    small = {name: measure(client, host, path) for name, path in page_targets(SLUG).items()}
    report(f"Demo size ({SLUG}, {RUNS} renders per median)", small)

    run_step("-m", "bench.growth", SLUG)
    from bench.growth import describe_growth

    large = {name: measure(client, host, path) for name, path in page_targets(SLUG).items()}
    report(f"Large size ({SLUG}: {describe_growth()})", large)

    grew = [
        name
        for name in small
        if name in large
        and (
            large[name].uncached_queries > small[name].uncached_queries
            or large[name].cached_queries > small[name].cached_queries
        )
    ]
    print()
    if grew:
        print("Query count GREW with content size for: " + ", ".join(grew))
        return 1
    print("Query counts are constant as content grows.")
    return 0


if __name__ == "__main__":
    with override_settings(CACHES=ROOMY_CACHE):
        sys.exit(main())
