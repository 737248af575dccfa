"""Typo tolerance: when a search finds nothing, its misspelt words are matched to the clinic's names.

Patients misspell what they search for by name ("ketamin", "migrane"), and those names are few
per clinic: its page titles, alternate names and FAQ questions. Each query word that is not
one of their words is replaced by the closest one (``difflib``: about one letter in five wrong,
missing, extra or swapped), and the search runs again.

Why not the backends' own fuzzy search: Wagtail's database backend has none on SQLite (FTS5
matches whole words), so it would work on one database only; on PostgreSQL, modelsearch's
``Fuzzy`` needs the pg_trgm extension and compares the query with the indexed text of every
page of the installation. The names here are the same on both databases, cost one query, and
are cached under the site's content generation, which any change to them bumps.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from django.db.models import CharField, QuerySet, Value
from django.http import HttpRequest

from clinic_pages.core.generation import cached_for_site
from clinic_pages.search.query import words_of

# Rows read for the vocabulary: far more titles, alternate names and questions than a clinic has.
VOCABULARY_ROWS = 5000
# Words shorter than this are not corrected: one letter changes too much of them.
MIN_CORRECTED_LENGTH = 4
# difflib's similarity: 0.8 lets one letter in five differ.
CUTOFF = 0.8


def _vocabulary(pages: QuerySet, questions: QuerySet) -> frozenset[str]:
    blank = Value("", output_field=CharField())
    names = pages.order_by().values_list("title", "search_alternate_names")
    asked = questions.order_by().annotate(blank=blank).values_list("question", "blank")
    rows = names.union(asked, all=True)[:VOCABULARY_ROWS]
    return frozenset(word for row in rows for text in row for word in words_of(text or ""))


def vocabulary(
    site_id: int, language: str, pages: QuerySet, questions: QuerySet, request: HttpRequest
) -> frozenset[str]:
    """The words of the site's page names and questions in ``language`` (``search.scope``
    querysets).

    Only what every visitor sees goes in, so it is cached for the whole site, per language.
    """
    return cached_for_site(
        site_id, f"search-vocabulary-{language}", lambda: _vocabulary(pages, questions), request
    )


def corrected(words: Sequence[str], known: frozenset[str]) -> list[str]:
    """``words`` with each unknown one replaced by the closest known word, if one is close."""
    result = []
    for word in words:
        if len(word) >= MIN_CORRECTED_LENGTH and word not in known:
            close = difflib.get_close_matches(word, known, n=1, cutoff=CUTOFF)
            result.append(close[0] if close else word)
        else:
            result.append(word)
    return result
