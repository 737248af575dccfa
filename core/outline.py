"""A site's outline: its sections (what the menu shows) and its restricted sections.

Every page needs both: the menu in its header and footer, and the restricted sections to keep
out of every listing (what Wagtail's ``.public()`` looked up with a query per call). One query
over the pages around the site root answers both: the root's ancestors, its live children and
every page of the site that carries a view restriction, each flagged ``restricted``.

Routing runs that query anyway, with the page the URL names added (``core.routing``), and keeps
the outline for the rest of the request. Views outside the page tree (search, errors) read it
from the cache under the site's content generation, which a page or restriction change bumps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import HttpRequest
from wagtail.models import Page, PageViewRestriction, Site

from clinic_pages.core.generation import cached_for_site
from clinic_pages.core.site_roots import site_root_paths

REQUEST_ATTRIBUTE = "_clinic_pages_outline"

# What routing, breadcrumbs and the menu read of the pages around the routed one.
SURROUNDING_FIELDS = (
    "id",
    "path",
    "depth",
    "title",
    "slug",
    "url_path",
    "live",
    "show_in_menus",
    "alias_of_id",
    "content_type_id",
    "locale_id",
)


@dataclass(frozen=True)
class MenuItem:
    """What a menu link needs; ``path`` marks the current section (``is_in_section``)."""

    pk: int
    title: str
    url: str
    path: str


@dataclass(frozen=True)
class SiteOutline:
    menu: tuple[MenuItem, ...]
    restricted_paths: tuple[str, ...]
    # The site's notices (privacy, non-discrimination, accessibility), linked from every footer:
    # sections whose page type sets ``is_site_notice``.
    notices: tuple[MenuItem, ...] = ()
    # The page listing the clinic's offices, one sub-page each (a section whose page type sets
    # ``is_offices_index``): location cards everywhere link to their office's page through it.
    offices: MenuItem | None = None


def ancestor_paths(page: Page) -> list[str]:
    """The materialised paths of the page's ancestors and its own, root first."""
    return [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]


def surroundings(
    root: Page, url_paths: Sequence[str] = (), below: Page | None = None
) -> list[Page]:
    """The outline's rows of the site ``root``, plus the pages at ``url_paths`` below ``below``
    (the page routing starts from; the root by default). Path order; ancestors of ``below``
    are included, and each row is flagged ``restricted`` when it carries a view restriction."""
    below = below or root
    in_site = Q(page__path__startswith=root.path) | Q(page__path__in=ancestor_paths(root))
    for tree in other_language_trees(root):  # the restricted sections of the other languages
        in_site |= Q(page__url_path__startswith=tree)
    restrictions = PageViewRestriction.objects.filter(in_site)
    wanted = (
        Q(path__in=ancestor_paths(below))
        | Q(path__startswith=root.path, depth=root.depth + 1, live=True)
        | Q(pk__in=restrictions.values("page_id"))
    )
    if url_paths:
        wanted |= Q(url_path__in=url_paths, path__startswith=below.path, depth__gt=below.depth)
    restricted = Q(pk__in=PageViewRestriction.objects.values("page_id"))
    return list(
        Page.objects.filter(wanted)
        .annotate(restricted=ExpressionWrapper(restricted, output_field=BooleanField()))
        .only(*SURROUNDING_FIELDS)
        .order_by("path")
    )


def other_language_trees(root: Page) -> list[str]:
    """``url_path`` of the other trees of the site ``root`` starts: its translations, each the
    root of another language's pages (Wagtail's cached site root paths: no query)."""
    paths = site_root_paths()
    site_ids = {path.site_id for path in paths if path.root_path == root.url_path}
    return [p.root_path for p in paths if p.site_id in site_ids and p.root_path != root.url_path]


def sections(root: Page, rows: Sequence[Page]) -> list[Page]:
    """The root's live children visitors may see (none when the root itself is restricted)."""
    above = set(ancestor_paths(root))
    if any(row.restricted for row in rows if row.path in above):
        return []
    return [row for row in rows if row.depth == root.depth + 1 and row.live and not row.restricted]


def outline_of(root: Page, rows: Sequence[Page], request: HttpRequest | None) -> SiteOutline:
    visible = sections(root, rows)

    def items(pages: list[Page]) -> tuple[MenuItem, ...]:
        return tuple(
            MenuItem(pk=row.pk, title=row.title, url=row.get_url(request) or "", path=row.path)
            for row in pages
        )

    return SiteOutline(
        menu=items([row for row in visible if row.show_in_menus]),
        restricted_paths=tuple(row.path for row in rows if row.restricted),
        notices=items([row for row in visible if _is_notice(row)]),
        offices=next(iter(items([row for row in visible if _is_offices_index(row)])), None),
    )


def _is_notice(row: Page) -> bool:
    page_class = row.specific_class  # from the content type cache: no query once warm
    return bool(page_class and getattr(page_class, "is_site_notice", False))


def _is_offices_index(row: Page) -> bool:
    page_class = row.specific_class
    return bool(page_class and getattr(page_class, "is_offices_index", False))


def remember_outline(request: HttpRequest, outline: SiteOutline) -> None:
    setattr(request, REQUEST_ATTRIBUTE, outline)


def site_outline(request: HttpRequest) -> SiteOutline | None:
    """The outline of the request's site (None off any site): from routing, else the cache."""
    outline = getattr(request, REQUEST_ATTRIBUTE, None)
    if outline is not None:
        return outline
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page

    def build() -> SiteOutline:
        return outline_of(root, surroundings(root), request)

    outline = cached_for_site(site.pk, "outline", build, request)
    remember_outline(request, outline)
    return outline
