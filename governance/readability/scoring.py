"""Reading grade of a text: Flesch-Kincaid for English, Fernández-Huerta for Spanish.

Both are read as a US school grade, so one clinic target (``ClinicSettings.reading_grade_target``)
holds for every language. The formulas come from ``textstat``; its backend functions take the
language as an argument, where its top-level API keeps it in process-wide state that concurrent
requests in other languages would change under each other.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from textstat.backend.counts import count_syllables, count_words
from textstat.backend.metrics import fernandez_huerta, flesch_kincaid_grade

# Fewer words than this and one long sentence decides the grade: not worth showing.
MIN_WORDS = 20
LONGEST_SENTENCES = 3
HARDEST_WORDS = 10

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

# Fernández Huerta's table (1959), the Flesch reading-ease bands for Spanish: 90-100 reads at
# 4th grade, 80-90 5th, 70-80 6th, 60-70 7th-8th, 50-60 pre-university, 30-50 selective
# courses, 0-30 university. As (ease, grade) points at the band edges, joined by straight lines.
FERNANDEZ_HUERTA_GRADES = (
    (100, 3),
    (90, 4),
    (80, 5),
    (70, 6),
    (60, 8),
    (50, 12),
    (30, 14),
    (0, 16),
)


@dataclass(frozen=True)
class Formula:
    name: str
    textstat_language: str


FORMULAS = {
    "en": Formula(_("Flesch-Kincaid grade level"), "en_US"),
    "es": Formula(_("Fernández-Huerta reading ease"), "es"),
}


@dataclass(frozen=True)
class HardWord:
    word: str
    syllables: int


@dataclass(frozen=True)
class Readability:
    """How hard a text is to read, and what makes it so."""

    language: str
    formula: Formula
    score: float  # the formula's own number: a grade for English, a reading ease for Spanish
    grade: float  # as a US school grade
    words: int
    longest_sentences: list[str]
    hardest_words: list[HardWord]

    @property
    def score_is_grade(self) -> bool:
        return self.language == "en"


def language_root(language_code: str) -> str:
    """``es-mx`` and ``es_MX`` both read as ``es``."""
    return re.split(r"[-_]", language_code or "en", maxsplit=1)[0].lower()


def is_supported(language_code: str) -> bool:
    return language_root(language_code) in FORMULAS


def as_sentence(segment: str) -> str:
    """A heading-like line without a full stop would run into the next sentence."""
    segment = " ".join(segment.split())
    return segment if not segment or segment[-1] in ".!?…:;" else f"{segment}."


def sentences_of(segments: Iterable[str]) -> list[str]:
    return [
        sentence
        for segment in segments
        for sentence in SENTENCE_END.split(as_sentence(segment))
        if WORD.search(sentence)
    ]


def grade_from_fernandez_huerta(ease: float) -> float:
    points = FERNANDEZ_HUERTA_GRADES
    if ease >= points[0][0]:
        return float(points[0][1])
    for (high, high_grade), (low, low_grade) in itertools.pairwise(points):
        if ease >= low:
            return high_grade + (high - ease) * (low_grade - high_grade) / (high - low)
    return float(points[-1][1])


def hardest_words(text: str, language: str, limit: int = HARDEST_WORDS) -> list[HardWord]:
    """The words with the most syllables, each once, longest first."""
    seen: dict[str, str] = {}
    for word in WORD.findall(text):
        seen.setdefault(word.lower(), word)
    counted = [HardWord(word, count_syllables(key, language)) for key, word in seen.items()]
    counted = [item for item in counted if item.syllables >= 3]
    return sorted(counted, key=lambda item: (-item.syllables, item.word.lower()))[:limit]


def longest_sentences(sentences: list[str], limit: int = LONGEST_SENTENCES) -> list[str]:
    ranked = sorted(enumerate(sentences), key=lambda item: (-len(WORD.findall(item[1])), item[0]))
    return [sentence for _index, sentence in ranked[:limit]]


def readability(segments: Iterable[str], language_code: str) -> Readability | None:
    """The reading grade of these pieces of text (paragraphs, list items, a title), or None when
    the language has no formula here or there are too few words to judge."""
    root = language_root(language_code)
    formula = FORMULAS.get(root)
    if formula is None:
        return None
    sentences = sentences_of(segments)
    text = " ".join(sentences)
    words = count_words(text)
    if words < MIN_WORDS:
        return None
    lang = formula.textstat_language
    if root == "es":
        score = fernandez_huerta(text, lang)
        grade = grade_from_fernandez_huerta(score)
    else:
        score = grade = flesch_kincaid_grade(text, lang)
    return Readability(
        language=root,
        formula=formula,
        score=round(score, 1),
        grade=round(max(grade, 0.0), 1),
        words=words,
        longest_sentences=longest_sentences(sentences),
        hardest_words=hardest_words(text, lang),
    )
