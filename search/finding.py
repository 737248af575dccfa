"""The full-text searches behind one results page: the clinic's pages and its FAQ answers.

Both go through Wagtail's search backend (the database backend: SQLite's FTS5 or PostgreSQL's
full-text search), one query each, capped at a number of hits that no visitor pages through.
With ``operator="and"`` every hit holds every word; with ``"or"``, some.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import QuerySet
from wagtail.search.backends import get_search_backend

from clinic_pages.search.query import words_of
from clinic_pages.search.ranking import Hit, answer_text, names_of, words_held

MAX_PAGE_HITS = 100
MAX_QUESTION_HITS = 20


def _search(queryset: QuerySet, words: Sequence[str], operator: str, limit: int) -> list:
    results = get_search_backend().search(" ".join(words), queryset, operator=operator)
    return list(results[:limit])


def page_hits(pages: QuerySet, words: Sequence[str], operator: str) -> list[Hit]:
    """Pages of ``pages`` (``search.scope.clinic_pages``) holding the words, best first."""
    complete = operator == "and" or len(words) == 1
    return [
        Hit(
            page_id=page.pk,
            names=names_of(page.title, page.search_alternate_names),
            rank=rank,
            complete=complete,
        )
        for rank, page in enumerate(_search(pages, words, operator, MAX_PAGE_HITS))
    ]


def question_hits(
    questions: QuerySet, words: Sequence[str], operator: str, wanted: Sequence[str]
) -> list[Hit]:
    """Questions of ``questions`` (``search.scope.clinic_questions``) whose question or answer
    holds the words, best first. Each leads to the FAQ page, so one without it is left out.

    A question is short enough to tell from its text whether it holds all the ``wanted`` words,
    which ranks it above pages that may hold only some.
    """
    hits = []
    for rank, question in enumerate(_search(questions, words, operator, MAX_QUESTION_HITS)):
        if question.faq_page_id is None:
            continue
        text = words_of(f"{question.question} {answer_text(question)}")
        complete = operator == "and" or words_held(wanted, text) == len(wanted)
        hits.append(
            Hit(question.faq_page_id, (question.question,), rank, complete, question=question)
        )
    return hits
