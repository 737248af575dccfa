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
    "clinic_pages.stories",
    "clinic_pages.search",
    "clinic_pages.seo",
    "clinic_pages.governance",
    "clinic_pages.onboarding",
    # The five demo clinics; a production site leaves this out.
    "clinic_pages.demo",
    # Admin sign-in throttling, staff second factor (TOTP) and Content-Security-Policy.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "wagtail.contrib.settings",
    # Translations: an editor copies a page (or a whole tree) into another language and edits
    # the copy (docs/i18n.md says why this and not wagtail-localize).
    "wagtail.contrib.simple_translation",
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
    # First: load balancers probe /healthz with an IP address as Host, before host validation.
    "clinic_pages.core.health.HealthCheckMiddleware",
    # An id per request on every log line and in the X-Request-ID response header.
    "clinic_pages.core.logging.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # HTML compressed by the app (Django's, with its BREACH mitigation: pages with a CSRF
    # token are padded at random), so any proxy or none serves it small.
    "django.middleware.gzip.GZipMiddleware",
    # Content-Security-Policy on every response: strict on the public site, as strict as
    # Wagtail's admin allows under the admin (CLINIC_PAGES_ADMIN_CONTENT_SECURITY_POLICY).
    "clinic_pages.clinics.middleware.ClinicContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages every visitor without a session sees alike, from the shared cache; before sessions,
    # so a hit skips them and a miss sees what they added (clinic_pages.core.page_cache).
    "clinic_pages.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Clinic sites resolve the plugin's routes (search, sitemap, robots.txt) before the host's.
    "clinic_pages.home.middleware.ClinicSiteRoutesMiddleware",
    # The language from the URL (/es/...) when the clinic publishes in it; never from a cookie or
    # Accept-Language, so a cached page is the same for every visitor (docs/i18n.md).
    "clinic_pages.home.languages.ClinicLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(); the second-factor gate below sends enrolled staff to it.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "clinic_pages.clinics.middleware.ClinicAdminGuardMiddleware",
    "clinic_pages.clinics.middleware.StaffSecondFactorMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its lockout response.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a sign-in while the account or the client is locked out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
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


def without_jit(database: dict) -> dict:
    """PostgreSQL's JIT compiles any query it estimates as costly, and a page's lookups (a few
    rows joined across page types) on small or freshly loaded tables get such estimates: each then
    spent about 0.8 s in LLVM for a millisecond of work. Off for this short-query workload."""
    if database.get("ENGINE") == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return database


DATABASES = {
    "default": without_jit(
        dj_database_url.config(
            default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
            conn_max_age=60,
        )
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The languages clinics may publish in; each clinic picks its own in its settings (docs/i18n.md).
LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
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
WAGTAIL_I18N_ENABLED = True
# Avatars are not fetched from Gravatar: it would tell a third party which staff use the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for new versions (the admin's policy allows
# no third-party connection); the host upgrades through its own dependency updates.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# A URL pasted into the external-link form is kept as it is. Wagtail would otherwise look it up
# among every clinic's pages and answer with that page's id and draft title (system check
# clinic_pages.W004).
WAGTAILADMIN_EXTERNAL_LINK_CONVERSION = ""
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp", "png": "png", "jpeg": "jpeg"}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Wagtail's default (128 megapixels) lets a 15 KB PNG cost about half a gigabyte per rendition;
# 40 megapixels still takes any camera's photo (7,700 x 5,200).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Every upload asks for alt text (the image's description), and a file name is refused as one.
WAGTAILIMAGES_IMAGE_FORM_BASE = "clinic_pages.core.image_forms.AltTextImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]

# Wagtail's database search, with search words that hold a double quote escaped for SQLite's
# full-text index (a stray " made every admin search answer 500 on SQLite).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "clinic_pages.clinics.search_backend"}}

DATA_UPLOAD_MAX_MEMORY_SIZE = 2_500_000
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# Error reports never carry submitted form values (appointment requests hold health data).
DEFAULT_EXCEPTION_REPORTER_FILTER = "clinic_pages.appointments.reporting.NoPostDataReporterFilter"

# ---------------------------------------------------------------------------- admin security

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failed attempts on one account, or
# from one client, further sign-ins (even with the right password) are refused for the cool-off
# time. The client address is read the same way as the booking form's rate limit, so it follows
# the same trusted-proxy settings (CLINIC_PAGES_TRUSTED_PROXY_COUNT).
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = 1  # hours
# A success must not wipe the client's count: one valid account would reset guesses at others.
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "clinic_pages.core.client_address.client_ip"
AXES_LOCKOUT_TEMPLATE = "clinic_pages/clinics/admin/locked_out.html"
# No row per successful sign-in: a login without a client address (Django's test client's
# force_login) would store "unknown", which PostgreSQL's inet column refuses.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False  # no Django admin here; `manage.py axes_reset` unlocks
# Wagtail's password-reset form mails a link for every post; this one sends a few an hour per
# client and per address (CLINIC_PAGES_PASSWORD_RESET_LIMIT_*), and answers the same past them.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = (
    "clinic_pages.clinics.password_reset.ThrottledPasswordResetForm"
)

# Second factor for staff (django-otp TOTP): staff enrol from their account menu; an enrolled
# user passes the code before any admin page. True sends every admin user to enrol first.
CLINIC_PAGES_STAFF_MFA_REQUIRED = False
OTP_TOTP_ISSUER = "Clinic Pages"

# Content-Security-Policy (django-csp). The public pages run no inline script; the clinic's
# brand colours come in one <style> element, allowed by its hash so pages stay cacheable.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # The brand colours' inline style is allowed by its hash (clinic_pages.core.csp).
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# The admin keeps the plugin's own policy (CLINIC_PAGES_ADMIN_CONTENT_SECURITY_POLICY unset):
# inline scripts and styles, as Wagtail's admin needs, nothing else. When media is served from
# a CDN or an S3 bucket, add its host to "img-src" here and in that setting.

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
