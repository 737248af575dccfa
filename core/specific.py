"""Specific pages of mixed types in one query, for listings that mix them (search results).

``PageQuerySet.specific()`` runs one query per page type in the list: a page of search results
spanning treatments, conditions, physicians and articles cost five. ``specific_in_one_query``
joins the table of every page type to the base rows instead (``select_related`` on the reverse
one-to-one links that multi-table inheritance creates) and picks each row's own.

A page type that extends another page type comes back as that first-level type, which has every
field of the abstract mixins it shares (title, listing summary, listing image).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from wagtail.models import Page, get_page_models


@cache
def _first_level_accessors() -> dict[type[Page], str]:
    """Each page type that extends Page directly, with its reverse link's name on Page."""
    return {
        model: model._meta.parents[Page].remote_field.get_accessor_name()
        for model in get_page_models()
        if model is not Page and Page in model._meta.parents and not model._meta.proxy
    }


def _accessor_for(model: type[Page] | None) -> str | None:
    accessors = _first_level_accessors()
    for candidate in model.__mro__ if model is not None else ():
        if candidate in accessors:
            return accessors[candidate]
    return None


def specific_in_one_query(pages: Iterable[Page]) -> list[Page]:
    """The pages as their specific types, in the given order, with one query for all of them."""
    pages = list(pages)
    if not pages:
        return []
    rows = Page.objects.filter(pk__in=[page.pk for page in pages]).select_related(
        *_first_level_accessors().values()
    )
    by_id = {}
    for row in rows:
        accessor = _accessor_for(row.specific_class)
        by_id[row.pk] = getattr(row, accessor) if accessor else row
    return [by_id.get(page.pk, page) for page in pages]
