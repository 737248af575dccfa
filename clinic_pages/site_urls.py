"""The URLconf of a request to a clinic site: the plugin's routes, then the host's own.

``clinic_pages.home.middleware.ClinicSiteRoutesMiddleware`` selects it per request, so a host's
``search/`` (``wagtail start`` has one) serves the host's sites and never shadows a clinic's.
"""

from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path("", include("clinic_pages.urls")),
    path("", include(settings.ROOT_URLCONF)),
]
