"""The URLconf of a request to a clinic site: the plugin's routes, then the host's own.

``clinic_pages.home.middleware.ClinicSiteRoutesMiddleware`` selects it per request, so a host's
``search/`` (``wagtail start`` has one) serves the host's sites and never shadows a clinic's.

The host's patterns are taken as they are rather than ``include()``d: Django refuses
``i18n_patterns`` inside an include, and sees a language prefix only among a URLconf's top-level
patterns (the Spanish pages under ``/es/``, docs/i18n.md).
"""

from importlib import import_module

from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path("", include("clinic_pages.urls")),
    *import_module(settings.ROOT_URLCONF).urlpatterns,
]
