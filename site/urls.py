"""URL routes of the example project: the admin, the plugin's routes, then Wagtail's pages."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("clinic_pages.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Local media (the demo, audits). Production keeps media on S3-compatible storage behind the CDN.
if settings.DEBUG or settings.SERVE_MEDIA_LOCALLY:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Pages in the main language at their plain URLs, the others under their prefix (/es/...).
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
