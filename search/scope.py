"""What a search on one clinic's site may find: its live public pages and its published answers.

Every row carries what ranking and the spelling check read (a page's alternate names, a
question's FAQ page), so neither needs a query of its own.
"""

from __future__ import annotations

from functools import cache

from django.db.models import CharField, F, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from wagtail.models import Page, Site

from clinic_pages.core.specific import _first_level_accessors
from clinic_pages.core.visibility import public_pages
from clinic_pages.faqs.models import FAQPage, Question

ALTERNATE_NAMES = "alternate_names"


@cache
def _alternate_name_lookups() -> tuple[str, ...]:
    """``<page type's link on Page>__alternate_names`` for each page type that has the field."""
    return tuple(
        f"{accessor}__{ALTERNATE_NAMES}"
        for model, accessor in _first_level_accessors().items()
        if any(f.name == ALTERNATE_NAMES for f in model._meta.local_fields)
    )


def _alternate_names() -> Coalesce | Value:
    lookups = _alternate_name_lookups()
    blank = Value("", output_field=CharField())
    return Coalesce(*(F(lookup) for lookup in lookups), blank) if lookups else blank


def clinic_pages(site: Site, request: HttpRequest) -> QuerySet:
    """The site's live pages that anyone may see, each with ``search_alternate_names``."""
    # The search backends take plain field filters, so the view-restriction check goes in as a
    # subquery of ids rather than an EXISTS on the searched rows.
    public = public_pages(Page.objects.in_site(site), request).values("pk")
    return (
        Page.objects.live()
        .in_site(site)
        .exclude(depth__lte=1)
        .filter(pk__in=public)
        .annotate(search_alternate_names=_alternate_names())
    )


def clinic_questions(site: Site, request: HttpRequest) -> QuerySet:
    """The site's published questions, each with ``faq_page_id``: the public FAQ page that shows
    it (None when the clinic has none, and then the answer has nowhere to link to)."""
    faq_pages = public_pages(FAQPage.objects.live().in_site(site), request)
    return Question.objects.filter(site=site, live=True).annotate(
        faq_page_id=Subquery(faq_pages.order_by("path").values("pk")[:1])
    )
