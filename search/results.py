"""One site search: the clinic's pages and FAQ answers for a query, ranked, tried twice at most.

First every word must be on a page. When none holds them all, the words are checked for typos
against the clinic's names (``search.spelling``) and pages and answers are searched for any of
the words, as typed or corrected, so that a misspelt or over-specific query still finds what it
meant. A search costs two queries; one that finds no page at first costs four at most (three
once the clinic's names are cached), so the page stays within its budget of ten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.http import HttpRequest
from wagtail.models import Page, Site

from clinic_pages.clinics.languages import default_language, language_of_url_path
from clinic_pages.core.specific import specific_in_one_query
from clinic_pages.search.finding import page_hits, question_hits
from clinic_pages.search.query import search_words
from clinic_pages.search.ranking import Hit, ranked
from clinic_pages.search.scope import clinic_pages, clinic_questions
from clinic_pages.search.spelling import corrected, vocabulary


@dataclass(frozen=True)
class Outcome:
    """The ranked hits, and how they relate to what was typed."""

    hits: list[Hit] = field(default_factory=list)
    # The query as corrected, when the hits are for it rather than for what was typed.
    corrected_query: str = ""
    # No hit is known to hold every word: these hold some of them.
    partial: bool = False


def search_site(site: Site, request: HttpRequest, query: str, language: str) -> Outcome:
    """What the site's search in ``language`` finds for ``query`` (already
    ``search.query.normalise_query``)."""
    words = search_words(query)
    if not words:
        return Outcome()
    pages = clinic_pages(site, request, language)
    questions = clinic_questions(site, request, language)
    found = page_hits(pages, words, "and")
    if found:
        return Outcome(ranked([*found, *question_hits(questions, words, "and", words)], words))

    fixed = corrected(words, vocabulary(site.pk, language, pages, questions, request))
    either = list(dict.fromkeys([*words, *fixed]))
    if len(either) > 1:  # one word, as typed, was searched for already
        found = page_hits(pages, either, "or")
    hits = ranked([*found, *question_hits(questions, either, "or", fixed)], fixed)
    if not hits:
        return Outcome()
    if fixed != words:
        return Outcome(hits, corrected_query=" ".join(fixed))
    return Outcome(hits, partial=not any(hit.complete for hit in hits))


def with_pages(hits: Sequence[Hit]) -> list[Hit]:
    """The hits with their pages as their specific types, in one query for all of them.

    A page removed since the search (its row gone) is left out.
    """
    pages = specific_in_one_query([Page(pk=hit.page_id) for hit in hits])
    shown = []
    for hit, page in zip(hits, pages, strict=True):
        if page.url_path:
            hit.page = page
            hit.language = language_of_url_path(page.url_path) or default_language()
            shown.append(hit)
    return shown
