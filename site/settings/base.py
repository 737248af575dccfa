"""Settings shared by every environment. Environment-specific modules import from here.

The example project runs from its checkout (``site/`` is installed in editable mode), so
``BASE_DIR`` is the checkout; the plugin's own templates and static files come from the
installed ``clinic_pages`` package, wherever that is. Writable data (the SQLite file, media,
collected static files) goes to ``CLINIC_SITE_VAR_DIR``, by default ``var/`` in the checkout.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("CLINIC_SITE_VAR_DIR") or BASE_DIR / "var")
VAR_DIR.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    # Clinic Pages (README: "Add Clinic Pages to your Wagtail project")
    "clinic_pages.core",
    "clinic_pages.clinics",
    "clinic_pages.home",
    "clinic_pages.treatments",
    "clinic_pages.conditions",
    "clinic_pages.references",
    "clinic_pages.physicians",
    "clinic_pages.faqs",
    "clinic_pages.articles",
    "clinic_pages.appointments",
    "clinic_pages.search",
    "clinic_pages.seo",
    "clinic_pages.governance",
    "clinic_pages.onboarding",
    # The five demo clinics; a production site leaves this out.
    "clinic_pages.demo",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.forms",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "clinic_pages.clinics.middleware.ClinicAdminGuardMiddleware",
]

ROOT_URLCONF = "clinic_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clinic_pages.clinics.context_processors.clinic_settings",
            ],
        },
    },
]

WSGI_APPLICATION = "clinic_site.wsgi.application"

# SQLite by default so a bare machine runs the demo; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=60,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "America/Chicago"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Serve MEDIA_ROOT from Django itself; only for local runs without a media server.
SERVE_MEDIA_LOCALLY = False

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Clinic Pages"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAIL_I18N_ENABLED = False
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp", "png": "png", "jpeg": "jpeg"}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

DATA_UPLOAD_MAX_MEMORY_SIZE = 2_500_000
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# Error reports never carry submitted form values (appointment requests hold health data).
DEFAULT_EXCEPTION_REPORTER_FILTER = "clinic_pages.appointments.reporting.NoPostDataReporterFilter"

# Clinic Pages' own settings (CLINIC_PAGES_*) keep their defaults here: see clinic_pages/core/conf.py.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "clinic_pages": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
