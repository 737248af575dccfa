"""Tags of long pages: the table of contents around their sections, and the body's ending.

``{% table_of_contents %}…{% end_table_of_contents %}`` renders the sections it wraps and puts
the list of their headings before them, or beside them on wide screens (``core.contents``),
when there are enough of them.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from clinic_pages.core import contents

register = template.Library()

TEMPLATE = "clinic_pages/includes/toc.html"


@register.simple_tag
def heading_anchors(body) -> dict[int, str]:
    """``{% heading_anchors body as anchors %}``: the id of each block's heading, by position."""
    return contents.heading_anchors(body)


@register.simple_tag
def page_body(body) -> contents.PageBody:
    """``{% page_body page.body as body %}``: the blocks, and the closing call to action."""
    return contents.page_body(body)


class TableOfContentsNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> SafeString:
        sections = self.nodelist.render(context)
        entries = contents.contents(sections)
        if len(entries) < contents.MIN_SECTIONS:
            # Both parts come from the template engine, which escaped what needed it.
            return mark_safe(sections)
        # The template sets the list beside the sections on wide screens, above them on narrow.
        return render_to_string(
            TEMPLATE,
            {"entries": entries, "sections": mark_safe(sections)},
            request=context.get("request"),
        )


@register.tag("table_of_contents")
def table_of_contents(parser, token) -> TableOfContentsNode:
    nodelist = parser.parse(("end_table_of_contents",))
    parser.delete_first_token()
    return TableOfContentsNode(nodelist)
