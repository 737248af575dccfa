"""Clinic sites answer the plugin's own routes first, whatever the host project routes.

A host made by ``wagtail start`` routes ``search/`` to its own search, and a URLconf has no
way to ask which site a request is for. So for a request whose site is a clinic (its root page
is a clinic ``HomePage``), this middleware resolves URLs with ``clinic_pages.site_urls``: the
plugin's routes, then the host's whole URLconf. The host's own sites keep the host's routes.

Finding the site here also brings its clinic home page and settings (``clinic_pages.home.sites``),
so the root's type costs no query of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from clinic_pages.home.sites import find_site, is_clinic_site

CLINIC_URLCONF = "clinic_pages.site_urls"


class ClinicSiteRoutesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        site = find_site(request)
        if site is not None and is_clinic_site(site):
            request.urlconf = CLINIC_URLCONF
        return self.get_response(request)
