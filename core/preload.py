"""Objects a page's body chooses, loaded together with the page's other rows of their model.

A StreamField loads the objects chosen in its blocks one query per block type (Wagtail's
``ChooserBlock.bulk_to_python`` calls ``in_bulk``): a treatment citing references in evidence
findings and in protocol steps, and listing others below, asked for references three times.
``chosen_ids`` reads the ids of one model chosen anywhere in a body from its raw data, without
converting it; a page loads those rows with its own in one query, and converts the body inside
``preloaded(rows)``, where ``PreloadingQuerySet.in_bulk`` (the manager of a model that opts in)
answers from them. Outside that block, or for any id it was not given, ``in_bulk`` queries as
usual, so a missing row is never invented.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models
from wagtail import blocks

from clinic_pages.core.child_rows import rows_together

_PRELOADED: ContextVar[dict[type[models.Model], dict[object, models.Model]] | None] = ContextVar(
    "clinic_pages_preloaded", default=None
)


def _walk(block: blocks.Block, raw, model: type[models.Model]) -> Iterator[object]:
    if raw is None:
        return
    if isinstance(block, blocks.ChooserBlock):
        if issubclass(block.model_class, model) and raw != "":
            yield raw
    elif isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                yield from _walk(child, item.get("value"), model)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _walk(child, raw.get(name), model)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            is_wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            yield from _walk(block.child_block, item["value"] if is_wrapped else item, model)


def chosen_ids(stream_value, model: type[models.Model]) -> list[object]:
    """Primary keys of ``model`` chosen anywhere in the body, in reading order."""
    if not stream_value:
        return []
    return list(_walk(stream_value.stream_block, list(stream_value.raw_data), model))


def _chooser_models(block: blocks.Block) -> Iterator[type[models.Model]]:
    if isinstance(block, blocks.ChooserBlock):
        yield block.model_class
    elif isinstance(block, blocks.ListBlock):
        yield from _chooser_models(block.child_block)
    elif isinstance(block, (blocks.StreamBlock, blocks.StructBlock)):
        for child in block.child_blocks.values():
            yield from _chooser_models(child)


def preloadable_choices(stream_value) -> dict[type[models.Model], list[object]]:
    """The ids chosen in the body for each model whose manager can take them preloaded."""
    if not stream_value:
        return {}
    found = {}
    for model in dict.fromkeys(_chooser_models(stream_value.stream_block)):
        if isinstance(model.objects.all(), PreloadingQuerySet):
            ids = chosen_ids(stream_value, model)
            if ids:
                found[model] = ids
    return found


def with_choices(stream_value, parts: dict[str, models.QuerySet]) -> dict[str, list]:
    """``parts`` (a page's own short lists) and the preloadable objects its body chooses, in one
    query (``core.child_rows``); the body is converted now, with those objects at hand."""
    chosen = preloadable_choices(stream_value)
    labels = {model: model._meta.label for model in chosen}
    parts = {**parts, **{labels[m]: m.objects.filter(pk__in=ids) for m, ids in chosen.items()}}
    rows = rows_together(parts)
    with preloaded(row for model in chosen for row in rows[labels[model]]):
        list(stream_value or [])
    return rows


@contextmanager
def preloaded(rows: Iterable[models.Model]) -> Iterator[None]:
    """Within the block, ``in_bulk`` of these rows' models answers from ``rows``."""
    known: dict[type[models.Model], dict[object, models.Model]] = {}
    for row in rows:
        known.setdefault(type(row), {})[row.pk] = row
    token = _PRELOADED.set(known)
    try:
        yield
    finally:
        _PRELOADED.reset(token)


class PreloadingQuerySet(models.QuerySet):
    """A QuerySet whose plain ``in_bulk(ids)`` reads the rows given to ``preloaded``."""

    def in_bulk(self, id_list=None, *, field_name="pk"):
        known = (_PRELOADED.get() or {}).get(self.model)
        plain = field_name == "pk" and not self.query.where and id_list is not None
        if known and plain:
            ids = {self.model._meta.pk.to_python(pk) for pk in id_list}
            if ids <= known.keys():
                return {pk: known[pk] for pk in ids}
        return super().in_bulk(id_list, field_name=field_name)
