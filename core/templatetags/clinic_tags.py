"""Template tags for the visitor-facing templates: navigation, footer data, calls to action.

Anything that needs the database here is looked up once per request and cached on the request,
so a template can use a tag in several places without repeating queries.
"""

from __future__ import annotations

import re

from django import template
from django.db.models import prefetch_related_objects
from wagtail.models import Page, Site

from appointments.links import with_booking_context
from clinics.models import Location
from core.validators import tel_href
from references.citations import ReferenceList

register = template.Library()

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
PROTOCOL_COLUMNS = (
    ("dose", "Dose"),
    ("rate", "Rate"),
    ("duration", "Duration"),
    ("course", "Course"),
)


def _site(context) -> Site | None:
    request = context.get("request")
    return Site.find_for_request(request) if request is not None else None


@register.filter
def get_item(mapping, key):
    """``reference_numbers|get_item:ref.pk``: a dict lookup with a variable key; None if absent."""
    if not mapping:
        return None
    try:
        return mapping.get(key)
    except AttributeError:
        return None


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


@register.filter
def is_in_section(page, section) -> bool:
    """Whether ``page`` is ``section`` or below it, to mark the current menu item."""
    if not page or not section or not getattr(page, "path", None):
        return False
    return page.path.startswith(section.path)


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


@register.simple_tag(takes_context=True)
def call_to_action(context, value=None) -> dict[str, str]:
    """Resolve a call to action: the block's own fields, falling back to the clinic's defaults.

    Returns heading, text, button_label, href, phone and phone_href. The phone line is left
    out when the button itself already dials that number.
    """
    # Wagtail's settings proxy resolves on item access (its .get() would not look anything up).
    settings = context.get("settings")
    clinic = settings["clinics"]["ClinicSettings"] if settings is not None else None
    value = value or {}

    def pick(key: str, default_attr: str) -> str:
        return (value.get(key) or getattr(clinic, default_attr, "") or "").strip()

    request = context.get("request")
    chosen_page = value.get("page") if value else None
    if chosen_page is not None:
        href = chosen_page.get_url(request=request) or ""
    else:
        href = getattr(value, "href", "") if value else ""
    booking_page = clinic.booking_page if clinic is not None else None
    if booking_page is not None:
        booking_url = booking_page.get_url(request=request) or ""
        if href in ("", booking_url):
            # From a treatment or physician page the form arrives with it preselected.
            href = with_booking_context(booking_url, context.get("page"))
    phone = (value.get("phone") or getattr(clinic, "phone", "") or "").strip()
    phone_link = tel_href(phone)
    if phone_link and phone_link == href:
        phone, phone_link = "", ""
    return {
        "heading": pick("heading", "cta_heading"),
        "text": pick("text", "cta_text"),
        "button_label": pick("button_label", "cta_button_label") or "Request an appointment",
        "href": href,
        "phone": phone,
        "phone_href": phone_link,
    }


@register.simple_tag
def cited_references(stream_value) -> ReferenceList:
    """Number the references cited in a page body that has no listed references of its own."""
    return ReferenceList.from_page([], stream_value or [])


@register.simple_tag
def protocol_columns(steps) -> list[tuple[str, str]]:
    """The dose/rate/duration/course columns that at least one protocol step fills in."""
    return [(key, label) for key, label in PROTOCOL_COLUMNS if any(s.get(key) for s in steps)]


@register.filter
def with_card_images(pages, field: str = "listing_image"):
    """Fetch the images and renditions of a list of cards in two queries instead of two per card."""
    items = list(pages)
    if items:
        prefetch_related_objects(items, f"{field}__renditions")
    return items


@register.simple_tag
def specific_results(results) -> list[Page]:
    """The specific pages of one page of search results, in result order.

    One query per page type instead of one per result, so cards can show listing summaries.
    """
    pages = list(results)
    if not pages:
        return []
    by_id = {p.pk: p for p in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
    return [by_id.get(p.pk, p) for p in pages]


@register.filter
def card_text(page) -> str:
    """A page's card summary, whatever its type."""
    return getattr(page, "card_summary", "") or getattr(page, "search_description", "")


@register.filter
def css_colour(value, default: str = "#1f4e79") -> str:
    """A ``#rrggbb`` colour safe to print inside a ``<style>`` element, else the default."""
    value = (value or "").strip()
    return value if HEX_COLOUR.fullmatch(value) else default
