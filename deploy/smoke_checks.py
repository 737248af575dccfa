#!/usr/bin/env python3
"""The production smoke checks, run by .ci/smoke against the stack deploy/loopback.py started.

Everything goes through nginx as a visitor's browser would (behind a load balancer that ended
TLS): health, every page type of one demo clinic, the proxy cache, a booking stored and its
e-mail written by the worker, and a publish that purges the proxy. Each check prints one line;
the first failure stops the run with what was seen.
"""

from __future__ import annotations

import gzip
import html
import http.client
import json
import re
import sys
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from loopback import CLIENT_HEADERS, DEMO_HOST, ROOT, LoopbackStack

PAGE_TYPES = [
    "clinic_pages_home.HomePage",
    "clinic_pages_treatments.TreatmentIndexPage",
    "clinic_pages_treatments.TreatmentPage",
    "clinic_pages_conditions.ConditionIndexPage",
    "clinic_pages_conditions.ConditionPage",
    "clinic_pages_physicians.PhysicianIndexPage",
    "clinic_pages_physicians.PhysicianPage",
    "clinic_pages_faqs.FAQPage",
    "clinic_pages_articles.ArticleIndexPage",
    "clinic_pages_articles.ArticlePage",
    "clinic_pages_appointments.AppointmentPage",
]
ROUTES = ["/search/?q=pain", "/sitemap.xml", "/robots.txt"]
# Production settings read these names; deploy/clinic-pages.env.example must list each one.
ENV_READ = re.compile(
    r"""(?:environ(?:\.get)?\(|environ\[|\benv(?:_bool|_list|_int)?\()\s*["']([A-Z][A-Z0-9_]+)["']"""
)
SETTINGS_FILES = ["site/settings/base.py", "site/settings/production.py"]
# Read by a library rather than by name in the settings: dj_database_url reads DATABASE_URL.
READ_BY_LIBRARIES = {"DATABASE_URL"}


class SmokeFailure(Exception):
    pass


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str

    def header(self, name: str) -> str:
        return self.headers.get(name, "")


def fetch(
    port: int, path: str, method: str = "GET", body: str | None = None, **headers
) -> Response:
    """One request as the load balancer would forward it, the body decompressed if need be."""
    sent = {"Host": DEMO_HOST, "Accept-Encoding": "gzip", **CLIENT_HEADERS}
    sent.update({name.replace("_", "-"): value for name, value in headers.items()})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        raw = response.read()
    finally:
        connection.close()
    if response.headers.get("Content-Encoding") == "gzip":
        raw = gzip.decompress(raw)
    return Response(response.status, response.headers, raw.decode("utf-8", errors="replace"))


def expect(condition: bool, message: str, response: Response | None = None) -> None:
    if not condition:
        if response is not None:
            headers = "".join(f"  {k}: {v}\n" for k, v in response.headers.items())
            message += f"\n  -> {response.status}\n{headers}  {response.body[:600]!r}"
        raise SmokeFailure(message)


class FormReader(HTMLParser):
    """The booking form's fields as a person would fill them: first offer of each choice."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.action = ""
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.action = attrs.get("action") or ""
        elif tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind == "hidden":
                self.fields[name] = attrs.get("value", "")
            elif kind in ("radio", "checkbox") and name not in self.fields:
                self.fields[name] = attrs.get("value", "on")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and attrs.get("value"):
            self.fields.setdefault(self._select, attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


class Smoke:
    def __init__(self, stack: LoopbackStack) -> None:
        self.stack = stack
        self.proxy = stack.config["proxy_port"]
        self.purge = stack.config["purge_port"]
        self.failures: list[str] = []

    def check(self, name: str, run: Callable[[], str | None]) -> None:
        started = time.monotonic()
        try:
            detail = run() or ""
        except (SmokeFailure, OSError) as error:
            self.failures.append(name)
            print(f"FAIL {name} ({time.monotonic() - started:.1f} s)\n  {error}", flush=True)
            return
        print(f"ok   {name} ({time.monotonic() - started:.1f} s) {detail}", flush=True)

    # ------------------------------------------------------------------ checks

    def env_example_lists_every_variable(self) -> str:
        example = (ROOT / "deploy" / "clinic-pages.env.example").read_text()
        listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", example, re.MULTILINE))
        read = {
            name for path in SETTINGS_FILES for name in ENV_READ.findall((ROOT / path).read_text())
        }
        read |= READ_BY_LIBRARIES
        missing = sorted(read - listed)
        expect(not missing, f"deploy/clinic-pages.env.example does not list {', '.join(missing)}")
        return f"{len(read)} variables"

    def health(self) -> str:
        response = fetch(self.proxy, "/healthz")
        expect(response.status == 200, "GET /healthz through the proxy", response)
        return response.body[:80]

    def page_urls(self) -> dict[str, str]:
        from wagtail.models import Site

        site = Site.objects.get(hostname=DEMO_HOST)
        urls: dict[str, str] = {}
        for page in site.root_page.get_descendants(inclusive=True).live().public().specific():
            urls.setdefault(page._meta.label, page.relative_url(site))
        missing = [label for label in PAGE_TYPES if label not in urls]
        expect(not missing, f"{DEMO_HOST} has no live page of type {', '.join(missing)}")
        return {label: urls[label] for label in PAGE_TYPES}

    def every_page_type(self, urls: dict[str, str]) -> str:
        for path in [*urls.values(), *ROUTES]:
            response = fetch(self.proxy, path)
            expect(response.status == 200, f"GET {path} through the proxy", response)
        head = fetch(self.proxy, "/robots.txt", method="HEAD")
        expect(head.status == 200, "HEAD /robots.txt", head)
        return f"{len(urls)} page types and {', '.join(ROUTES)}"

    def request_id_logged(self, path: str) -> str:
        """The request id nginx forwards is the one the app's access log and the visitor see."""
        request_id = f"smoke-{time.time_ns()}"
        response = fetch(self.proxy, path, X_Request_ID=request_id)
        expect(response.header("X-Request-ID") == request_id, "X-Request-ID echoed", response)
        log = self.stack.logs / "web.log"
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            for line in log.read_text(errors="replace").splitlines():
                if request_id in line and line.startswith("{"):
                    entry = json.loads(line)
                    expect(entry.get("request_id") == request_id, f"access log line: {line}")
                    return f"{entry.get('method')} {entry.get('path')} {entry.get('status')}"
            time.sleep(0.2)
        raise SmokeFailure(f"no JSON access line with request id {request_id} in {log}")

    def unknown_host_refused(self) -> str:
        response = fetch(self.proxy, "/", Host="not-a-clinic.example")
        expect(response.status == 400, "GET / for a host no clinic has", response)
        return "400"

    def content_page_cached(self, path: str) -> str:
        first = fetch(self.proxy, path)
        control = first.header("Cache-Control")
        expect("public" in control and "s-maxage" in control, f"{path}: Cache-Control", first)
        expect("cookie" not in first.header("Vary").lower(), f"{path}: Vary: Cookie", first)
        second = fetch(self.proxy, path)
        expect(second.header("X-Cache-Status") == "HIT", f"second GET {path}: a cache HIT", second)
        etag = second.header("ETag")
        expect(bool(etag), f"{path}: an ETag", second)
        revalidated = fetch(self.proxy, path, If_None_Match=etag)
        expect(revalidated.status == 304, f"GET {path} with If-None-Match: 304", revalidated)
        with_session = fetch(self.proxy, path, Cookie="sessionid=someone")
        status = with_session.header("X-Cache-Status")
        expect(
            status == "BYPASS",
            f"GET {path} with a session cookie is not served from the cache",
            with_session,
        )
        public_purge = fetch(self.proxy, path, method="PURGE")
        expect(public_purge.status == 405, "PURGE on the public port: 405", public_purge)
        after = fetch(self.proxy, path)
        expect(
            after.header("X-Cache-Status") == "HIT",
            f"{path} still cached after a PURGE on the public port",
            after,
        )
        return f"{control}; 304 on If-None-Match"

    def booking_page_private(self, path: str) -> str:
        for attempt in (1, 2):
            response = fetch(self.proxy, path)
            control = response.header("Cache-Control")
            expect(response.status == 200, f"GET {path}", response)
            expect(
                "no-store" in control or "private" in control,
                f"{path}: Cache-Control private",
                response,
            )
            expect(
                response.header("X-Cache-Status") != "HIT",
                f"{path} (fetch {attempt}) served from the proxy cache",
                response,
            )
        return control

    def static_precompressed(self, page: str) -> str:
        body = fetch(self.proxy, page).body
        hrefs = re.findall(r'href="(/static/[^"]+\.css)"', body)
        expect(bool(hrefs), f"{page} links no stylesheet under /static/")
        response = fetch(self.proxy, hrefs[0], Accept_Encoding="br")
        expect(response.status == 200, f"GET {hrefs[0]}", response)
        expect(response.header("Content-Encoding") == "br", f"{hrefs[0]} served as .br", response)
        expect("immutable" in response.header("Cache-Control"), f"{hrefs[0]}: immutable", response)
        return hrefs[0]

    # ------------------------------------------------------------------ booking

    def open_booking_form(self, path: str) -> tuple[dict[str, str], str, str, float]:
        response = fetch(self.proxy, path)
        expect(response.status == 200, f"GET {path}", response)
        cookies = [value for key, value in response.headers.items() if key.lower() == "set-cookie"]
        csrf = next((c.split(";")[0] for c in cookies if c.startswith("csrftoken=")), "")
        expect(bool(csrf), f"{path} sets no CSRF cookie", response)
        reader = FormReader()
        reader.feed(response.body)
        expect("form_token" in reader.fields, f"{path} has no booking form", response)
        return reader.fields, reader.action or path, csrf, time.monotonic()

    def book(self, path: str, form: tuple[dict[str, str], str, str, float]) -> str:
        fields, action, csrf, opened = form
        email = f"smoke-{int(time.time())}@example.com"
        fields.update(name="Smoke Test", phone="+1 555 0100", email=email, website="", note="")
        fields.setdefault("consent", "on")
        # The form's time trap: a person takes a few seconds (CLINIC_PAGES_APPOINTMENT_MIN_FILL_SECONDS).
        time.sleep(max(0.0, 3.5 - (time.monotonic() - opened)))
        origin = f"https://{DEMO_HOST}"
        response = fetch(
            self.proxy,
            action,
            method="POST",
            body=urllib.parse.urlencode(fields),
            Content_Type="application/x-www-form-urlencoded",
            Cookie=csrf,
            Origin=origin,
            Referer=origin + path,
        )
        expect(
            response.status in (302, 303),
            f"POST {action}: a redirect to the confirmation",
            response,
        )
        from clinic_pages.appointments.models import AppointmentRequest

        stored = AppointmentRequest.objects.filter(email=email).count()
        expect(stored == 1, f"booking for {email} stored once (found {stored})")
        return email

    def booking_email_sent(self, email: str) -> str:
        from django.conf import settings

        mail = self.stack.state / "mail"
        expect(
            getattr(settings, "EMAIL_FILE_PATH", None) == str(mail),
            "production settings do not read EMAIL_FILE_PATH from the environment, so the "
            "file-based e-mail backend the smoke job selects has no folder to write to",
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            for message in mail.glob("*.log"):
                if email in message.read_text(errors="replace"):
                    return message.name
            time.sleep(0.3)
        raise SmokeFailure(
            f"no e-mail to {email} in {mail} after 30 s (worker log: logs/worker.log)"
        )

    # ------------------------------------------------------------------ publish

    def publish_purges(self, path: str) -> str:
        fetch(self.proxy, path)
        expect(
            fetch(self.proxy, path).header("X-Cache-Status") == "HIT",
            f"{path} cached before the publish",
        )
        from wagtail.models import Site

        site = Site.objects.get(hostname=DEMO_HOST)
        page = next(
            page
            for page in site.root_page.get_descendants().specific()
            if page.relative_url(site) == path
        )
        title = f"Smoke title {int(time.time())}"
        page.title = title
        page.save_revision().publish()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            response = fetch(self.proxy, path)
            if html.escape(title) in response.body:
                return f"new title after {20 - (deadline - time.monotonic()):.1f} s ({response.header('X-Cache-Status')})"
            time.sleep(0.3)
        raise SmokeFailure(
            f"{path} through the proxy still shows the old title 20 s after the publish"
        )

    # ------------------------------------------------------------------ run

    def run(self) -> int:
        self.check(
            "env example lists every variable the settings read",
            self.env_example_lists_every_variable,
        )
        self.check("/healthz through the proxy", self.health)
        urls: dict[str, str] = {}
        self.check(
            "demo clinic has every page type",
            lambda: str(urls.update(self.page_urls()) or DEMO_HOST),
        )
        if not urls:
            return 1
        booking = urls["clinic_pages_appointments.AppointmentPage"]
        treatment = urls["clinic_pages_treatments.TreatmentPage"]
        form: list = []
        self.check(
            "booking form opens",
            lambda: str(form.append(self.open_booking_form(booking)) or booking),
        )
        self.check("every page type 200 through the proxy", lambda: self.every_page_type(urls))
        self.check("unknown host refused", self.unknown_host_refused)
        self.check(
            "request id in the app's JSON access log", lambda: self.request_id_logged(booking)
        )
        self.check("content page cached by the proxy", lambda: self.content_page_cached(treatment))
        self.check("booking page never cached", lambda: self.booking_page_private(booking))
        self.check("static files precompressed", lambda: self.static_precompressed(treatment))
        emails: list[str] = []
        if form:
            self.check(
                "booking stored", lambda: emails.append(self.book(booking, form[0])) or emails[0]
            )
        if emails:
            self.check(
                "booking e-mail sent by the worker", lambda: self.booking_email_sent(emails[0])
            )
        self.check("publish purges the proxy", lambda: self.publish_purges(treatment))
        if self.failures:
            print(f"{len(self.failures)} smoke check(s) failed: {'; '.join(self.failures)}")
            return 1
        return 0


def main() -> int:
    state = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "var" / "smoke"
    stack = LoopbackStack(state)
    stack.setup_django()
    return Smoke(stack).run()


if __name__ == "__main__":
    raise SystemExit(main())
