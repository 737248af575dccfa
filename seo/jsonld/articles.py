"""An article: headline, dates, the physician who wrote it, the practice that publishes it."""

from __future__ import annotations

from clinic_pages.articles.models import ArticlePage
from clinic_pages.core.images import SHARE
from clinic_pages.references.citations import ReferenceList

from .base import Node, PageContext, compact, ref, site_nodes, web_page
from .citations import citations
from .faqs import page_types_with_faq
from .physicians import physician_reference, therapy_reference

HEADLINE_MAX = 110  # Longer headlines are cut by search engines; we cut at a word instead.


def headline(title: str) -> str:
    if len(title) <= HEADLINE_MAX:
        return title
    return title[: HEADLINE_MAX - 1].rsplit(" ", 1)[0] + "…"


def article(ctx: PageContext, page: ArticlePage) -> Node:
    author = physician_reference(ctx, page.author) if page.author else None
    # Sources cited in evidence blocks; the body is already loaded, so this costs no query.
    cited = ReferenceList.from_page([], page.body)
    return compact(
        {
            "@type": "Article",
            "@id": ctx.page_url + "#article",
            "headline": headline(page.title),
            "description": page.summary,
            "datePublished": page.date.isoformat(),
            "dateModified": page.last_published_at.isoformat() if page.last_published_at else "",
            "author": ref(author["@id"]) if author else None,
            "publisher": ref(ctx.organization_id),
            "image": ctx.image_url(page.listing_image, SHARE),
            "about": [therapy_reference(ctx, treatment) for treatment in page.related_treatments],
            "citation": citations(cited),
            "mainEntityOfPage": ref(ctx.webpage_id),
            "inLanguage": ctx.language,
        }
    )


def build_article_page(ctx: PageContext) -> list[Node]:
    page: ArticlePage = ctx.page
    node = article(ctx, page)
    schema_type, questions = page_types_with_faq("WebPage", page.body)
    webpage = web_page(ctx, schema_type, mainEntity=questions or ref(node["@id"]))
    author = [physician_reference(ctx, page.author)] if page.author else []
    return [*site_nodes(ctx), webpage, node, *author]
