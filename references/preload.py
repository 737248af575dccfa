"""A page's listed references and those its body cites, in one query.

A treatment lists references (an inline panel of links) and cites others in its evidence and
protocol blocks; each came with a query of its own. ``listed_and_cited`` asks for them together,
each listed one annotated with its place in the list, and ``numbered`` converts the body with
them at hand (``clinic_pages.core.preload``), so the blocks' choosers ask nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Model, OuterRef, Q, QuerySet, Subquery

from clinic_pages.core.preload import chosen_ids, preloaded
from clinic_pages.references.citations import ReferenceList
from clinic_pages.references.models import Reference


def listed_and_cited(links: QuerySet, cited: Iterable) -> QuerySet:
    """References linked by ``links`` (annotated with their place: ``_listed_at``, ``_listed_link``) or in ``cited``."""
    place = links.filter(reference=OuterRef("pk")).order_by("sort_order", "pk")
    return (
        Reference.objects.filter(Q(pk__in=links.values("reference_id")) | Q(pk__in=list(cited)))
        .annotate(
            _listed_at=Subquery(place.values("sort_order")[:1]),
            _listed_link=Subquery(place.values("pk")[:1]),
        )
        .order_by("pk")
    )


def _list_order(reference: Reference) -> tuple:
    """The links' order (``order_by("sort_order")``, an unset sort order first, then by link)."""
    place = reference._listed_at
    return (place is not None, place or 0, reference._listed_link)


def numbered(rows: Iterable[Reference], stream_value, also: Iterable[Model] = ()) -> ReferenceList:
    """The numbered list from ``listed_and_cited`` rows; the body is converted with those rows
    (and ``also``, other objects it chooses) preloaded."""
    rows = list(rows)
    listed = sorted((r for r in rows if r._listed_link is not None), key=_list_order)
    with preloaded([*rows, *also]):
        return ReferenceList.from_page(listed, stream_value)


def page_references(links, stream_value) -> ReferenceList:
    """Numbered references: ``links`` (rows with a ``reference``) first, then those cited only
    in ``stream_value``, with one query for both."""
    cited = chosen_ids(stream_value, Reference)
    rows = links.all()
    if isinstance(rows, QuerySet):
        return numbered(listed_and_cited(rows, cited), stream_value)
    listed = [link.reference for link in rows]  # a preview's links, in memory
    with preloaded(Reference.objects.filter(pk__in=cited)):
        return ReferenceList.from_page(listed, stream_value)
