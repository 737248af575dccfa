"""What a search on one clinic's site may find: its live public pages and its published answers.

A search runs in the visitor's language (``/es/search/`` in Spanish): it finds the pages of that
language's tree, and the main-language pages that have no translation into it (shown as written
in the main language), and the questions written in that language, each leading to the FAQ page
of that language.

Every row carries what ranking and the spelling check read (a page's alternate names, a
question's FAQ page), so neither needs a query of its own.
"""

from __future__ import annotations

from functools import cache

from django.db.models import CharField, F, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from wagtail.models import Page, Site

from clinic_pages.clinics.languages import default_language, in_clinic_trees
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


def _in_language(language: str) -> Q:
    """Pages of the ``language`` tree, and main-language pages not translated into it."""
    main = default_language()
    if language == main:
        return Q(locale__language_code=main)
    # Only a published translation stands in for its original: one in draft leaves it findable.
    translated = (
        Page.objects.live().filter(locale__language_code=language).values("translation_key")
    )
    return Q(locale__language_code=language) | (
        Q(locale__language_code=main) & ~Q(translation_key__in=translated)
    )


def clinic_pages(site: Site, request: HttpRequest, language: str) -> QuerySet:
    """The site's live pages in ``language`` that anyone may see (``_in_language``), each with
    ``search_alternate_names``."""
    # The search backends take plain field filters, so the view-restriction and language checks
    # go in as a subquery of ids rather than an EXISTS or a join on the searched rows.
    # The clinic's trees: its home page's, and each translation's beside it (in_site would
    # leave the translations out).
    public = (
        public_pages(Page.objects.filter(in_clinic_trees(site)), request)
        .filter(_in_language(language))
        .values("pk")
    )
    return (
        Page.objects.live()
        .exclude(depth__lte=1)
        .filter(pk__in=public)
        .annotate(search_alternate_names=_alternate_names())
    )


def clinic_questions(site: Site, request: HttpRequest, language: str) -> QuerySet:
    """The site's published questions in ``language``, each with ``faq_page_id``: the public FAQ
    page of that language, which shows it (None when there is none, and then the answer has
    nowhere to link to)."""
    faq_pages = public_pages(
        FAQPage.objects.live().filter(in_clinic_trees(site), locale__language_code=language),
        request,
    )
    return Question.objects.filter(site=site, live=True, language=language).annotate(
        faq_page_id=Subquery(faq_pages.order_by("path").values("pk")[:1])
    )
