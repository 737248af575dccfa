"""The visitor's language, from the URL alone: ``/es/...`` is Spanish where the clinic speaks it.

Django's ``LocaleMiddleware`` would also read a cookie and the ``Accept-Language`` header. A page
kept in the page cache is served to every visitor (``core.page_cache``), so what it says must
follow from its URL alone: here the URL's language prefix decides, when the clinic publishes in
that language (its settings), and nothing else. An unprefixed URL is in the main language
(``LANGUAGE_CODE``), as ``i18n_patterns(..., prefix_default_language=False)`` routes it.

Place it after ``ClinicSiteRoutesMiddleware``, which found the Site and the clinic's settings
(so this costs no query), and before ``CommonMiddleware``, which resolves the URL.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from clinic_pages.clinics.languages import (
    clinic_languages,
    default_language,
    language_of_url_prefix,
)
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.home.sites import find_site, is_clinic_site


def language_for(request: HttpRequest) -> str:
    """The language the request's URL asks for, if the site publishes in it; else the main one."""
    main = default_language()
    asked = language_of_url_prefix(translation.get_language_from_path(request.path_info))
    if asked is None or asked == main:
        return main
    site = find_site(request)
    clinic = site is not None and is_clinic_site(site)
    if clinic and asked not in clinic_languages(ClinicSettings.for_request(request)):
        return main
    return asked


class ClinicLocaleMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            return self.get_response(request)
        finally:
            # The next request on this thread starts from the main language, as the page
            # cache (before this middleware) expects.
            translation.deactivate()
