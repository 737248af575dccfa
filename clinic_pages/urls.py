"""The plugin's routes outside the page tree; a host mounts them at its root.

    path("", include("clinic_pages.urls")),   # before Wagtail's own include

Booking, confirmation and cancellation are routes of the appointment page itself, so they
follow wherever editors put that page.
"""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from clinic_pages.core.views import favicon, robots_txt
from clinic_pages.search.views import search

app_name = "clinic_pages"

urlpatterns = [
    path("search/", search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
]
