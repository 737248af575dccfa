"""A clinic stays private until it is launched: its site answers only its own staff.

Onboarding creates clinics unlaunched (``ClinicSettings.launched``), so a new clinic's empty
starter pages are never public. Until launch, a visitor who is not the clinic's staff (or a
superuser) gets a bare "coming soon" page with status 404 and nothing of the clinic's content,
and every response of the site, staff's included, is ``private, no-store``: the page cache
(``core.page_cache``) stores only what it may share, and a CDN keeps nothing. Launching, or
taking a clinic private again, saves its settings, which bumps the site's content generation
(``@bumps_site_generation`` on ``ClinicSettings``), so no page cached before the change is
served after it.

``ClinicAdminGuardMiddleware`` (clinics.middleware) calls ``private_clinic_response`` for every
request outside the admin, after authentication.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from wagtail.models import Site

from clinic_pages.clinics.access import user_can_manage_site
from clinic_pages.clinics.hosts import refresh_stale_site_root_paths
from clinic_pages.clinics.models import ClinicSettings

PRIVATE_ATTRIBUTE = "_clinic_pages_private_site"
COMING_SOON_TEMPLATE = "clinic_pages/clinics/coming_soon.html"


def _site(request: HttpRequest) -> Site | None:
    # ClinicSiteRoutesMiddleware (home.sites) found it already, with the settings joined.
    return Site.find_for_request(request)


def _launched(request: HttpRequest, site: Site) -> bool:
    settings = getattr(request, ClinicSettings.get_cache_attr_name(), None)
    if settings is not None and settings.site_id == site.pk:
        return settings.launched
    # A site without settings is no clinic (a host project's own site): it is public.
    launched = ClinicSettings.objects.filter(site=site).values_list("launched", flat=True)
    return next(iter(launched), True)


def is_private_request(request: HttpRequest) -> bool:
    """Whether this request is for an unlaunched clinic (set by ``private_clinic_response``)."""
    return getattr(request, PRIVATE_ATTRIBUTE, False)


def coming_soon(request: HttpRequest) -> HttpResponse:
    """What anyone but the clinic's staff gets from an unlaunched clinic: no content at all."""
    login = f"{reverse('wagtailadmin_login')}?{urlencode({'next': request.get_full_path()})}"
    response = TemplateResponse(request, COMING_SOON_TEMPLATE, {"login_url": login}, status=404)
    response["X-Robots-Tag"] = "noindex"
    return response


def private_clinic_response(request: HttpRequest) -> HttpResponseBase | None:
    """The "coming soon" page when the request's clinic is unlaunched and the user is not its
    staff; None to serve the request as usual.

    Also renews this process's site root paths when they miss the request's site (another
    process onboarded or moved a clinic): page URLs and the booking page read them.
    """
    site = _site(request)
    if site is None:
        return None
    refresh_stale_site_root_paths(request, site)
    if _launched(request, site):
        return None
    setattr(request, PRIVATE_ATTRIBUTE, True)
    if user_can_manage_site(request.user, site):
        return None
    return coming_soon(request)


def keep_private(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """Nothing an unlaunched clinic's site answers may be stored by a shared cache."""
    if is_private_request(request):
        patch_cache_control(response, private=True, no_store=True)
    return response


@transaction.atomic
def set_launched(settings: ClinicSettings, launched: bool) -> None:
    """Open the clinic to visitors (or close it again); its cached pages go stale at once."""
    if settings.launched == launched:
        return
    settings.launched = launched
    # The settings' signal bumps the site's content generation and asks the CDN to purge it.
    settings.save(update_fields=["launched"])
