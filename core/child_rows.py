"""Several short lists of rows in one query, whatever their models.

A physician's specialties, certifications and education, or a condition's symptoms and causes,
are short lists that the template and the JSON-LD both read: one query each. ``rows_together``
asks for all of them at once with ``UNION ALL``: each part puts its rows' columns (and its own
annotations) into one JSON object (``JSONObject``, which SQLite, PostgreSQL and MySQL all build)
beside the list's position and each row's place in its own ordering (``ROW_NUMBER``), so lists of
different shapes share one result. Each row comes back as an instance of its model, as the
queryset would have returned it, with the annotations as attributes.

``child_lists`` does this for child relations of one object; children held in memory (a preview,
a revision being compared) are read from there, as modelcluster's managers do.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, IntegerField, Value, Window
from django.db.models.functions import JSONObject, RowNumber
from django.utils import timezone


def _ordering(queryset: models.QuerySet) -> list:
    names = queryset.query.order_by or queryset.model._meta.ordering or ["pk"]
    return [F(name[1:]).desc() if name.startswith("-") else F(name).asc() for name in names]


def _part(position: int, queryset: models.QuerySet) -> models.QuerySet:
    columns = {field.attname: F(field.attname) for field in queryset.model._meta.concrete_fields}
    columns |= {name: F(name) for name in queryset.query.annotations}
    return (
        queryset.annotate(
            _list=Value(position, output_field=IntegerField()),
            _place=Window(RowNumber(), order_by=_ordering(queryset)),
            _row=JSONObject(**columns),
        )
        .order_by()
        .values_list("_list", "_place", "_row")
    )


def _value(field: models.Field, value):
    value = field.to_python(value)
    if isinstance(value, datetime.datetime) and settings.USE_TZ and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)  # stored in UTC, as from_db reads it
    return value


def _instance(queryset: models.QuerySet, values: dict, db: str) -> models.Model:
    fields = queryset.model._meta.concrete_fields
    names = [field.attname for field in fields]
    instance = queryset.model.from_db(
        db, names, [_value(field, values.get(field.attname)) for field in fields]
    )
    for name in queryset.query.annotations:
        setattr(instance, name, values.get(name))
    return instance


def rows_together(parts: dict[str, models.QuerySet]) -> dict[str, list[models.Model]]:
    """``{name: list(queryset)}`` for each part, in one query. Parts may not be sliced."""
    lists: dict[str, list[models.Model]] = {name: [] for name in parts}
    if not parts:
        return lists
    named = list(parts.items())
    queries = [_part(position, queryset) for position, (_, queryset) in enumerate(named)]
    union = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    # Django 6.1 gives a union its first model's Meta.ordering, whose columns the JSON rows do
    # not select; the rows are put in order below.
    union = union.order_by()
    for position, _place, values in sorted(union, key=lambda row: (row[0], row[1])):
        name, queryset = named[position]
        lists[name].append(_instance(queryset, values, union.db))
    return lists


def child_lists(instance: models.Model, *relations: str) -> dict[str, list[models.Model]]:
    """``{name: list(instance.<name>.all())}`` for each relation name, in one query at most."""
    in_memory: dict[str, list[models.Model]] = {}
    parts: dict[str, models.QuerySet] = {}
    for name in relations:
        rows = getattr(instance, name).all()
        if isinstance(rows, models.QuerySet):
            parts[name] = rows
        else:  # modelcluster's in-memory children
            in_memory[name] = list(rows)
    return {**rows_together(parts), **in_memory}


def with_children(queryset: models.QuerySet, *relations: str) -> list[models.Model]:
    """The rows of ``queryset`` with their ``relations`` (reverse foreign keys) prefetched, in
    one query: ``prefetch_related(*relations)`` without its further queries."""
    parts: dict[str, models.QuerySet] = {"parents": queryset}
    fields = {}
    for relation in relations:
        rel = queryset.model._meta.get_field(relation)
        fields[relation] = rel
        parts[relation] = rel.related_model._default_manager.filter(
            **{f"{rel.field.name}__in": queryset.values("pk")}
        )
    lists = rows_together(parts)
    for parent in lists["parents"]:
        parent._prefetched_objects_cache = {}
    by_pk = {parent.pk: parent for parent in lists["parents"]}
    for relation, rel in fields.items():
        by_parent: dict[object, list[models.Model]] = {}
        for child in lists[relation]:
            by_parent.setdefault(getattr(child, rel.field.attname), []).append(child)
        cache_name = rel.cache_name if hasattr(rel, "cache_name") else rel.get_cache_name()
        for pk, parent in by_pk.items():
            prefetched = getattr(parent, relation).all()
            prefetched._result_cache = by_parent.get(pk, [])
            prefetched._prefetch_done = True
            parent._prefetched_objects_cache[cache_name] = prefetched
    return lists["parents"]
