"""``{% structured_data %}``, ``{% social_meta %}`` and ``{% language_versions %}`` for ``base.html``.

Both read ``page`` and ``request`` from the template context, so they work on every page
(and output only the site-wide nodes, or nothing, on views without a page).
"""

from __future__ import annotations

import dataclasses
import json

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from clinic_pages.seo.jsonld import build_graph
from clinic_pages.seo.jsonld.caching import cached_script
from clinic_pages.seo.languages import LanguageVersion
from clinic_pages.seo.languages import language_versions as page_language_versions
from clinic_pages.seo.social import social_meta as build_social_meta

register = template.Library()

# Inside <script>, '</script>' or '<!--' in a page title would end or confuse the element;
# JSON allows these characters as \u escapes, which parsers read back unchanged.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_script_text(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(
        JSON_SCRIPT_ESCAPES
    )


def _sub_route(page: Page, request) -> str:
    """On a routable page's sub-page (an office's page below the offices page), the path below
    the page: the sub-page's own address, and the same route below the page's translations."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or not (match.args or match.kwargs):
        return ""
    base = page.get_url(request) or ""
    path = request.path
    return path[len(base) :] if base and path.startswith(base) else ""


def _page(context) -> Page | None:
    page = context.get("page")
    # Paginated views put a paginator page under the same name; only Wagtail pages count.
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def structured_data(context) -> SafeString:
    page, request = _page(context), context.get("request")

    def build() -> str:
        graph = build_graph(page, request, context.flatten())
        if graph is None:
            return ""
        return f'<script type="application/ld+json">{json_script_text(graph)}</script>'

    # Safe: json_script_text escapes <, > and &, so the JSON cannot close the element.
    return mark_safe(cached_script(page, request, build))


@register.simple_tag(takes_context=True)
def social_meta(context) -> str:
    page = _page(context)
    if page is None:
        return ""
    request = context.get("request")
    meta = build_social_meta(page, request)
    suffix = _sub_route(page, request)
    if suffix:  # a sub-page: its own address, and its title when the view names one
        title = context.get("sub_page_title") or meta.title
        meta = dataclasses.replace(meta, url=meta.url + suffix, title=title)
    return render_to_string("clinic_pages/seo/social_meta.html", {"meta": meta})


@register.simple_tag(takes_context=True)
def language_versions(context) -> list[LanguageVersion]:
    """The page in each of the clinic's languages it is published in (none when only one):
    ``hreflang`` links in the head, the language switcher in the header."""
    page, request = _page(context), context.get("request")
    if page is None:
        return []
    suffix = _sub_route(page, request)
    versions = page_language_versions(page, request)
    return [dataclasses.replace(v, url=v.url + suffix) for v in versions] if suffix else versions
