"""Test settings: fast hashing, in-memory e-mail and cache, media in a throwaway folder."""

import atexit
import os
import shutil
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A throwaway folder per process (each xdist worker has its own), removed when the process ends,
# unless a caller that spans processes (bench/) names one.
MEDIA_ROOT = os.environ.get("CLINIC_PAGES_MEDIA_ROOT")
if not MEDIA_ROOT:
    MEDIA_ROOT = tempfile.mkdtemp(prefix="clinic-pages-test-media-")
    atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
WAGTAILADMIN_BASE_URL = "http://testserver"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The PostgreSQL pass sets DATABASE_URL; without it tests run on in-memory SQLite.
if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
