"""The pages a treatment page links to, in one query.

A treatment shows the conditions it is used for, the physicians who offer it, related treatments
as cards, and the previous and next treatment of its series: four queries before, the series one
reading every sibling. ``treatment_page_lists`` asks for all of them at once: one page query
whose rows are the targets of the three link tables and the two neighbours, each row annotated
with its place in each list, and each page type's own table joined to read its fields.

A preview's links live in memory (modelcluster), not in the link tables: it says when
the query cannot be used (``lists_available``), and the page falls back to one query per list.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest
from wagtail.models import Page

from clinic_pages.core.visibility import is_restricted, public_pages, restricted_paths


@dataclass(frozen=True)
class TreatmentLists:
    conditions: list[Page]
    physicians: list[Page]
    related: list[Page]
    previous: Page | None
    following: Page | None


def _accessor(model: type[Page]) -> str:
    return model._meta.get_field("page_ptr").remote_field.get_accessor_name()


def _place(links: QuerySet, target: str, value: str) -> Subquery:
    """The ``value`` of the page's link row (``target`` names the linked page's column)."""
    rows = links.filter(**{target: OuterRef("pk")}).order_by("sort_order", "pk")
    return Subquery(rows.values(value)[:1])


def _link_order(row: Page, kind: str) -> tuple:
    place = getattr(row, f"_{kind}_at")
    return (place is not None, place or 0, getattr(row, f"_{kind}_link"))


def lists_available(page) -> bool:
    """Whether the page's links are in the database (not a preview's in-memory ones)."""
    relations = (page.condition_links, page.related_links, page.physician_links)
    return all(isinstance(relation.all(), QuerySet) for relation in relations)


def _neighbour(siblings: QuerySet, page, before: bool) -> Subquery:
    side = siblings.filter(path__lt=page.path) if before else siblings.filter(path__gt=page.path)
    return Subquery(side.order_by("-path" if before else "path").values("pk")[:1])


def _in_series(page, hidden: tuple[str, ...]) -> bool:
    return page.live and not is_restricted(page.path, hidden)


def treatment_page_lists(page, request: HttpRequest | None) -> TreatmentLists:
    treatment_model = type(page)
    condition_links = page.condition_links.all()
    related_links = page.related_links.all()
    physician_links = page.physician_links.all()
    condition_model = condition_links.model._meta.get_field("condition").related_model
    physician_model = physician_links.model._meta.get_field("page").related_model
    treatment, condition, physician = map(
        _accessor, (treatment_model, condition_model, physician_model)
    )

    siblings = public_pages(treatment_model.objects.sibling_of(page).live(), request)
    wanted = (
        Q(pk__in=condition_links.values("condition_id"))
        | Q(pk__in=related_links.values("treatment_id"))
        | Q(pk__in=physician_links.values("page_id"))
    )
    hidden = restricted_paths(request)  # once: without a request it is a query
    series = _in_series(page, hidden)
    if series:
        wanted |= Q(pk=_neighbour(siblings, page, True)) | Q(pk=_neighbour(siblings, page, False))
    rows = list(
        Page.objects.filter(wanted)
        .annotate(
            _condition_at=_place(condition_links, "condition", "sort_order"),
            _condition_link=_place(condition_links, "condition", "pk"),
            _related_at=_place(related_links, "treatment", "sort_order"),
            _related_link=_place(related_links, "treatment", "pk"),
            _physician_at=_place(physician_links, "page", "sort_order"),
            _physician_link=_place(physician_links, "page", "pk"),
        )
        .select_related(treatment, f"{treatment}__listing_image", condition, physician)
        .defer(f"{treatment}__body", f"{condition}__body")
        .order_by("path")
    )

    def listed(kind: str, accessor: str) -> list[Page]:
        """Rows linked as ``kind``, live, in link order (an unset sort order first)."""
        members = [row for row in rows if getattr(row, f"_{kind}_link") is not None and row.live]
        members.sort(key=lambda row: _link_order(row, kind))
        return [getattr(row, accessor) for row in members]

    neighbours = [
        row
        for row in rows
        if series
        and row.depth == page.depth
        and row.path[: -page.steplen] == page.path[: -page.steplen]
        and row.content_type_id == page.content_type_id
        and row.live
        and not is_restricted(row.path, hidden)
    ]
    before = [row for row in neighbours if row.path < page.path]
    after = [row for row in neighbours if row.path > page.path]
    return TreatmentLists(
        conditions=listed("condition", condition),
        physicians=listed("physician", physician),
        related=listed("related", treatment),
        previous=getattr(before[-1], treatment) if before else None,
        following=getattr(after[0], treatment) if after else None,
    )
