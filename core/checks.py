"""Deployment checks: production must fail closed, not quietly run on what a laptop runs on.

SQLite, a cache each worker keeps to itself and media on the app server's disk all work on one
machine and break on several (rate limits and caches multiply by the worker count, uploads land
on one server). `manage.py check --deploy` refuses each of them unless the host names it in
``CLINIC_PAGES_ALLOW_EMBEDDED_SERVICES``, and then warns that it is allowed. A missing SMTP
timeout and a missing or insecure SECRET_KEY are refused outright: no deployment needs them.

Registered from CoreConfig.ready(); ids are stable (clinic_pages.E008 ... E013, W005).
clinic_pages.W001 (a cache the workers do not share) became the error E009.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, InMemoryStorage
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db.utils import load_backend
from django.utils.module_loading import import_string
from django.utils.text import capfirst

from clinic_pages.core.conf import clinic_pages_settings

ALLOW_SETTING = "CLINIC_PAGES_ALLOW_EMBEDDED_SERVICES"
# Django's own measure of a secret key (security.W009), kept here: its constants are not API.
SECRET_KEY_INSECURE_PREFIX = "django-insecure-"
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5
# Caches each process or machine keeps to itself (or, for DummyCache, does not keep at all).
UNSHARED_CACHES = (LocMemCache, DummyCache, FileBasedCache)
# Storages that keep files on one machine (or, for InMemoryStorage, in one process).
LOCAL_STORAGES = (FileSystemStorage, InMemoryStorage)


@dataclass(frozen=True)
class EmbeddedService:
    """A stand-in for a shared service: fine on one machine, wrong behind a load balancer."""

    name: str
    error_id: str
    why: str
    hint: str


SQLITE = EmbeddedService(
    "sqlite",
    "clinic_pages.E008",
    "each app server would have its own database, and SQLite takes one writer at a time",
    'Use PostgreSQL, e.g. DATABASES = {"default": dj_database_url.config()} with '
    "DATABASE_URL=postgres://user:pass@db:5432/clinic_pages.",
)
LOCAL_CACHE = EmbeddedService(
    "local-cache",
    "clinic_pages.E009",
    "not every worker shares it (LocMemCache is per process, FileBasedCache per machine, "
    "DummyCache keeps nothing): the booking form's rate limits would count per worker, so a bot "
    "gets that many attempts from each, and a change cleared from one worker's cache stays in "
    "the others'",
    'Use a cache every worker shares, e.g. CACHES = {"default": {"BACKEND": '
    '"django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379"}}.',
)
LOCAL_MEDIA = EmbeddedService(
    "local-media",
    "clinic_pages.E010",
    "images and documents editors upload would land on the disk of whichever app server took "
    "the upload, and be missing on the others",
    'Store media where every server reads it, e.g. STORAGES["default"] = {"BACKEND": '
    '"storages.backends.s3.S3Storage", ...} (django-storages).',
)
EMBEDDED_SERVICES = {service.name: service for service in (SQLITE, LOCAL_CACHE, LOCAL_MEDIA)}


def imports_as_subclass(path: str, base: type | tuple[type, ...]) -> bool:
    """Whether the dotted path imports as ``base`` or a subclass; False if it does not import."""
    try:
        cls = import_string(path)
    except ImportError:
        return False  # Django's own checks, or the first use, report a path that does not import.
    return isinstance(cls, type) and issubclass(cls, base)


def allowed_services() -> set[str]:
    """The names in CLINIC_PAGES_ALLOW_EMBEDDED_SERVICES (a list, or one comma-separated string)."""
    value = clinic_pages_settings.ALLOW_EMBEDDED_SERVICES or []
    names: Iterable[str] = value.split(",") if isinstance(value, str) else value
    return {str(name).strip() for name in names if str(name).strip()}


def _sqlite_aliases() -> list[str]:
    aliases = []
    for alias, database in settings.DATABASES.items():
        try:
            vendor = load_backend(database.get("ENGINE", "")).DatabaseWrapper.vendor
        except ImproperlyConfigured:
            continue  # Django reports an engine that does not load.
        if vendor == "sqlite":
            aliases.append(alias)
    return aliases


def _in_use(service: EmbeddedService) -> str | None:
    """What of the settings uses the service, in words, or None when nothing does."""
    if service is SQLITE:
        aliases = _sqlite_aliases()
        return f"the database {', '.join(map(repr, aliases))} is SQLite" if aliases else None
    if service is LOCAL_CACHE:
        backend = settings.CACHES.get("default", {}).get("BACKEND", "")
        unshared = imports_as_subclass(backend, UNSHARED_CACHES)
        return f'the default cache is "{backend}"' if unshared else None
    backend = settings.STORAGES.get("default", {}).get("BACKEND", "")
    local = imports_as_subclass(backend, LOCAL_STORAGES)
    return f'the default file storage is "{backend}"' if local else None


@register(Tags.database, Tags.caches, Tags.security, deploy=True)
def check_embedded_services(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    allowed = allowed_services()
    messages: list[CheckMessage] = []
    for service in EMBEDDED_SERVICES.values():
        used = _in_use(service)
        if used is None:
            continue
        if service.name in allowed:
            messages.append(
                Warning(
                    f"ALLOWED BY {ALLOW_SETTING}: {used}, so {service.why}. Acceptable only where one app "
                    "server runs the site.",
                    hint=f'{service.hint} Then remove "{service.name}" from {ALLOW_SETTING}.',
                    id="clinic_pages.W005",
                )
            )
        else:
            messages.append(
                Error(
                    f"{capfirst(used)}: {service.why}.",
                    hint=f"{service.hint} To run on it anyway (a single server), add "
                    f'"{service.name}" to {ALLOW_SETTING}.',
                    id=service.error_id,
                )
            )
    return messages


@register(Tags.security, deploy=True)
def check_email_timeout(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Django's SMTP backend waits forever without one; Wagtail's e-mails go out in requests."""
    if getattr(settings, "EMAIL_TIMEOUT", None) is not None:
        return []
    if not imports_as_subclass(settings.EMAIL_BACKEND, SMTPBackend):
        return []
    return [
        Error(
            "EMAIL_TIMEOUT is not set: a mail relay that stops answering holds every request "
            "that sends mail (Wagtail's moderation notices, password resets) until the "
            "server's worker timeout kills it.",
            hint="Set EMAIL_TIMEOUT, e.g. EMAIL_TIMEOUT = 20 (seconds).",
            id="clinic_pages.E011",
        )
    ]


def _secret_key_problem() -> str | None:
    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:
        return "is empty"
    if not key:
        return "is empty"
    if key.startswith(SECRET_KEY_INSECURE_PREFIX) or "insecure" in key.lower():
        return "is marked insecure (a development or generated-by-startproject key)"
    if len(key) < SECRET_KEY_MIN_LENGTH or len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
        return (
            f"is shorter than {SECRET_KEY_MIN_LENGTH} characters or has fewer than "
            f"{SECRET_KEY_MIN_UNIQUE_CHARACTERS} different ones"
        )
    return None


@register(Tags.security, deploy=True)
def check_secret_key(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Signed cancel links, sessions and password resets all rest on SECRET_KEY."""
    problem = _secret_key_problem()
    if problem is None:
        return []
    return [
        Error(
            f"SECRET_KEY {problem}: anyone who knows or guesses it can forge sessions, password "
            "reset links and patients' signed cancel links.",
            hint="Generate one (python -c 'import secrets; print(secrets.token_urlsafe(50))') "
            "and set it from the environment, never from the repository.",
            id="clinic_pages.E012",
        )
    ]


@register()
def check_allowed_service_names(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """A misspelt name would allow nothing, and the deploy error would not say why."""
    unknown = sorted(allowed_services() - set(EMBEDDED_SERVICES))
    if not unknown:
        return []
    return [
        Error(
            f"{ALLOW_SETTING} names {', '.join(map(repr, unknown))}, which Clinic Pages does "
            "not know.",
            hint=f"The names are {', '.join(map(repr, EMBEDDED_SERVICES))}.",
            id="clinic_pages.E013",
        )
    ]
