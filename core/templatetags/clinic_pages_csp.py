"""``{% inline_style %}…{% endinline_style %}``: an inline ``<style>`` the page's CSP allows by hash.

See ``clinic_pages.core.csp``: a hash, unlike a nonce, keeps the page's HTML cacheable.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from clinic_pages.core.csp import allow_inline_style

register = template.Library()


class InlineStyleNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        css = self.nodelist.render(context).strip()
        if not css:
            return ""
        allow_inline_style(context.get("request"), css)
        return format_html("<style>{}</style>", css)


@register.tag
def inline_style(parser: template.base.Parser, token: template.base.Token) -> InlineStyleNode:
    nodelist = parser.parse(("endinline_style",))
    parser.delete_first_token()
    return InlineStyleNode(nodelist)
