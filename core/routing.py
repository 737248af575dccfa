"""Routing a visitor's URL to a page in two queries, whatever its depth.

Wagtail's ``Page.route`` walks the URL one slug at a time, two queries per level (the child, then
its specific row), and its view-restriction check then loads the ancestors and their restrictions
(two more). A treatment at ``/treatments/ketamine/`` took six queries before any content.

``UrlPathRoutingMixin.route`` loads the whole path at once: every page the URL names, by
``url_path`` (unique: it is the chain of slugs from the tree's root), plus the ancestors of the
page routing starts from, each flagged when it carries a view restriction. Then it loads the
target's specific row. The pages on the way become the breadcrumb trail, and the flags answer the
view-restriction check, so neither needs a query of its own.

A page type with its own ``route`` (a ``RoutablePageMixin`` page, or a host project's page
type) still routes its part of the URL itself: the walk hands over to it where it stands.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpRequest
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult


def ancestor_paths(page: Page, inclusive: bool = True) -> list[str]:
    """The materialised paths of the page's ancestors (and its own), root first."""
    end = len(page.path) + (page.steplen if inclusive else 0)
    return [page.path[:end] for end in range(page.steplen, end, page.steplen)]


def _routes_by_url_path(page_class: type[Page] | None) -> bool:
    return page_class is not None and page_class.route is UrlPathRoutingMixin.route


def _load_specific(page: Page) -> Page:
    """The page's specific object, with the relations its type asks to have joined."""
    model = page.specific_class
    related = getattr(model, "route_select_related", ())
    specific = model._default_manager.select_related(*related).get(pk=page.pk)
    specific._cached_parent_obj = getattr(page, "_cached_parent_obj", None)
    return specific


def route_below(start: Page, request: HttpRequest, components: Sequence[str]) -> RouteResult:
    """Route ``components`` (the URL's slugs) below ``start``, as ``Page.route`` would."""
    prefixes = [
        start.url_path + "/".join(components[:n]) + "/" for n in range(1, len(components) + 1)
    ]
    rows = (
        Page.objects.filter(
            Q(path__in=ancestor_paths(start))
            | Q(url_path__in=prefixes, path__startswith=start.path, depth__gt=start.depth)
        )
        .annotate(restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))))
        .order_by("depth")
    )
    on_the_way = [row for row in rows if row.depth <= start.depth]
    by_url_path = {row.url_path: row for row in rows if row.depth > start.depth}

    parent: Page = start
    for position, url_path in enumerate(prefixes):
        page = by_url_path.get(url_path)
        if page is None:
            raise Http404
        page._cached_parent_obj = parent
        if not _routes_by_url_path(page.specific_class):
            return page.specific.route(request, components[position + 1 :])
        on_the_way.append(page)
        parent = page

    target = on_the_way.pop()
    specific = _load_specific(target)
    specific._routed_ancestors = on_the_way
    specific._routed_without_restrictions = not any(
        row.restricted or row.alias_of_id for row in [*on_the_way, target]
    )
    return specific.route(request, [])


class UrlPathRoutingMixin:
    """Routes with ``route_below``; answers breadcrumbs and view restrictions from the walk.

    ``route_select_related`` names the foreign keys a page type's template reads (its listing
    image, its author), joined to the query that loads the routed page.
    """

    route_select_related: Sequence[str] = ()

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        if not path_components:
            return super().route(request, path_components)
        return route_below(self, request, path_components)

    def routed_ancestors(self) -> list[Page] | None:
        """The page's ancestors, root first, when routing loaded them; else None."""
        return getattr(self, "_routed_ancestors", None)

    def get_view_restrictions(self):
        # Routing saw no restriction on the page or any ancestor, and no alias whose source
        # might carry one: Wagtail's check before serving needs no query.
        if getattr(self, "_routed_without_restrictions", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
