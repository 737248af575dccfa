"""The plugin's routes outside the page tree; a host mounts them at its root.

    path("", include("clinic_pages.urls")),   # before Wagtail's own include

Booking, confirmation and cancellation are routes of the appointment page itself, so they
follow wherever editors put that page. The search also answers under each other language's
prefix (``/es/search/``), in that language; ``{% search_url %}`` links to the active one's.
"""

import re

from django.conf import settings
from django.urls import path, re_path
from django.views.decorators.cache import never_cache
from wagtail.contrib.sitemaps.views import sitemap

from clinic_pages.core.page_cache import public_view
from clinic_pages.core.views import favicon, robots_txt
from clinic_pages.search.views import search
from clinic_pages.seo.sitemaps import ClinicSitemap

app_name = "clinic_pages"

_OTHER_LANGUAGES = "|".join(
    re.escape(code) for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
)

urlpatterns = [
    # What a patient types is never kept by any cache.
    path("search/", never_cache(search), name="search"),
    *(
        [
            re_path(
                rf"^(?P<language>{_OTHER_LANGUAGES})/search/$",
                never_cache(search),
                name="search_in_language",
            )
        ]
        if _OTHER_LANGUAGES
        else []
    ),
    path(
        "sitemap.xml",
        public_view(sitemap),
        {"sitemaps": {"pages": ClinicSitemap}},
        name="sitemap",
    ),
    path("robots.txt", public_view(robots_txt), name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
]
