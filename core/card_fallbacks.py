"""What a card shows when the editor left the Promote tab's listing summary and image empty.

A new page used to appear as a bare title: the card read only ``listing_summary`` and
``listing_image``. The summary now falls back to the search description, then to the page's own
summary (or its intro), and the image to the first image of the page's body, so a page is never
an empty card.

Cost: the summaries are columns the listings already load (``core.models.PAGE_CARD_FIELDS``), so
they are free. Body images are not: bodies stay deferred in listings, so the cards of one render
that lack a listing image have their first image looked up together, in one query for the
bodies and one for the images, and only when such a card exists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.db import models
from django.db.models.functions import Cast
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.images import get_image_model

# The page's own fields that stand in for an empty listing summary, in order.
SUMMARY_FIELDS = ("summary", "intro")
# The StreamField whose first image stands in for an empty listing image, and its image blocks.
BODY_FIELD = "body"
IMAGE_BLOCKS = ("figure", "image")
SUMMARY_WORDS = 40
FALLBACK_IMAGE = "_card_fallback_image"


def fallback_summary(page) -> str:
    """The page's own summary or intro as plain text, read only if already loaded (no query)."""
    loaded = vars(page)
    for name in SUMMARY_FIELDS:
        value = loaded.get(name)
        text = " ".join(strip_tags(str(value or "")).split())
        if text:
            return Truncator(text).words(SUMMARY_WORDS)
    return ""


def fallback_image(page):
    """The image ``load_card_images`` found in the page's body, if it was asked to look."""
    return getattr(page, FALLBACK_IMAGE, None)


def first_image_id(body: object) -> int | None:
    """The id of the first image block in a stream's raw JSON (a figure's or a plain image's)."""
    if isinstance(body, str):
        try:
            body = json.loads(body or "[]")
        except ValueError:
            return None
    for block in body if isinstance(body, list) else []:
        if not isinstance(block, dict) or block.get("type") not in IMAGE_BLOCKS:
            continue
        value = block.get("value")
        if isinstance(value, dict):  # a figure's {"image": {...}} or an ImageBlock's dict
            value = value.get("image", value)
        if isinstance(value, dict):
            value = value.get("image")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _bodies(pages: list) -> dict[int, object]:
    """Each page's raw body JSON by id, for every page type at once (one query)."""
    if not pages:
        return {}
    by_model: dict[type, list[int]] = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page.pk)
    queries = [
        model._default_manager.filter(pk__in=ids)
        .order_by()
        .values_list("pk", Cast(BODY_FIELD, output_field=models.TextField()))
        for model, ids in by_model.items()
    ]
    query = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    return dict(query.order_by())  # a union may not inherit the first model's Meta.ordering


def _has_body(page) -> bool:
    meta = getattr(page, "_meta", None)
    return meta is not None and any(f.name == BODY_FIELD for f in meta.concrete_fields)


def load_card_images(pages: Iterable) -> None:
    """Find the body image of every card without a listing image, in at most two queries."""
    lacking = [
        page
        for page in pages
        if page is not None
        and getattr(page, "pk", None)
        and not getattr(page, "listing_image_id", None)
        and not hasattr(page, FALLBACK_IMAGE)
        and _has_body(page)
    ]
    if not lacking:
        return
    # A page rendered in full has its body already; listings defer it.
    loaded = {p.pk: list(p.body.raw_data) for p in lacking if BODY_FIELD in vars(p)}
    bodies = {**_bodies([p for p in lacking if p.pk not in loaded]), **loaded}
    image_ids = {pk: first_image_id(body) for pk, body in bodies.items()}
    images = get_image_model().objects.in_bulk({i for i in image_ids.values() if i})
    for page in lacking:
        setattr(page, FALLBACK_IMAGE, images.get(image_ids.get(page.pk)))
