"""Production: PostgreSQL, Redis, S3-compatible media, behind a CDN; all from the environment.

It fails closed: without DATABASE_URL, REDIS_URL or AWS_STORAGE_BUCKET_NAME it refuses to start,
unless ALLOW_EMBEDDED_SERVICES names what it may run on instead (one server only).
"""

import os
import sys

from django.core.exceptions import ImproperlyConfigured

from clinic_pages.clinics.hosts import SiteHostnames

from .base import *  # noqa: F403


def env(name: str, default: str | None = None) -> str:
    """Read a required environment variable, failing loudly at start-up when it is missing."""
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool) -> bool:
    """``1/yes/on/true`` or ``0/no/off/false`` in any case; anything else stops the start-up."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    word = value.strip().lower()
    if word not in TRUE_WORDS | FALSE_WORDS:
        raise ImproperlyConfigured(f"{name} must be one of 1/yes/on/true or 0/no/off/false.")
    return word in TRUE_WORDS


# What each shared service may be replaced with on a single server, and the variable that names
# the real one: ALLOW_EMBEDDED_SERVICES=sqlite,local-cache,local-media allows all three.
EMBEDDED_SERVICES = {
    "sqlite": ("DATABASE_URL", "PostgreSQL", "a SQLite file in CLINIC_SITE_VAR_DIR"),
    "local-cache": ("REDIS_URL", "the cache all workers share", "a cache on this machine only"),
    "local-media": ("AWS_STORAGE_BUCKET_NAME", "S3 media storage", "media on this machine's disk"),
}
ALLOW_EMBEDDED_SERVICES = env_list("ALLOW_EMBEDDED_SERVICES")
if unknown := sorted(set(ALLOW_EMBEDDED_SERVICES) - set(EMBEDDED_SERVICES)):
    raise ImproperlyConfigured(
        f"ALLOW_EMBEDDED_SERVICES names {', '.join(unknown)}; "
        f"it takes {', '.join(EMBEDDED_SERVICES)}."
    )
# `check --deploy` then warns (clinic_pages.W005) rather than errs about what is allowed here.
CLINIC_PAGES_ALLOW_EMBEDDED_SERVICES = ALLOW_EMBEDDED_SERVICES


def shared_service(name: str) -> bool:
    """True when the service's variable is set; False when running without it is allowed (and
    then says so on every start); otherwise start-up stops, naming the variable."""
    variable, service, stand_in = EMBEDDED_SERVICES[name]
    if os.environ.get(variable, "").strip():
        return True
    if name not in ALLOW_EMBEDDED_SERVICES:
        raise ImproperlyConfigured(
            f"Set the {variable} environment variable ({service}). To run on {stand_in} "
            f"instead, on a single server only, set ALLOW_EMBEDDED_SERVICES={name}."
        )
    print(
        f"WARNING: {variable} is not set and ALLOW_EMBEDDED_SERVICES={name}: running on "
        f"{stand_in}. Never run more than one server like this.",
        file=sys.stderr,
    )
    return False


DEBUG = False
# Behind a CDN and a load balancer, each appends the address it saw to X-Forwarded-For; the
# booking limits count the hop our own first proxy added (see CLINIC_PAGES_TRUSTED_PROXY_COUNT).
CLINIC_PAGES_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "2"))
SECRET_KEY = env("SECRET_KEY")
# Every Site's hostname is allowed as soon as the Site is saved (clinic_pages.clinics.hosts);
# ALLOWED_HOSTS adds hosts that are no clinic's, such as the admin's.
ALLOWED_HOSTS = SiteHostnames(env_list("ALLOWED_HOSTS"))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "https://admin.example.com")

if shared_service("sqlite"):
    DATABASES = {
        "default": without_jit(  # noqa: F405
            dj_database_url.config(conn_max_age=600, conn_health_checks=True)  # noqa: F405
        )
    }

if shared_service("local-cache"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "clinic-pages",
            "TIMEOUT": 600,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Shared by the workers of this one machine, unlike the per-process default.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),  # noqa: F405
        }
    }

if shared_service("local-media"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL"),
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN"),
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Behind a CDN / load balancer that terminates TLS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
# Subdomains and the browsers' preload list are commitments each clinic makes for the domain it
# owns (a preloaded domain cannot serve any subdomain over plain HTTP for months), so both are
# opt-in, and Django's two deploy warnings about them are silenced for that reason only.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# One JSON object per line on stdout, each with its request's id and clinic host
# (clinic_pages.core.logging); no POST data or query string ever reaches a line.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "clinic_pages.core.logging.RequestContextFilter"}},
    "formatters": {"json": {"()": "clinic_pages.core.logging.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_context"],
            "formatter": "json",
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO").upper()},
    "loggers": {
        # Bots probing by IP address or a stranger's hostname get their 400, logged once as
        # django.request's WARNING line; Django's extra ERROR with a traceback is dropped.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
    },
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = True
# The file backend (EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend) writes each
# message into this folder: the smoke job reads what the worker sent there.
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@example.com")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Booking e-mails go out from a background worker (`manage.py db_worker`), never inside a
# visitor's request; the SMTP timeout bounds a hanging relay.
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))

# Frontend cache: the app keeps rendered pages in Redis (PAGE_CACHE_TIMEOUT=0 turns that off),
# and a reverse proxy or CDN in front keeps them for SHARED_CACHE_MAX_AGE seconds. With
# FRONTEND_CACHE_PURGE_URL (the proxy's address, e.g. http://127.0.0.1:8090 for the nginx of
# deploy/), the worker purges every URL of a clinic after any change it shows, so the proxy may
# keep pages for a day; without it, five minutes bound how stale a page can be.
CLINIC_PAGES_PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", str(24 * 60 * 60)))
CLINIC_PAGES_RENDER_CACHE = env_bool("RENDER_CACHE", True)
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
CLINIC_PAGES_SHARED_CACHE_MAX_AGE = int(
    os.environ.get(
        "SHARED_CACHE_MAX_AGE", "86400" if os.environ.get("FRONTEND_CACHE_PURGE_URL") else "300"
    )
)
