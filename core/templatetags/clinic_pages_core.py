"""Generic template tags and filters of the visitor templates: lookups, cards, colours.

Tags that need a clinic (menus, offices, calls to action, citations) live in the layer that
owns their data: ``clinic_pages_tenancy``, ``clinic_pages_booking``, ``clinic_pages_citations``.
"""

from __future__ import annotations

import re

from django import template
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from clinic_pages.core.images import LOGO, LOGO_JSONLD, prefetch_renditions
from clinic_pages.core.specific import specific_in_one_query

register = template.Library()

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
PROTOCOL_COLUMNS = (
    ("dose", _("Dose")),
    ("rate", _("Rate")),
    ("duration", _("Duration")),
    ("course", _("Course")),
)


@register.filter
def get_item(mapping, key):
    """``reference_numbers|get_item:ref.pk``: a dict lookup with a variable key; None if absent."""
    if not mapping:
        return None
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def is_in_section(page, section) -> bool:
    """Whether ``page`` is ``section`` or below it, to mark the current menu item."""
    if not page or not section or not getattr(page, "path", None):
        return False
    return page.path.startswith(section.path)


@register.simple_tag
def protocol_columns(steps) -> list[tuple[str, str]]:
    """The dose/rate/duration/course columns that at least one protocol step fills in."""
    return [(key, label) for key, label in PROTOCOL_COLUMNS if any(s.get(key) for s in steps)]


@register.simple_tag(takes_context=True)
def prefetch_page_renditions(context) -> str:
    """Load the renditions of every image the page shows, in one query (``core.images``).

    The page names its images and specs in ``rendered_images(context)``; the clinic's logo is
    added here, since every page of the layout shows it. Outputs nothing.
    """
    wanted = []
    clinic = context.get("clinic_settings")
    if clinic:
        wanted += [(clinic.logo, LOGO), (clinic.logo, LOGO_JSONLD)]
    rendered_images = getattr(context.get("page"), "rendered_images", None)
    if callable(rendered_images):
        wanted += list(rendered_images(context))
    prefetch_renditions(wanted)
    return ""


@register.simple_tag
def specific_results(results) -> list[Page]:
    """The specific pages of one page of search results, in result order, in one query.

    Cards show listing summaries, which live on each page type's own table (core.specific).
    """
    return specific_in_one_query(results)


@register.filter
def card_text(page) -> str:
    """A page's card summary, whatever its type."""
    return getattr(page, "card_summary", "") or getattr(page, "search_description", "")


@register.filter
def css_colour(value, default: str = "#1f4e79") -> str:
    """A ``#rrggbb`` colour safe to print inside a ``<style>`` element, else the default."""
    value = (value or "").strip()
    return value if HEX_COLOUR.fullmatch(value) else default
