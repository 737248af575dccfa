"""Template tags of the clinic layout: the menu and the footer's offices.

Anything that needs the database is looked up once per request and cached on the request, so
a template can use a tag in several places without repeating queries.
"""

from __future__ import annotations

from django import template
from wagtail.models import Page, Site

from clinic_pages.clinics.models import Location

register = template.Library()


def _site(context) -> Site | None:
    request = context.get("request")
    return Site.find_for_request(request) if request is not None else None


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    """The clinic home page's live children that editors put in menus, in tree order."""
    request = context.get("request")
    cached = getattr(request, "_clinic_main_menu", None)
    if cached is not None:
        return cached
    site = _site(context)
    items = list(site.root_page.get_children().live().public().in_menu()) if site else []
    if request is not None:
        request._clinic_main_menu = items
    return items


@register.simple_tag(takes_context=True)
def footer_locations(context) -> list[Location]:
    """The clinic's offices for the footer; reuses the page's own ``locations`` when it has them."""
    locations = context.get("locations")
    if locations is not None and getattr(locations, "model", None) is Location:
        return list(locations)
    request = context.get("request")
    cached = getattr(request, "_clinic_footer_locations", None)
    if cached is not None:
        return cached
    site = _site(context)
    items = list(Location.objects.filter(site=site)) if site else []
    if request is not None:
        request._clinic_footer_locations = items
    return items
