"""The site menu: the site root's live, public children that editors put in menus.

Every page shows it twice (header and footer), so it is kept as plain data (title, URL, tree
path) in the cache under the site's content generation, which any page change bumps. Routing
a URL below the site root loads the same rows in its own query and hands them over
(``remember_menu``), so a routed page needs no menu query even with an empty cache.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.http import HttpRequest
from wagtail.models import Page, Site

from clinic_pages.core.generation import cached_for_site
from clinic_pages.core.visibility import public_pages

REQUEST_ATTRIBUTE = "_clinic_pages_menu"


@dataclass(frozen=True)
class MenuItem:
    """What a menu link needs; ``path`` marks the current section (``is_in_section``)."""

    pk: int
    title: str
    url: str
    path: str


def menu_candidates(root: Page):
    """The root's children a menu may show, before the view-restriction check."""
    return root.get_children().live().in_menu()


def menu_items(pages: Iterable[Page], request: HttpRequest | None) -> list[MenuItem]:
    return [
        MenuItem(pk=page.pk, title=page.title, url=page.get_url(request) or "", path=page.path)
        for page in pages
    ]


def remember_menu(request: HttpRequest, items: list[MenuItem]) -> None:
    """Keep a menu that routing already loaded for the rest of the request."""
    setattr(request, REQUEST_ATTRIBUTE, items)


def site_menu(request: HttpRequest | None) -> list[MenuItem]:
    """The menu of the request's site: from routing, else the cache, else one query."""
    items = getattr(request, REQUEST_ATTRIBUTE, None)
    if items is not None:
        return items
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    items = cached_for_site(
        site.pk,
        "menu",
        lambda: menu_items(public_pages(menu_candidates(site.root_page), request), request),
        request,
    )
    remember_menu(request, items)
    return items
