"""Throughput of one treatment page, four ways, in one run on this machine (`make bench`).

(a) gunicorn (2 workers, production settings) rendering it every time from the database:
    PAGE_CACHE_TIMEOUT=0, RENDER_CACHE=off;
(a') the same with the render data cached (RENDER_CACHE on, the default): the page built anew
    from the rows the cache keeps, as for a visitor whose page the page cache does not hold;
(b) the same gunicorn answering from the app's page cache (Redis);
(c) through the shipped nginx proxy (deploy/nginx), which stores the page;
(d) that nginx serving the very same bytes as a static file (gzip_static), the ceiling.

The stack is the smoke job's (deploy/loopback.py): PostgreSQL database clinic_pages_bench and
Redis db 3, both recreated, the demo clinics loaded. Load comes from wrk on loopback, every
request as the load balancer would forward it (Host, X-Forwarded-Proto: https) and accepting
gzip, as browsers do. wrk shares the machine's cores with the servers, as in any one-box run.

Environment: BENCH_SECONDS (10 per measurement), BENCH_CONNECTIONS (8), BENCH_REUSE=1 to keep
the database of the previous run, BENCH_STATE (var/bench; BENCH_STATE=var/smoke BENCH_REUSE=1
measures on what the last smoke job loaded).
Targets (issue 14): page cache >= 20x uncached; through the proxy >= 50% of static nginx.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))

from loopback import CLIENT_HEADERS, DEMO_HOST, LoopbackStack  # noqa: E402

STATE = Path(os.environ.get("BENCH_STATE") or ROOT / "var" / "bench")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
HEADERS = {"Host": DEMO_HOST, "Accept-Encoding": "gzip", **CLIENT_HEADERS}
PAGE_CACHE_TARGET = 20.0
PROXY_TARGET = 0.5


@dataclass
class Result:
    name: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: str


def wrk(port: int, path: str, seconds: int) -> str:
    command = ["wrk", "-t", "2", "-c", str(CONNECTIONS), "-d", f"{seconds}s", "--latency"]
    command += ["--timeout", "10s"]  # a slow uncached render is measured, not dropped
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def measure(name: str, port: int, path: str) -> Result:
    """A short warm-up, then the measured run."""
    wrk(port, path, 2)
    output = wrk(port, path, SECONDS)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1))
    p99 = milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.+)", output)
    problems = ", ".join(
        text for text in (bad and f"{bad.group(1)} non-2xx", errors and errors.group(1)) if text
    )
    return Result(name, rate, p50, p99, problems)


def fetch(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=HEADERS)
        response = connection.getresponse()
        return response.status, dict(response.headers), response.read()
    finally:
        connection.close()


def treatment_path(stack: LoopbackStack) -> str:
    stack.setup_django()
    from bench.targets import page_targets

    return page_targets(DEMO_HOST.split(".")[0])["treatment"]


def expect_header(port: int, path: str, name: str, value: str, *, equal: bool = True) -> None:
    """Fetch twice; the second answer's ``name`` header must (or must not) be ``value``: the
    cache being measured answers (or, uncached, does not)."""
    fetch(port, path)
    status, headers, _body = fetch(port, path)
    if status != 200 or (headers.get(name) == value) != equal:
        raise SystemExit(f"GET {path} on port {port}: {status}, {name}={headers.get(name)!r}")


def save_as_static_file(stack: LoopbackStack, port: int, path: str) -> str:
    """The page's HTML and its gzip, as the proxy sends them, under STATIC_ROOT/bench/."""
    status, headers, body = fetch(port, path)
    if status != 200:
        raise SystemExit(f"GET {path} through the proxy: {status}")
    html = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    folder = stack.state / "static" / "bench"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "treatment.html").write_bytes(html)
    (folder / "treatment.html.gz").write_bytes(gzip.compress(html) if body is html else body)
    return "/static/bench/treatment.html"


def report(results: list[Result], path: str, html_bytes: int) -> int:
    print(f"\nThroughput: {path} on {DEMO_HOST}, {html_bytes} bytes of HTML (gzipped on the wire)")
    print(f"wrk: 2 threads, {CONNECTIONS} connections, {SECONDS} s each; gunicorn: 2 workers")
    cores, load = os.cpu_count(), os.getloadavg()[0]
    print(f"{cores} CPU cores; load average {load:.1f} at the end (other work skews every row)")
    print(f"{'':44} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    for result in results:
        note = f"  ({result.errors})" if result.errors else ""
        print(
            f"{result.name:44} {result.requests_per_second:9.0f} "
            f"{result.p50_ms:8.2f} {result.p99_ms:8.2f}{note}"
        )
    uncached, _render_cached, page_cache, proxy, static = (r.requests_per_second for r in results)
    cache_ratio, proxy_ratio = page_cache / uncached, proxy / static
    print(f"\npage cache / uncached: {cache_ratio:.1f}x (target >= {PAGE_CACHE_TARGET:.0f}x)")
    print(f"proxy / static nginx: {proxy_ratio:.0%} (target >= {PROXY_TARGET:.0%})")
    met = cache_ratio >= PAGE_CACHE_TARGET and proxy_ratio >= PROXY_TARGET
    print("targets met" if met else "targets NOT met")
    return 0 if met and not any(r.errors for r in results) else 1


def main() -> int:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk).")
    stack = LoopbackStack(STATE)
    stack.down()
    if not (os.environ.get("BENCH_REUSE") and stack.config):
        print(f"Preparing {STATE}: PostgreSQL clinic_pages_bench, Redis db 3, the demo ...")
        stack.prepare("clinic_pages_bench", 3)
    path = treatment_path(stack)
    web, proxy = stack.config["web_port"], stack.config["proxy_port"]
    results = []
    try:
        # No access log: production leaves it off too (nginx writes one line per request).
        # Nothing cached: every request reads everything from the database and renders.
        uncached = {"PAGE_CACHE_TIMEOUT": "0", "RENDER_CACHE": "off"}
        stack.start_web(extra={**uncached, "GUNICORN_ACCESS_LOG": ""})
        expect_header(web, path, "X-Clinic-Pages-Cache", "hit", equal=False)
        results.append(measure("(a) gunicorn, uncached", web, path))
        stack.stop("web")

        stack.start_web(extra={"PAGE_CACHE_TIMEOUT": "0", "GUNICORN_ACCESS_LOG": ""})
        results.append(measure("(a') gunicorn, page cache off, render data cached", web, path))
        stack.stop("web")

        stack.start_web(extra={"GUNICORN_ACCESS_LOG": ""})
        expect_header(web, path, "X-Clinic-Pages-Cache", "hit")
        results.append(measure("(b) gunicorn, app page cache", web, path))

        stack.start_proxy()
        expect_header(proxy, path, "X-Cache-Status", "HIT")
        results.append(measure("(c) through the shipped nginx proxy", proxy, path))

        static = save_as_static_file(stack, proxy, path)
        results.append(measure("(d) nginx, the same HTML as a static file", proxy, static))
        html_bytes = (stack.state / "static" / "bench" / "treatment.html").stat().st_size
    finally:
        stack.down()
    return report(results, path, html_bytes)


if __name__ == "__main__":
    raise SystemExit(main())
