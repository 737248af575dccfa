"""Production-like settings for local audits (`make audit`): DEBUG off, compressed static files,
no TLS redirect (the audit runs over plain HTTP on loopback)."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "audit-only-insecure-key"
ALLOWED_HOSTS = ["localhost", ".localhost", "127.0.0.1"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False
SERVE_MEDIA_LOCALLY = True
