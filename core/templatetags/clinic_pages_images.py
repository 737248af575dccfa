"""``{% responsive_picture %}``: Wagtail's ``{% picture %}`` with each width listed once;
``{% art_directed_picture %}``: a picture with its own crop per breakpoint.

A source image smaller than the largest size asked for gives several renditions of its own
width (Wagtail never upscales), and Wagtail lists each of them: ``a.jpg 1280w, b.jpg 1280w``.
Two candidates with one width descriptor make the ``srcset`` invalid HTML, and the browser
may download both. The tag takes the same arguments as ``{% picture %}`` (not its ``as`` form).
"""

from __future__ import annotations

import re

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.images.models import Filter
from wagtail.images.templatetags.wagtailimages_tags import PictureNode, image

register = template.Library()

SRCSET = re.compile(r'srcset="([^"]*)"')


def distinct_widths(srcset: str) -> str:
    """The candidates of a ``srcset``, the first of each width descriptor only."""
    seen: set[str] = set()
    kept = []
    for candidate in srcset.split(", "):
        descriptor = candidate.rsplit(" ", 1)[-1]
        if descriptor not in seen:
            seen.add(descriptor)
            kept.append(candidate)
    return ", ".join(kept)


class DistinctWidthsPictureNode(PictureNode):
    def render(self, context) -> SafeString | str:
        html = super().render(context)
        if not html:
            return html
        # Wagtail's own escaped markup, with repeated candidates taken out.
        return mark_safe(
            SRCSET.sub(lambda match: f'srcset="{distinct_widths(match.group(1))}"', html)
        )


@register.tag
def responsive_picture(parser, token) -> DistinctWidthsPictureNode:
    contents = token.contents.split(None, 1)
    token.contents = " ".join(["picture", *contents[1:]])  # Wagtail parses by its own tag name
    node = image(parser, token)
    if node.output_var_name:
        raise template.TemplateSyntaxError("responsive_picture renders in place: no 'as' form")
    return DistinctWidthsPictureNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )


MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}


def _renditions_by_format(image, pattern: str) -> dict[str, list]:
    """The renditions of ``pattern`` (e.g. ``fill-{480x360,960x720}|format-{avif,webp,jpeg}``)
    by format, in the pattern's order, each width once (as ``distinct_widths``)."""
    specs = Filter.expand_spec(pattern)
    renditions = image.get_renditions(*specs)
    by_format: dict[str, dict[int, object]] = {}
    for spec in specs:
        image_format = next(
            (
                part.removeprefix("format-")
                for part in spec.split("|")
                if part.startswith("format-")
            ),
            "jpeg",
        )
        rendition = renditions[spec]
        by_format.setdefault(image_format, {}).setdefault(rendition.width, rendition)
    return {name: list(widths.values()) for name, widths in by_format.items()}


def _srcset(renditions: list) -> str:
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


@register.simple_tag
def art_directed_picture(
    image, wide: str, narrow: str, media: str, sizes_wide: str, sizes_narrow: str, **attrs
) -> SafeString | str:
    """A ``<picture>`` with one crop where ``media`` matches and another below it, each in
    every format of its pattern: a wide hero can be a tall one on phones. Wagtail's ``fill``
    crops keep the image's focal point in frame, so each crop shows what the editor marked.
    The last format of ``narrow`` is the ``<img>`` fallback; ``attrs`` go on the ``<img>``.
    """
    if not image:
        return ""
    wide_sets = _renditions_by_format(image, wide)
    narrow_sets = _renditions_by_format(image, narrow)
    *narrow_sources, (_, fallback) = narrow_sets.items()
    sources = [
        format_html(
            '<source media="{}" type="{}" srcset="{}" sizes="{}" width="{}" height="{}">',
            media,
            MIME_TYPES.get(name, f"image/{name}"),
            _srcset(renditions),
            sizes_wide,
            renditions[0].width,
            renditions[0].height,
        )
        for name, renditions in wide_sets.items()
    ]
    sources += [
        format_html(
            '<source type="{}" srcset="{}" sizes="{}" width="{}" height="{}">',
            MIME_TYPES.get(name, f"image/{name}"),
            _srcset(renditions),
            sizes_narrow,
            renditions[0].width,
            renditions[0].height,
        )
        for name, renditions in narrow_sources
    ]
    img_attrs = {
        "src": fallback[0].url,
        "srcset": _srcset(fallback),
        "sizes": sizes_narrow,
        "width": fallback[0].width,
        "height": fallback[0].height,
        **attrs,
    }
    img = format_html("<img{}>", flatatt(img_attrs))
    return format_html("<picture>{}{}</picture>", mark_safe("".join(sources)), img)
