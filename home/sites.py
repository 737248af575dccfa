"""The request's Site, its clinic home page and its clinic settings, in one query.

Wagtail finds the Site with one query (``get_site_for_hostname``, root page joined), then serving
a page loads the root's specific row (the clinic ``HomePage``), and the layout loads the clinic
settings with their logo and booking page: three queries every visitor paid before any content,
four with ``ClinicSiteRoutesMiddleware`` asking the root's type. Here the same Site lookup joins
the home page's own table and the settings (``ClinicSettings.select_related`` included), and what
it found is left where Wagtail looks: ``request._wagtail_site``, the root page's ``specific`` and
the settings' request attribute. A root page of another type (a host project's site) is left for
Wagtail to load as usual.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Case, IntegerField, Q, When
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site

from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.core.conf import clinic_pages_settings
from clinic_pages.core.generation import ENTRY_TIMEOUT, content_generation, sites_generation
from clinic_pages.home.models import HomePage

# Wagtail's preference among the rows (wagtail.models.sites.get_site_for_hostname).
HOSTNAME_PORT, HOSTNAME_DEFAULT, DEFAULT, HOSTNAME = range(4)

HOME_ACCESSOR = HomePage._meta.get_field("page_ptr").remote_field.get_accessor_name()
SETTINGS_ACCESSOR = ClinicSettings._meta.get_field("site").remote_field.get_accessor_name()


# The home page shows its hero and shares its listing image: joined too.
HOME_IMAGES = ("hero_image", "listing_image")
JOINED_ATTRIBUTE = "_clinic_pages_joined"


def _joined() -> list[str]:
    home = f"root_page__{HOME_ACCESSOR}"
    settings = [SETTINGS_ACCESSOR]
    settings += [f"{SETTINGS_ACCESSOR}__{field}" for field in ClinicSettings.select_related or ()]
    return ["root_page", home, *(f"{home}__{image}" for image in HOME_IMAGES), *settings]


def _site_for(hostname: str, port: int) -> Site | None:
    """``get_site_for_hostname`` with the home page and the settings joined; same choice."""
    sites = list(
        Site.objects.annotate(
            match=Case(
                When(hostname=hostname, port=port, then=HOSTNAME_PORT),
                When(hostname=hostname, is_default_site=True, then=HOSTNAME_DEFAULT),
                When(is_default_site=True, then=DEFAULT),
                default=HOSTNAME,
                output_field=IntegerField(),
            )
        )
        .filter(Q(hostname=hostname) | Q(is_default_site=True))
        .order_by("match")
        .select_related(*_joined())
    )
    if not sites:
        return None
    if len(sites) == 1 or sites[0].match in (HOSTNAME_PORT, HOSTNAME_DEFAULT):
        return sites[0]
    if sites[0].match == DEFAULT:
        return sites[len(sites) == 2]
    # Several hostname matches on other ports and no default: Wagtail finds no site.
    return None


def _cached_site_for(hostname: str, port: int, request: HttpRequest) -> Site | None:
    """``_site_for``, kept in the shared cache while no Site and nothing the rows hold changes.

    The key carries the Sites' generation (any Site added, moved or removed); the entry carries
    the content generation of the site it found (its home page, settings, images), checked on
    every read: the page cache reads that generation anyway, so the check costs nothing more.
    Only a Site found by its own hostname is kept: a made-up Host header leaves nothing behind.
    """
    if not clinic_pages_settings.RENDER_CACHE:
        return _site_for(hostname, port)
    name = hashlib.blake2b(f"{hostname}:{port}".encode(), digest_size=16).hexdigest()
    key = f"clinic_pages:site-for:{sites_generation(request)}:{name}"
    entry = cache.get(key)
    if entry is not None and entry[0] == content_generation(entry[1].pk, request):
        return entry[1]
    site = _site_for(hostname, port)
    if site is not None and site.hostname == hostname:
        cache.set(key, (content_generation(site.pk, request), site), ENTRY_TIMEOUT)
    return site


def _keep_joined_rows(site: Site, request: HttpRequest, joined: Site | None = None) -> None:
    """Hand the joined home page and settings (of ``joined``, the Site row that brought them,
    by default ``site``) to the code that would load them."""
    joined = joined or site
    setattr(site, JOINED_ATTRIBUTE, True)
    if is_clinic_site(site):  # else Page.specific loads whatever the root is, as usual
        home = getattr(site.root_page, HOME_ACCESSOR)
        site.root_page.__dict__["specific"] = home
        # Wagtail serves from ``site.root_page.localized``: the clinic home's own knows the
        # page's language without the base Page's query for the active Locale (clinics.pages).
        site.root_page = home
    attribute = ClinicSettings.get_cache_attr_name()
    if getattr(getattr(request, attribute, None), "site_id", None) == site.pk:
        return  # the settings form's preview put its unsaved settings there: keep them
    try:
        settings = getattr(joined, SETTINGS_ACCESSOR)
    except ObjectDoesNotExist:
        return  # no settings row yet: ClinicSettings.for_request creates it
    settings._request = request  # as Wagtail's for_request does, for page URLs
    setattr(request, attribute, settings)


def find_site(request: HttpRequest) -> Site | None:
    """``Site.find_for_request`` that also brings the clinic home and settings (see above).

    When something before found the Site with Wagtail's own query, the home page and settings
    still come in one query (two otherwise), and the Site found is kept.
    """
    if hasattr(request, "_wagtail_site"):
        site = request._wagtail_site
        if site is not None and not getattr(site, JOINED_ATTRIBUTE, False):
            joined = Site.objects.select_related(*_joined()).get(pk=site.pk)
            site.root_page = joined.root_page
            _keep_joined_rows(site, request, joined)
        return site
    hostname = split_domain_port(request._get_raw_host())[0]
    site = _cached_site_for(hostname, request.get_port(), request)
    if site is not None:
        _keep_joined_rows(site, request)
    request._wagtail_site = site
    return site


def is_clinic_site(site: Site) -> bool:
    """Whether the site's root is a clinic home (its type, read from the joined root row)."""
    return site.root_page.specific_class is HomePage
