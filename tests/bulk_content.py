"""Content in bulk for the query-count tests: a hundred pages, images or links in a few queries.

The factories save one page at a time through Wagtail and treebeard (tens of milliseconds each);
growing a clinic to a hundred items of every kind that way would make each test take a minute.
These helpers write the rows directly: live pages with their tree paths, images that share one
uploaded file with their renditions already made (so the first render generates no files), and
the link rows that tie them together. Nothing here creates revisions or search-index entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Model
from django.utils import timezone
from wagtail.images.models import Filter, Image, Rendition
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page


def add_pages(
    parent: Page, model: type[Page], count: int, fields: Callable[[int], dict] | None = None
) -> list[Page]:
    """``count`` live children of ``parent``, after its existing ones; ``fields(n)`` adds values."""
    parent.refresh_from_db()
    last = parent.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    pages = []
    for n in range(count):
        values = {"title": f"{model._meta.verbose_name} {n}", **(fields(n) if fields else {})}
        slug = values.pop("slug", f"{model._meta.model_name}-{first_step + n}")
        pages.append(
            model(
                slug=slug,
                path=Page._get_path(parent.path, parent.depth + 1, first_step + n),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                draft_title=values["title"],
                live=True,
                content_type=content_type,
                locale_id=parent.locale_id,
                first_published_at=now,
                last_published_at=now,
                **values,
            )
        )
    base_rows = Page.objects.bulk_create([Page(**_page_fields(page)) for page in pages])
    for page, row in zip(pages, base_rows, strict=True):
        page.id = page.page_ptr_id = row.pk
    _insert_own_rows(model, pages)
    for page in pages:  # saved now, as if loaded from the database
        page._state.adding = False
        page._state.db = row._state.db
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    return pages


def _page_fields(page: Page) -> dict:
    return {
        f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields if not f.primary_key
    }


def _insert_own_rows(model: type[Page], pages: Sequence[Page]) -> None:
    """The page type's own table (multi-table inheritance rules out ``bulk_create``)."""
    fields = list(model._meta.local_concrete_fields)
    model._base_manager._insert(pages, fields=fields)


def add_images(count: int, *patterns: str) -> list[Image]:
    """``count`` images sharing one file, with renditions for ``patterns`` (``core.images``)."""
    template = Image.objects.create(title="Shared file", file=get_test_image_file())
    images = Image.objects.bulk_create(
        [
            Image(
                title=f"Image {n}",
                file=template.file.name,
                width=template.width,
                height=template.height,
                file_hash=template.file_hash,
                file_size=template.file_size,
                collection_id=template.collection_id,
            )
            for n in range(count)
        ]
    )
    Rendition.objects.bulk_create(
        [
            Rendition(
                image=image,
                filter_spec=spec,
                focal_point_key=Filter(spec=spec).get_cache_key(image),
                file=template.file.name,
                width=100,
                height=100,
            )
            for image in images
            for pattern in patterns
            for spec in Filter.expand_spec(pattern)
        ]
    )
    return images


def add_links(model: type[Model], rows: Iterable[dict]) -> None:
    """Link rows (orderables, through tables) in one query, numbered in the given order."""
    objects = []
    for position, values in enumerate(rows):
        if "sort_order" in {f.name for f in model._meta.fields}:
            values = {"sort_order": position, **values}
        objects.append(model(**values))
    model.objects.bulk_create(objects)
