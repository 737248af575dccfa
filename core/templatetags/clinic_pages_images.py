"""``{% responsive_picture %}``: Wagtail's ``{% picture %}`` with each width listed once.

A source image smaller than the largest size asked for gives several renditions of its own
width (Wagtail never upscales), and Wagtail lists each of them: ``a.jpg 1280w, b.jpg 1280w``.
Two candidates with one width descriptor make the ``srcset`` invalid HTML, and the browser
may download both. The tag takes the same arguments as ``{% picture %}`` (not its ``as`` form).
"""

from __future__ import annotations

import re

from django import template
from django.utils.safestring import SafeString, mark_safe
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
