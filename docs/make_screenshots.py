"""Regenerate the README screenshots in docs/screenshots/ from a fresh demo install.

Run from the repository root:  .venv/bin/python docs/make_screenshots.py

It builds a throwaway SQLite database and media folder, loads the five demo clinics, serves them with
``runserver`` on a free port, drives Debian's Chromium through Playwright (the executable and flags
the browser tests use), then stops the server and deletes the temporary files. The repository's own
database and var/ folder are never touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402
from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.helpers import SUBMIT_BOOKING  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
CLINIC = "revitalize"
# Every demo clinic, in the order of demo/data/clinics.toml: each has its own theme.
CLINICS = ("urban-spine", "bayer-foundation", "revitalize", "florida-medical", "ms-pain-migraine")
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
TREATMENT_PATH = "/treatments/ketamine-infusion-therapy/"
PASSWORD = "clinic-pages-demo"  # every demo account's
EDITOR = "revitalize-editor"
# Patient requests are for the front desk: onboarding gives clinic editors no booking permissions.
FRONT_DESK = "revitalize-frontdesk"
MAX_BYTES = 400_000
MAX_HEIGHT = 2400  # image px of a long page: the header, the summary and the first sections

# The dev settings, with the demo images in the temp dir and Wagtail's own avatars (the browser
# may reach only the demo hosts, so Gravatar pictures would show as broken images).
SETTINGS_MODULE = """from clinic_site.settings.dev import *  # noqa: F403

MEDIA_ROOT = {media!r}
WAGTAIL_GRAVATAR_PROVIDER_URL = None
"""


def manage(env: dict, *args: str) -> str:
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args[:2])} failed:\n{done.stderr}")
    return done.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/robots.txt", headers={"Host": f"{CLINIC}.localhost:{port}"}
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"runserver exited with {server.returncode}")
        try:
            with urllib.request.urlopen(request, timeout=10):
                return
        except OSError:  # refused while starting (URLError), or a slow first answer
            time.sleep(0.5)
    raise SystemExit(f"runserver did not answer on port {port} within {timeout}s")


def settle(page, height: int) -> None:
    """Scroll through the part we capture so lazy images load, then wait for them all."""
    for y in range(0, height, 600):
        page.evaluate("(y) => window.scrollTo(0, y)", y)
        page.wait_for_timeout(60)
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function(
        """(height) => [...document.images]
            .filter(img => img.getBoundingClientRect().top + scrollY < height)
            .every(img => img.complete)""",
        arg=height,
    )
    page.wait_for_timeout(200)


def shoot(page, name: str, full_page: bool = False, max_height: int = MAX_HEIGHT) -> None:
    path = OUT / name
    if full_page:
        width = page.viewport_size["width"]
        scale = page.evaluate("devicePixelRatio")
        height = min(
            int(max_height / scale), page.evaluate("document.documentElement.scrollHeight")
        )
        settle(page, height)
        page.screenshot(
            path=path, full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height}
        )
    else:
        page.screenshot(path=path)
    shrink(path)
    print(f"  {path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")


def shrink(path: Path) -> None:
    """Keep each PNG under MAX_BYTES: a 256-colour palette keeps text crisp and photos passable."""
    with Image.open(path) as image:
        image.load()
    image.save(path, optimize=True)
    if path.stat().st_size > MAX_BYTES:
        image.convert("RGB").quantize(colors=256, dither=Image.Dither.NONE).save(
            path, optimize=True
        )
    if path.stat().st_size > MAX_BYTES:
        print(f"  warning: {path.name} is still {path.stat().st_size // 1024} KB", file=sys.stderr)


def book_an_appointment(browser, base: str) -> None:
    """A visitor books from the ketamine page, so the requests listing has a fresh entry."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(180_000)
    page.goto(base + TREATMENT_PATH)
    page.locator("main .cta a.button").first.click()
    started = time.monotonic()
    page.get_by_label("Full name").fill("Jordan Example")
    page.get_by_role("group", name="Have you been to us before?").get_by_label(
        "New patient"
    ).check()
    page.get_by_label("Phone (optional)").fill("(847) 555-0199")
    page.get_by_role("group", name="How should we contact you?").get_by_label("Phone call").check()
    topic = page.get_by_label("What is the appointment about?")
    if not topic.input_value():
        topic.select_option(index=1)
    times = page.locator("input[name='slot']")  # the picker's times for the chosen office and day
    if times.count():
        times.first.check()
    page.get_by_label("I agree that the clinic may store", exact=False).check()
    # The spam guard discards forms sent within seconds of loading; a person takes longer.
    time.sleep(max(0.0, 3.5 - (time.monotonic() - started)))
    page.get_by_role("button", name=SUBMIT_BOOKING).click()
    expect(page.get_by_text("Your reference is")).to_be_visible()
    page.close()


def sign_in(browser, base: str, username: str):
    """A fresh browser context signed in to the admin as one demo account."""
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base}/admin/")
    return page


def shoot_clinics(browser, port: int) -> None:
    """Each clinic's home and ketamine pages at phone and desktop width: the first screens."""
    for size, options in (("phone", PHONE), ("desktop", DESKTOP)):
        page = browser.new_page(**options)
        # The first visit to each page makes its image renditions (AVIF is slow to encode).
        page.set_default_timeout(180_000)
        for clinic in CLINICS:
            for kind, path in (("home", "/"), ("treatment", TREATMENT_PATH)):
                page.goto(f"http://{clinic}.localhost:{port}{path}")
                shoot(page, f"{clinic}-{kind}-{size}.png", full_page=True, max_height=1800)
        page.close()


def take_screenshots(port: int, treatment_pk: int) -> None:
    base = f"http://{CLINIC}.localhost:{port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            shoot_clinics(browser, port)

            book_an_appointment(browser, base)

            editor = sign_in(browser, base, EDITOR)
            editor.goto(f"{base}/admin/pages/{treatment_pk}/edit/", wait_until="networkidle")
            expect(editor.get_by_role("heading", level=1)).to_contain_text("Ketamine")
            shoot(editor, "admin-edit-treatment.png")
            editor.goto(base + "/admin/", wait_until="networkidle")
            expect(editor.get_by_role("heading", name="Your clinics")).to_be_visible()
            shoot(editor, "admin-dashboard.png")

            front_desk = sign_in(browser, base, FRONT_DESK)
            front_desk.goto(base + "/admin/appointment_requests/", wait_until="networkidle")
            expect(front_desk.get_by_text("Jordan Example")).to_be_visible()
            shoot(front_desk, "admin-appointment-requests.png")
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary database and media")
    options = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(
            f"Chromium not found at {CHROMIUM} (install it with: apt-get install -y chromium)"
        )

    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="clinic-pages-screenshots-"))
    (tmp / "screenshot_settings.py").write_text(SETTINGS_MODULE.format(media=str(tmp / "media")))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "screenshot_settings",
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(tmp), str(ROOT), os.environ.get("PYTHONPATH")])
        ),
    }
    server = None
    try:
        print(f"Loading the demo clinics into {tmp} ...")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo_clinics", "-v0")
        treatment_pk = int(
            manage(
                env,
                "shell",
                "-v0",
                "-c",
                "from wagtail.models import Site; from clinic_pages.treatments.models import TreatmentPage; "
                f"site = Site.objects.get(hostname='{CLINIC}.localhost'); "
                "print(TreatmentPage.objects.descendant_of(site.root_page)"
                ".get(slug='ketamine-infusion-therapy').pk)",
            ).split()[-1]
        )
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "runserver",
                f"127.0.0.1:{port}",
                "--noreload",
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until_serving(port, server)
        print(f"Serving on port {port}; taking screenshots:")
        take_screenshots(port, treatment_pk)
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        if options.keep:
            print(f"Kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
