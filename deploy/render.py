#!/usr/bin/env python3
"""Render deploy/nginx/clinic-pages.conf: every @NAME@ replaced, nothing left unfilled.

    python deploy/render.py --listen 80 --upstream unix:/run/clinic-pages/gunicorn.sock \\
        --static-root /srv/clinic-pages/var/static > /etc/clinic-pages/nginx.conf

The defaults are the production layout of deploy/README.md; the smoke job and the bench pass
loopback ports and folders under var/ (deploy/loopback.py). Standard library only, so it runs
before any virtualenv exists.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx" / "clinic-pages.conf"
PLACEHOLDER = re.compile(r"@([A-Z_]+)@")

# name: (default, what it is)
SETTINGS: dict[str, tuple[str, str]] = {
    "LISTEN": ("80", "address:port (or port) the proxy listens on"),
    "UPSTREAM": ("unix:/run/clinic-pages/gunicorn.sock", "gunicorn's bind address"),
    "STATIC_ROOT": ("/srv/clinic-pages/var/static", "Django's STATIC_ROOT"),
    "MEDIA_ROOT": ("/srv/clinic-pages/var/media", "Django's MEDIA_ROOT (local media only)"),
    "PURGE_LISTEN": (
        "127.0.0.1:8090",
        "address:port of the purge server (FRONTEND_CACHE_PURGE_URL)",
    ),
    "PURGERS": ("127.0.0.1 ::1", "addresses or CIDRs allowed to purge (space-separated)"),
    "SESSION_COOKIE": ("sessionid", "Django's SESSION_COOKIE_NAME"),
    "PUBLIC_MAX_BODY": ("64k", "largest request body on the public site (the booking form)"),
    "ADMIN_MAX_BODY": ("32m", "largest request body under /admin/ (image and document uploads)"),
    "CACHE_DIR": ("/var/cache/clinic-pages", "where cached pages are stored"),
    "CACHE_SIZE": ("1g", "the most the page cache may hold on disk"),
    "STATE_DIR": ("/run/clinic-pages-proxy", "pid file and request/response buffer files"),
    "LOG_DIR": ("/var/log/clinic-pages", "access.log (JSON lines) and error.log"),
    "MODULES_DIR": ("/usr/lib/nginx/modules", "Debian's nginx dynamic modules"),
    "USER": ("www-data", "the user nginx's workers run as"),
}


def derived(values: dict[str, str]) -> dict[str, str]:
    """Placeholders computed from the settings: one ``allow`` line per purger address."""
    purgers = values.get("PURGERS", "").split()
    return {"PURGE_ALLOW": " ".join(f"allow {address};" for address in purgers)}


def render(values: dict[str, str]) -> str:
    """The template with every placeholder filled; an unknown or empty one is an error."""
    values = {**values, **derived(values)}
    text = TEMPLATE.read_text()
    missing = sorted({name for name in PLACEHOLDER.findall(text) if not values.get(name)})
    if missing:
        raise ValueError(f"no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name, (default, help_text) in SETTINGS.items():
        parser.add_argument(
            "--" + name.lower().replace("_", "-"),
            dest=name,
            default=default,
            help=f"{help_text} (default: {default})",
        )
    parser.add_argument("--output", type=Path, help="write here instead of standard output")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    values = {name: getattr(args, name) for name in SETTINGS}
    text = render(values)
    if args.output:
        args.output.write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
