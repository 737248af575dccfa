"""The clinic of the current request, for every template of the clinic layout."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from clinic_pages.clinics.language_texts import in_request_language
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.core.generation import cached_for_site


def clinic_settings_for(request: HttpRequest | None) -> ClinicSettings | None:
    """The request's clinic settings, or None off any clinic, with the clinic's own texts in the
    active language (``clinics.language_texts``).

    Kept in the cache under the site's content generation (a settings save bumps it) and on
    the request where Wagtail keeps them, so ``ClinicSettings.for_request`` finds the same object.
    """
    return in_request_language(request, _stored_settings_for(request))


def _stored_settings_for(request: HttpRequest | None) -> ClinicSettings | None:
    if request is None:
        return None
    attribute = ClinicSettings.get_cache_attr_name()
    if hasattr(request, attribute):
        return getattr(request, attribute)
    site = Site.find_for_request(request)
    if site is None:
        return None
    settings = cached_for_site(
        site.pk, "clinic-settings", lambda: ClinicSettings.for_site(site), request
    )
    settings._request = request  # as Wagtail's for_request does, for page URLs
    setattr(request, attribute, settings)
    return settings


def clinic_settings(request: HttpRequest) -> dict[str, object]:
    """``clinic_settings`` in every template; looked up only when a template reads it."""
    return {"clinic_settings": SimpleLazyObject(lambda: clinic_settings_for(request))}
