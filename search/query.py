"""What a visitor typed, bounded and reduced to the words a search engine is given.

The backends get words only, never the visitor's punctuation: full-text engines read quotes,
brackets, ``*``, ``-``, ``NEAR`` and ``:`` as syntax, and a stray one made SQLite fail. Query
length and word count are capped so that a hostile ``q`` costs what a normal one does.
"""

from __future__ import annotations

import re

MAX_QUERY_LENGTH = 100
# Words given to the search backends and the spelling check; more are ignored.
MAX_WORDS = 8

_CONTROL_OR_SPACE = re.compile(r"[\s\x00-\x1f\x7f]+")
_WORD = re.compile(r"\w+")


def normalise_query(raw: str) -> str:
    """The query as shown back to the visitor: one line, at most ``MAX_QUERY_LENGTH`` long.

    Control characters go (PostgreSQL rejects a NUL in any string), runs of spaces become one,
    and an unpaired double quote is dropped.
    """
    query = _CONTROL_OR_SPACE.sub(" ", raw[: MAX_QUERY_LENGTH * 2]).strip()[:MAX_QUERY_LENGTH]
    if query.count('"') % 2:
        query = query.replace('"', " ")
    return query.strip()


def words_of(text: str) -> list[str]:
    """The lower-case words of ``text`` (letters and digits in any script), in order."""
    return _WORD.findall(text.lower())


def search_words(query: str) -> list[str]:
    """The query's words for the backends: distinct, in order, at most ``MAX_WORDS``."""
    return list(dict.fromkeys(words_of(query)))[:MAX_WORDS]
