"""The clinic of the current request, for every template of the clinic layout."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from clinic_pages.clinics.models import ClinicSettings


def clinic_settings_for(request: HttpRequest | None) -> ClinicSettings | None:
    """The request's clinic settings (cached on the request by Wagtail), or None off any clinic."""
    if request is None:
        return None
    try:
        return ClinicSettings.for_request(request)
    except ClinicSettings.DoesNotExist:
        return None


def clinic_settings(request: HttpRequest) -> dict[str, object]:
    """``clinic_settings`` in every template; looked up only when a template reads it."""
    return {"clinic_settings": SimpleLazyObject(lambda: clinic_settings_for(request))}
