"""Production: PostgreSQL, Redis, S3-compatible media, behind a CDN; all from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

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


DEBUG = False
# Behind a CDN and a load balancer, each appends the address it saw to X-Forwarded-For; the
# booking limits count the hop our own first proxy added (see CLINIC_PAGES_TRUSTED_PROXY_COUNT).
CLINIC_PAGES_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "2"))
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "https://admin.example.com")

if "DATABASE_URL" in os.environ:
    DATABASES = {"default": dj_database_url.config(conn_max_age=600, conn_health_checks=True)}  # noqa: F405

if "REDIS_URL" in os.environ:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "clinic-pages",
            "TIMEOUT": 600,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

if "AWS_STORAGE_BUCKET_NAME" in os.environ:
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

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = True
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@example.com")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Booking e-mails go out from a background worker (`manage.py db_worker`), never inside a
# visitor's request; the SMTP timeout bounds a hanging relay.
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
