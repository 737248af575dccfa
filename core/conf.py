"""Clinic Pages' own settings, each set in a host project as ``CLINIC_PAGES_<NAME>``.

Read them through ``clinic_pages_settings.<NAME>``: the host's value when it sets one, else the
default below. Values are read on every access, so tests and ``override_settings`` apply at once.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

PREFIX = "CLINIC_PAGES_"

DEFAULTS: dict[str, Any] = {
    # Days an appointment request is kept before `purge_appointment_requests` deletes it.
    "APPOINTMENT_RETENTION_DAYS": 180,
    # A booking form sent back faster than this is shown again for the visitor to confirm.
    "APPOINTMENT_MIN_FILL_SECONDS": 3,
    # Requests stored per clinic per client address (IPv6: per /64) per window.
    "APPOINTMENT_RATE_LIMIT": 5,
    "APPOINTMENT_RATE_LIMIT_WINDOW_SECONDS": 3600,
    # Form posts of any kind (typos included) per clinic per client address per window.
    "APPOINTMENT_ATTEMPT_LIMIT": 60,
    # Requests stored per clinic for one e-mail address or phone number in 24 hours.
    "APPOINTMENT_CONTACT_LIMIT_PER_DAY": 5,
    # Reverse proxies in front of the app that each append to X-Forwarded-For (a CDN and a
    # load balancer: 2). 0 uses the connecting address. None: not set (see the deprecated
    # APPOINTMENT_TRUST_X_FORWARDED_FOR, which counts as one proxy).
    "TRUSTED_PROXY_COUNT": None,
    # Deprecated: set TRUSTED_PROXY_COUNT instead.
    "APPOINTMENT_TRUST_X_FORWARDED_FOR": False,
    # Booking e-mails: the task backend alias (TASKS) that sends them, the SMTP timeout used
    # when the host sets no EMAIL_TIMEOUT, and how often the task tries before leaving the
    # rest to `retry_appointment_emails`.
    "APPOINTMENT_EMAIL_TASK_BACKEND": "default",
    "APPOINTMENT_EMAIL_TIMEOUT_SECONDS": 20,
    "APPOINTMENT_EMAIL_MAX_ATTEMPTS": 5,
    # How soon and how far ahead published slots are offered.
    "APPOINTMENT_SLOT_LEAD_HOURS": 2,
    "APPOINTMENT_SLOT_WINDOW_DAYS": 42,
    "APPOINTMENT_MAX_SLOTS_SHOWN": 200,
    # How long a patient's signed cancel link works.
    "APPOINTMENT_CANCEL_LINK_MAX_AGE_DAYS": 90,
    # Who is told of a request when the clinic has set no notification address.
    "APPOINTMENT_FALLBACK_NOTIFICATION_EMAILS": [],
    # Every admin user must enrol a second factor (TOTP) before reaching the admin.
    "STAFF_MFA_REQUIRED": False,
    # Password-reset e-mails per hour, per client address and per target e-mail address
    # (clinics.password_reset; past either, nothing is sent and the answer does not change).
    "PASSWORD_RESET_LIMIT_PER_CLIENT": 5,
    "PASSWORD_RESET_LIMIT_PER_EMAIL": 3,
    # Seconds the app keeps a rendered page for visitors without a session (0: no page cache).
    # Any change the page shows replaces it at once (core.generation); this only bounds memory.
    "PAGE_CACHE_TIMEOUT": 24 * 60 * 60,
    # Keep what a render reads (the Site, routed pages, linked pages, listings, menus, JSON-LD)
    # in the shared cache under each clinic's content generation; False reads it all from the
    # database on every render (to measure or rule out the cache, never needed for freshness).
    "RENDER_CACHE": True,
    # Cache-Control of pages every visitor sees alike: `s-maxage` for a CDN or reverse proxy
    # (raise it when WAGTAILFRONTENDCACHE purges on publish) and `max-age` for browsers (0:
    # they revalidate with the ETag and get 304 while the page is unchanged).
    "SHARED_CACHE_MAX_AGE": 300,
    "BROWSER_CACHE_MAX_AGE": 0,
    # The task backend alias (TASKS) that purges WAGTAILFRONTENDCACHE after a change.
    "PURGE_TASK_BACKEND": "default",
    # The admin's Content-Security-Policy directives (None: the plugin's admin policy, as strict
    # as Wagtail's admin allows: inline scripts and styles, blob: images, nothing else).
    "ADMIN_CONTENT_SECURITY_POLICY": None,
    # What `check --deploy` lets production run on (each then a loud warning instead of an
    # error): "sqlite", "local-cache" (a cache the workers do not share), "local-media".
    "ALLOW_EMBEDDED_SERVICES": [],
    # The path load balancers probe (database and cache), answered before host validation;
    # None or "" turns it off.
    "HEALTH_CHECK_PATH": "/healthz",
}


class ClinicPagesSettings:
    """Attribute access to the prefixed settings, falling back to ``DEFAULTS``."""

    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(f"Clinic Pages has no setting {name!r}")
        return getattr(settings, PREFIX + name, DEFAULTS[name])


clinic_pages_settings = ClinicPagesSettings()
