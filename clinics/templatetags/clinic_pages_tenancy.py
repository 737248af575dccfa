"""Template tags of the clinic layout: the menu, the booking page and the footer's offices.

Both are the same for every visitor of a clinic, so they are kept in the cache under the site's
content generation (``core.generation``): publishing a page, or saving an office, shows on the
next render. Within a request they are looked up once, however often a template asks.
"""

from __future__ import annotations

from django import template
from django.urls import reverse
from wagtail.models import Page, Site

from clinic_pages.clinics.context_processors import clinic_settings_for
from clinic_pages.clinics.languages import active_language, default_language
from clinic_pages.clinics.models import Location
from clinic_pages.clinics.translations import in_language_of
from clinic_pages.core.generation import cached_for_site
from clinic_pages.core.outline import MenuItem, site_outline

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[MenuItem]:
    """The clinic home page's live, public children that editors put in menus, in tree order."""
    request = context.get("request")
    outline = site_outline(request) if request is not None else None
    return list(outline.menu) if outline is not None else []


@register.simple_tag(takes_context=True)
def site_notices(context) -> list[MenuItem]:
    """The clinic's published notices (privacy, non-discrimination, accessibility) for the footer."""
    request = context.get("request")
    outline = site_outline(request) if request is not None else None
    return list(outline.notices) if outline is not None else []


@register.simple_tag(takes_context=True)
def booking_page(context) -> Page | None:
    """``{% booking_page as booking %}``: the clinic's live booking page, in the language of the
    page shown (the Spanish one from a Spanish page, when it is published)."""
    request = context.get("request")
    clinic = clinic_settings_for(request) if request is not None else None
    target = clinic.booking_page if clinic is not None else None
    return in_language_of(context.get("page"), target, request)


@register.simple_tag(takes_context=True)
def footer_locations(context) -> list[Location]:
    """The clinic's offices for the footer; reuses the page's own ``locations`` when it has them,
    or the ``footer_offices`` it loaded with its other rows."""
    if context.get("footer_offices") is not None:
        return list(context["footer_offices"])
    locations = context.get("locations")
    is_offices = getattr(locations, "model", None) is Location or (
        isinstance(locations, list) and all(isinstance(item, Location) for item in locations)
    )
    if locations is not None and is_offices:
        return list(locations)
    request = context.get("request")
    cached = getattr(request, "_clinic_footer_locations", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    items = cached_for_site(
        site.pk, "footer-offices", lambda: list(Location.objects.filter(site=site)), request
    )
    request._clinic_footer_locations = items
    return items


@register.simple_tag(takes_context=True)
def office_url(context, location: Location) -> str:
    """The office's own page (a sub-page of the clinic's offices page), or "" when the clinic
    has none. From the site outline routing already loaded: no query, even in an include
    rendered with ``only`` (the request stays on the context)."""
    request = getattr(context, "request", None) or context.get("request")
    outline = site_outline(request) if request is not None else None
    if outline is None or outline.offices is None or not location.slug:
        return ""
    site = Site.find_for_request(request)  # cached on the request: no query
    if site is None or location.site_id != site.pk:
        return ""
    return f"{outline.offices.url}{location.slug}/"


@register.simple_tag
def search_url() -> str:
    """The site search in the active language: ``/search/``, or ``/es/search/`` on a page in
    Spanish, so the results and the search page itself are in the visitor's language."""
    language = active_language()
    if language == default_language():
        return reverse("clinic_pages:search")
    return reverse("clinic_pages:search_in_language", kwargs={"language": language})
