"""The plugin's routes outside the page tree; a host mounts them at its root.

    path("", include("clinic_pages.urls")),   # before Wagtail's own include

Booking, confirmation and cancellation are routes of the appointment page itself, so they
follow wherever editors put that page.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.contrib.sitemaps.views import sitemap

from clinic_pages.core.page_cache import public_view
from clinic_pages.core.views import favicon, robots_txt
from clinic_pages.search.views import search
from clinic_pages.seo.sitemaps import ClinicSitemap

app_name = "clinic_pages"

urlpatterns = [
    # What a patient types is never kept by any cache.
    path("search/", never_cache(search), name="search"),
    path(
        "sitemap.xml",
        public_view(sitemap),
        {"sitemaps": {"pages": ClinicSitemap}},
        name="sitemap",
    ),
    path("robots.txt", public_view(robots_txt), name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
]
