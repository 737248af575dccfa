"""Queries and render time per page type, at the demo's content size and at a large one.

Run with `make bench`. It builds a throwaway SQLite database (or uses DATABASE_URL), loads the
five demo clinics, renders one page of every type through Django's test client, then grows the
content (FAQs, physicians, citations, conditions, articles) and renders again. Query counts
must stay the same between the two sizes; render times are medians of several runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
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

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.targets import page_targets  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
SLUG = os.environ.get("BENCH_CLINIC", "revitalize")


def measure(client: Client, host: str, path: str) -> tuple[int, float, int]:
    """Queries of one warm render, median milliseconds over RUNS renders, and the status."""
    client.get(path, HTTP_HOST=host)  # warm caches (site root paths, settings, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=host)
    # Counted now: every request start clears the connection's query log.
    query_count = len(queries)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get(path, HTTP_HOST=host)
        timings.append((time.perf_counter() - start) * 1000)
    return query_count, statistics.median(timings), response.status_code


def report(label: str, rows: dict[str, tuple[int, float, int]]) -> None:
    print(f"\n{label}")
    print(f"  {'page type':<22} {'status':>6} {'queries':>8} {'median ms':>10}")
    for page_type, (queries, ms, status) in rows.items():
        print(f"  {page_type:<22} {status:>6} {queries:>8} {ms:>10.1f}")


def run_step(*args: str) -> None:
    """Data set-up runs in child processes, so this one measures a server's steady state."""
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    run_step("manage.py", "migrate", "--noinput", "-v0")
    run_step("manage.py", "load_demo_clinics", "-v0")
    host = f"{SLUG}.localhost"
    client = Client()

    targets = page_targets(SLUG)
    small = {name: measure(client, host, path) for name, path in targets.items()}
    report(f"Demo size ({SLUG})", small)

    run_step("-m", "bench.growth", SLUG)
    from bench.growth import describe_growth

    sizes = describe_growth()
    large = {name: measure(client, host, path) for name, path in page_targets(SLUG).items()}
    report(f"Large size ({SLUG}: {sizes})", large)

    grew = [name for name in small if large[name][0] > small[name][0]]
    print()
    if grew:
        print("Query count GREW with content size for: " + ", ".join(grew))
        return 1
    print("Query counts are constant as content grows.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
