"""The booking page's choice lists, kept for every visitor of a clinic alike.

Offices with their hours, treatments, reasons and physicians depend only on published content:
the appointment page (which lists the editor chose), the clinic's pages and offices, and its
restricted sections. The site's content generation (``core.generation``) changes with every one
of them, so the lists are kept under it and a publish shows on the next render.

Never kept: free slots (a booking takes one without publishing anything), anything a patient
typed, and whatever a preview or a page behind a view restriction shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.http import HttpRequest
from wagtail.models import Page

from clinic_pages.core.generation import cached_for_site

T = TypeVar("T")


def _same_for_every_visitor(page: Page, request: HttpRequest | None) -> bool:
    return (
        request is not None
        and not getattr(request, "is_preview", False)
        and bool(page.pk and page.live)
        # Routing cleared the page and its ancestors of view restrictions (core.routing).
        and getattr(page, "_routed_without_restrictions", False)
    )


def kept_for_visitors(
    page: Page, site_id: int, request: HttpRequest | None, name: str, build: Callable[[], T]
) -> T:
    """``build()``'s value for the booking ``page`` (picklable, visitor-independent data), kept
    under the site's content generation when every visitor sees it alike."""
    if not _same_for_every_visitor(page, request):
        return build()
    return cached_for_site(site_id, f"booking-{name}:{page.pk}", build, request)
