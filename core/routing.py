"""Routing a visitor's URL to a page in two queries, whatever its depth.

Wagtail's ``Page.route`` walks the URL one slug at a time, two queries per level (the child, then
its specific row), and its view-restriction check then loads the ancestors and their restrictions
(two more). A treatment at ``/treatments/ketamine/`` took six queries before any content.

``UrlPathRoutingMixin.route`` loads the page's surroundings in one query: every page the URL names,
by ``url_path`` (unique: it is the chain of slugs from the tree's root), the ancestors of the page
routing starts from, and, from a site root, its live children (the site's sections, which the
menu shows). Each row is flagged when it carries a view restriction. Then it loads the target's
specific row. The pages on the way become the breadcrumb trail, the flags answer the
view-restriction check, and the sections become the menu (``core.outline``), so none of them needs
a query of its own. A site root served as itself (the clinic home) takes one query for the same.

A page type with its own ``route`` (a ``RoutablePageMixin`` page, or a host project's page
type) still routes its part of the URL itself: the walk hands over to it where it stands.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from django.http import Http404, HttpRequest
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from clinic_pages.core.generation import cached_for_site
from clinic_pages.core.outline import (
    ancestor_paths,
    outline_of,
    remember_outline,
    sections,
    surroundings,
)


def _routes_by_url_path(page_class: type[Page] | None) -> bool:
    return page_class is not None and page_class.route is UrlPathRoutingMixin.route


def _load_specific(page: Page, request: HttpRequest) -> Page:
    """The page's specific object, with the relations its type asks to have joined.

    Kept under its site's generation: a visitor's request is the same page until it changes.
    """
    model = page.specific_class
    related = getattr(model, "route_select_related", ())

    def load() -> Page:
        return model._default_manager.select_related(*related).get(pk=page.pk)

    site = Site.find_for_request(request)  # cached on the request by Wagtail's routing
    specific = (
        load() if site is None else cached_for_site(site.pk, f"page:{page.pk}", load, request)
    )
    specific._cached_parent_obj = getattr(page, "_cached_parent_obj", None)
    return specific


def _is_root_of(page: Page, site: Site) -> bool:
    """Whether ``page`` is the site's root page or its translation (the root of another
    language's tree, beside it below the tree root)."""
    root = site.root_page
    return root.pk == page.pk or (
        page.depth == root.depth and page.translation_key == root.translation_key
    )


def _is_site_root(page: Page, request: HttpRequest) -> bool:
    site = Site.find_for_request(request)  # cached on the request by Wagtail's routing
    return site is not None and _is_root_of(page, site)


def _kept_surroundings(
    site_id: int, request: HttpRequest, root: Page, start: Page, url_paths: Sequence[str]
) -> list[Page]:
    """``surroundings``, kept under the site's generation when the URL names a page: a made-up
    URL leaves nothing behind in the cache."""
    named = "\n".join([str(root.pk), str(start.pk), *url_paths]).encode()
    digest = hashlib.blake2b(named, digest_size=16).hexdigest()
    return cached_for_site(
        site_id,
        f"surroundings:{digest}",
        lambda: surroundings(root, url_paths, below=start),
        request,
        keep=lambda rows: not url_paths or any(row.url_path == url_paths[-1] for row in rows),
    )


def _surroundings(start: Page, request: HttpRequest, url_paths: Sequence[str]) -> list[Page]:
    """The site outline's rows (``core.outline``) with the pages at ``url_paths`` below ``start``.

    The outline and the root's sections are kept for the rest of the request.
    """
    site = Site.find_for_request(request)  # cached on the request by Wagtail's routing
    if site is None:
        return surroundings(start, url_paths)
    root = start if _is_root_of(start, site) else site.root_page
    rows = _kept_surroundings(site.pk, request, root, start, url_paths)
    remember_outline(request, outline_of(root, rows, request))
    if root is start:
        start._routed_sections = sections(root, rows)
    return rows


def _mark_unrestricted(page: Page, rows: Sequence[Page]) -> None:
    # An alias takes its source's restrictions, which the rows do not show: Wagtail checks those.
    page._routed_without_restrictions = not any(row.restricted or row.alias_of_id for row in rows)


def route_below(start: Page, request: HttpRequest, components: Sequence[str]) -> RouteResult:
    """Route ``components`` (the URL's slugs) below ``start``, as ``Page.route`` would."""
    prefixes = [
        start.url_path + "/".join(components[:n]) + "/" for n in range(1, len(components) + 1)
    ]
    rows = _surroundings(start, request, prefixes)
    lineage = set(ancestor_paths(start))
    on_the_way = [row for row in rows if row.path in lineage]
    by_url_path = {row.url_path: row for row in rows if row.depth > start.depth}

    parent: Page = start
    for position, url_path in enumerate(prefixes):
        page = by_url_path.get(url_path)
        if page is None:
            raise Http404
        page._cached_parent_obj = parent
        if not _routes_by_url_path(page.specific_class):
            # Its own route takes the rest of the URL; what the walk learnt still holds for it.
            return _walked_to(page, on_the_way, request).route(request, components[position + 1 :])
        on_the_way.append(page)
        parent = page

    target = on_the_way.pop()
    return _walked_to(target, on_the_way, request).route(request, [])


def _walked_to(page: Page, ancestors: list[Page], request: HttpRequest) -> Page:
    """The page's specific object, told its ancestors and whether any of them is restricted."""
    specific = _load_specific(page, request)
    specific._routed_ancestors = list(ancestors)
    _mark_unrestricted(specific, [*ancestors, page])
    return specific


class UrlPathRoutingMixin:
    """Routes with ``route_below``; answers breadcrumbs and view restrictions from the walk.

    ``route_select_related`` names the foreign keys a page type's template reads (its listing
    image, its author), joined to the query that loads the routed page.
    """

    route_select_related: Sequence[str] = ()

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        if path_components:
            return route_below(self, request, path_components)
        if not hasattr(self, "_routed_without_restrictions") and _is_site_root(self, request):
            rows = _surroundings(self, request, [])
            lineage = [row for row in rows if row.path in set(ancestor_paths(self))]
            self._routed_ancestors = lineage[:-1]
            _mark_unrestricted(self, lineage)
        return super().route(request, path_components)

    def routed_ancestors(self) -> list[Page] | None:
        """The page's ancestors, root first, when routing loaded them; else None."""
        return getattr(self, "_routed_ancestors", None)

    def routed_sections(self) -> list[Page] | None:
        """A site root's live, public children (plain pages), when routing loaded them."""
        return getattr(self, "_routed_sections", None)

    def get_view_restrictions(self):
        # Routing saw no restriction on the page or any ancestor, and no alias whose source
        # might carry one: Wagtail's check before serving needs no query.
        if getattr(self, "_routed_without_restrictions", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
