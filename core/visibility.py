"""Which pages anyone may see: listings leave out the site's restricted sections.

Wagtail's ``PageQuerySet.public()`` loads every view restriction of the install on each call (one
query per call: a page with a menu, a listing and its neighbours made three) and then excludes
their subtrees. Here the restricted sections come with the site's outline (``core.outline``),
looked up once per request at most, and a listing excludes them in its own query; when nothing
is restricted, as is usual, it needs no condition at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import PageViewRestriction

from clinic_pages.core.outline import site_outline


def restricted_paths(request: HttpRequest | None) -> tuple[str, ...]:
    """Paths of the pages whose view restriction can hide pages of the request's site."""
    outline = site_outline(request) if request is not None else None
    if outline is None:  # no site to narrow to: every restriction of the install
        return tuple(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
    return outline.restricted_paths


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
