"""The articles shown under an article: the clinic's others on the same treatments first.

One query: the article's siblings (the same clinic's articles index, in the same language),
each counted for the treatments it shares with the article, most shared first, then newest.
The list is kept with the page's other render data (``core.generation.cached_for_live_page``),
together with the cards' fallback images, so a warm page reads nothing for it.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Page, Site

from clinic_pages.core.card_fallbacks import load_card_images
from clinic_pages.core.generation import cached_for_live_page
from clinic_pages.core.visibility import public_pages

# Enough to offer a next read without turning the page's end into a second index.
RELATED_ARTICLES = 3


def _treatment_ids(article) -> QuerySet | list[int]:
    """The article's treatments: a subquery when saved, the in-memory links in a preview."""
    links = article.related_treatment_links.all()
    if isinstance(links, QuerySet):
        return links.values("treatment_id")
    return [link.treatment_id for link in links if link.treatment_id]


def find_related_articles(article, request: HttpRequest | None) -> list[Page]:
    model = type(article)
    siblings = public_pages(model.objects.sibling_of(article, inclusive=False).live(), request)
    shared = Count(
        "related_treatment_links",
        filter=Q(related_treatment_links__treatment_id__in=_treatment_ids(article)),
        distinct=True,
    )
    related = list(
        siblings.annotate(shared_treatments=shared)
        .select_related("author", "listing_image")
        .defer_streamfields()
        .order_by("-shared_treatments", "-date", "-pk")[:RELATED_ARTICLES]
    )
    load_card_images(related)  # kept with them: the cards' fallback images
    return related


def related_articles(article, request: HttpRequest) -> list[Page]:
    """The related articles of the article as published, from the render cache when warm."""
    if article.pk is None:
        return []
    site = Site.find_for_request(request)
    return cached_for_live_page(
        article,
        site.pk if site is not None else None,
        "related-articles",
        lambda: find_related_articles(article, request),
        request,
    )
