"""A host project's URLconf, as ``wagtail start`` makes it: its own ``search/`` comes first."""

from django.http import HttpResponse
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls


def host_search(request):
    return HttpResponse("The host project's own search")


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("search/", host_search, name="search"),
    path("", include("clinic_pages.urls")),
    path("", include(wagtail_urls)),
]
