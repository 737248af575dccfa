"""Which pages anyone may see: the site's restricted sections, looked up once per request.

Wagtail's ``PageQuerySet.public()`` loads every view restriction of the install on each call (one
query per call: a page with a menu, a listing and its neighbours made three) and then excludes
their subtrees. Here the paths of the restricted pages of the request's site are looked up once:
routing brings them with the page (``core.routing``), other views read them from the cache under
the site's content generation (a restriction change bumps it), and listings exclude those subtrees
in their own query, which needs no condition at all when nothing is restricted, as is usual.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Page, PageViewRestriction, Site

from clinic_pages.core.generation import cached_for_site

REQUEST_ATTRIBUTE = "_clinic_pages_restricted_paths"


def ancestor_paths(page: Page) -> list[str]:
    """The materialised paths of the page's ancestors and its own, root first."""
    return [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]


def restrictions_of_site(root: Page) -> Q:
    """Restrictions that can hide pages of the site: in its tree, or above its root."""
    return Q(page__path__startswith=root.path) | Q(page__path__in=ancestor_paths(root))


def remember_restricted_paths(request: HttpRequest, paths: Iterable[str]) -> None:
    setattr(request, REQUEST_ATTRIBUTE, tuple(sorted(set(paths))))


def restricted_paths(request: HttpRequest | None) -> tuple[str, ...]:
    """Paths of the pages with a view restriction that can hide pages of the request's site."""
    paths = getattr(request, REQUEST_ATTRIBUTE, None)
    if paths is not None:
        return paths
    site = Site.find_for_request(request) if request is not None else None
    if site is None:  # no site to narrow to: every restriction of the install
        return tuple(set(PageViewRestriction.objects.values_list("page__path", flat=True)))

    def lookup() -> tuple[str, ...]:
        restrictions = PageViewRestriction.objects.filter(restrictions_of_site(site.root_page))
        return tuple(sorted(set(restrictions.values_list("page__path", flat=True))))

    paths = cached_for_site(site.pk, "restricted-paths", lookup, request)
    remember_restricted_paths(request, paths)
    return paths


def is_restricted(path: str, paths: Iterable[str]) -> bool:
    """Whether a page at ``path`` lies in a restricted section (its own or an ancestor's)."""
    return any(path.startswith(restricted) for restricted in paths)


def public_pages(
    pages: QuerySet, request: HttpRequest | None, path_field: str = "path"
) -> QuerySet:
    """``pages.public()`` without its query: rows outside the site's restricted sections.

    ``path_field`` names the page's path when the rows are not pages (``"treatment__path"``).
    """
    paths = restricted_paths(request)
    if not paths:
        return pages
    return pages.exclude(reduce(or_, (Q(**{f"{path_field}__startswith": p}) for p in paths)))
