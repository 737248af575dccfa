"""The renditions a page shows, loaded together: one query for every image on the page.

Wagtail looks renditions up per image: a page with a logo, a share image and twelve cards asked
the database fourteen times, and ``prefetch_related("renditions")`` loads every rendition ever
made of each image, not the few the page uses. ``prefetch_renditions`` takes the images a page
shows with the filter specs its templates use, reads what Wagtail's rendition cache already
holds, and loads the rest in one query.

The specs below must stay equal to the ones in the templates' ``{% picture %}`` tags (the
template names each constant beside its tag). A spec that drifts only costs queries, and the
query-count tests fail on it: an image whose spec was not prefetched is looked up on its own.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from django.db import models
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, Filter

from clinic_pages.core.card_fallbacks import load_card_images

# core/templates/clinic_pages/base.html (header) and seo.jsonld (the practice's logo).
LOGO = "max-360x120|format-{avif,webp,png}"
LOGO_JSONLD = "max-600x600"
# seo.social: the image shared on social networks; seo.jsonld: an article's image.
SHARE = "fill-1200x630"
# includes/page_card.html
CARD = "fill-{400x225,800x450}|format-{avif,webp,jpeg}"
# Physician cards on the home page and the physicians index.
PORTRAIT_CARD = "fill-{240x240,480x480}|format-{avif,webp,jpeg}"
# physicians/physician_page.html, and the physician's JSON-LD image.
PORTRAIT = "fill-{320x320,640x640}|format-{avif,webp,jpeg}"
PORTRAIT_JSONLD = "fill-400x400"
# home/hero.html: the hero's crops are the clinic's theme's (core.themes: hero_wide, hero_narrow).
# core/blocks/figure.html
FIGURE = "width-{400,800,1200}|format-{avif,webp,jpeg}"

# A page's share image: its listing image, else a physician's portrait, else a home page's hero.
SHARE_IMAGE_FIELDS = ("listing_image", "photo", "hero_image")

ImageSpecs = Iterable[tuple["AbstractImage | CardImageOf | None", str]]


@cache
def _filter(spec: str) -> Filter:
    """One Filter per spec for the process: Wagtail parses its operations once, on first use."""
    return Filter(spec=spec)


def share_image_of(page) -> AbstractImage | None:
    return next(
        (getattr(page, name) for name in SHARE_IMAGE_FIELDS if getattr(page, name, None)), None
    )


def prefetch_renditions(wanted: ImageSpecs) -> None:
    """Give each image the renditions of its specs, so rendering it asks nothing more.

    ``wanted`` pairs an image (None is skipped), or a ``CardImageOf`` a page, with a spec
    pattern such as ``CARD``. Renditions
    in Wagtail's cache cost no query; the others come in one, and go into the cache for the next
    render. Renditions never made before are made when the template asks, as usual.
    """
    Rendition = get_image_model().get_rendition_model()
    wanted = _with_card_images(wanted)
    instances: dict[int, list[AbstractImage]] = defaultdict(list)
    filters: dict[int, dict[str, Filter]] = defaultdict(dict)
    for image, pattern in wanted:
        if image is None:
            continue
        instances[image.pk].append(image)
        for spec in Filter.expand_spec(pattern):
            filters[image.pk].setdefault(spec, _filter(spec))
    if not instances:
        return

    def cache_key(image: AbstractImage, spec_filter: Filter) -> str:
        return Rendition.construct_cache_key(
            image, spec_filter.get_cache_key(image), spec_filter.spec
        )

    keys = {
        cache_key(images[0], spec_filter): (pk, spec_filter)
        for pk, images in instances.items()
        for spec_filter in filters[pk].values()
    }
    found: dict[int, list] = defaultdict(list)
    for key, rendition in Rendition.cache_backend.get_many(list(keys)).items():
        found[keys[key][0]].append(rendition)
    missing = [
        (pk, spec_filter)
        for key, (pk, spec_filter) in keys.items()
        if not any(r.filter_spec == spec_filter.spec for r in found[pk])
    ]
    if missing:
        # Two plain IN lists, not one condition per rendition (a hundred cards would make an
        # expression too deep for SQLite); the focal point key is matched here.
        wanted_keys = {(pk, f.spec, f.get_cache_key(instances[pk][0])) for pk, f in missing}
        candidates = Rendition.objects.filter(
            image_id__in={pk for pk, _ in missing},
            filter_spec__in={spec_filter.spec for _, spec_filter in missing},
        )
        loaded = [
            r for r in candidates if (r.image_id, r.filter_spec, r.focal_point_key) in wanted_keys
        ]
        for rendition in loaded:
            rendition.image = instances[rendition.image_id][0]  # its cache key reads the image
            found[rendition.image_id].append(rendition)
        Rendition.cache_backend.set_many({r.get_cache_key(): r for r in loaded})

    for pk, images in instances.items():
        for image in images:
            renditions = [copy.copy(r) for r in found[pk]]
            for rendition in renditions:
                rendition.image = image  # alt text and contextual alt text come from this image
            image.prefetched_renditions = renditions


def load_image_fields(obj: models.Model, *fields: str) -> None:
    """Load several image foreign keys of one object in one query (e.g. a hero and a listing)."""
    ids = {
        getattr(obj, f"{field}_id")
        for field in fields
        if getattr(obj, f"{field}_id") and not obj._meta.get_field(field).is_cached(obj)
    }
    if not ids:
        return
    images = get_image_model().objects.in_bulk(ids)
    for field in fields:
        image = images.get(getattr(obj, f"{field}_id"))
        if image is not None:
            setattr(obj, field, image)


@dataclass(frozen=True)
class CardImageOf:
    """A card's image, known once every card of the render has had its fallback looked up.

    A card without a listing image shows its body's first image (``core.card_fallbacks``); the
    cards of all of a page's listings are looked up together in ``prefetch_renditions``.
    """

    page: object


def cards(pages: Iterable, field: str = "listing_image", spec: str = CARD) -> ImageSpecs:
    """The card images of a listing (``page_card.html`` shows each page's ``card_image``)."""
    if field == "listing_image":
        return [(CardImageOf(page), spec) for page in pages]
    return [(getattr(page, field), spec) for page in pages]


def _with_card_images(wanted: ImageSpecs) -> list[tuple[AbstractImage | None, str]]:
    wanted = list(wanted)
    load_card_images(item.page for item, _ in wanted if isinstance(item, CardImageOf))
    return [
        (item.page.card_image if isinstance(item, CardImageOf) else item, spec)
        for item, spec in wanted
    ]


def figures(stream_value) -> ImageSpecs:
    """The images of a body's figure blocks (``core/blocks/figure.html``)."""
    if not stream_value:
        return []
    return [(block.value["image"], FIGURE) for block in stream_value.blocks_by_name("figure")]
