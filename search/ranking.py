"""The order of search results: what is named for the query comes before what mentions it.

The database backends rank by full-text relevance alone, which favours short pages: on SQLite a
trigger-point page that mentions ketamine once outranked the ketamine treatment page, whose long
body dilutes the word. Patients search for a treatment or condition by name, so a result whose
title or alternate names (a question's own wording, for an FAQ answer) hold the query's words
comes first: one named exactly what was typed, then the more of the words its name holds the
better; among results whose names hold none, one known to hold every word. Within a tier the
backend's relevance order stands, pages before questions.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

from clinic_pages.faqs.models import Question
from clinic_pages.search.query import words_of

# Shorter words must match a name's word exactly; longer ones may be the start of one
# ("infusion" in "infusions", or "ketamin" where PostgreSQL's stemmer matched "ketamine").
MIN_PREFIX_LENGTH = 4
ANSWER_EXCERPT_WORDS = 30


@dataclass
class Hit:
    """One search result: a page, or an FAQ question shown on the clinic's FAQ page."""

    page_id: int
    names: tuple[str, ...]
    rank: int  # the search backend's order among hits of its kind
    complete: bool  # known to hold every word searched for
    question: Question | None = None  # an answer found in the FAQ library
    page: Page | None = field(default=None, compare=False)
    # The language the page is written in (search.results.with_pages).
    language: str = field(default="", compare=False)

    @property
    def is_question(self) -> bool:
        return self.question is not None

    @property
    def answer_excerpt(self) -> str:
        """The start of a question's answer as plain text, for its search result."""
        if self.question is None:
            return ""
        return Truncator(answer_text(self.question)).words(ANSWER_EXCERPT_WORDS)


def answer_text(question: Question) -> str:
    """A question's answer without its markup, on one line."""
    return " ".join(html.unescape(strip_tags(question.answer)).split())


def names_of(title: str, alternate_names: str = "") -> tuple[str, ...]:
    """A page's names: its title and each comma-separated alternate name."""
    others = (name.strip() for name in alternate_names.split(","))
    return (title, *(name for name in others if name))


def _word_in(word: str, text_words: Iterable[str]) -> bool:
    for candidate in text_words:
        if candidate == word:
            return True
        if min(len(word), len(candidate)) >= MIN_PREFIX_LENGTH and (
            candidate.startswith(word) or word.startswith(candidate)
        ):
            return True
    return False


def words_held(words: Sequence[str], text_words: Iterable[str]) -> int:
    """How many of ``words`` are among ``text_words`` (or start one, or are started by one)."""
    known = set(text_words)
    return sum(_word_in(word, known) for word in words)


def _sort_key(hit: Hit, words: Sequence[str]) -> tuple:
    name_words = [words_of(name) for name in hit.names]
    exact = any(list(words) == each for each in name_words)
    in_name = words_held(words, (word for each in name_words for word in each))
    # Between results their names do not match, one known to hold every word comes first.
    complete = in_name > 0 or hit.complete
    return (not exact, -in_name, not complete, hit.is_question, hit.rank)


def ranked(hits: Iterable[Hit], words: Sequence[str]) -> list[Hit]:
    """The hits, those named for the query's ``words`` first (see the module docstring)."""
    return sorted(hits, key=lambda hit: _sort_key(hit, words))
