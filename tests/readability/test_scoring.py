"""Reading grades of texts of known level, and what the editor is shown about them."""

from __future__ import annotations

import pytest

from clinic_pages.governance.readability.scoring import grade_from_fernandez_huerta, readability
from tests.readability.texts import ES_EASY, ES_HARD, GRADE_3, GRADE_12

TOLERANCE = 1.0


@pytest.mark.parametrize(
    ("text", "language", "grade"),
    [
        (GRADE_3, "en", 3.1),
        (GRADE_12, "en", 11.9),
        (ES_EASY, "es", 3.0),
        (ES_HARD, "es", 12.0),
    ],
)
def test_known_texts_score_their_grade(text, language, grade):
    assert readability([text], language).grade == pytest.approx(grade, abs=TOLERANCE)


def test_english_is_flesch_kincaid_and_spanish_fernandez_huerta_with_its_own_score():
    english = readability([GRADE_12], "en")
    assert english.score == english.grade
    assert str(english.formula.name) == "Flesch-Kincaid grade level"
    spanish = readability([ES_HARD], "es")
    assert str(spanish.formula.name) == "Fernández-Huerta reading ease"
    assert spanish.score == pytest.approx(49.9, abs=2)


def test_regional_language_codes_use_their_languages_formula():
    assert readability([ES_HARD], "es-mx").grade == readability([ES_HARD], "es").grade
    assert readability([GRADE_3], "en-gb").language == "en"


def test_fernandez_huerta_reads_as_its_tables_grades():
    assert grade_from_fernandez_huerta(95) == pytest.approx(3.5)
    assert grade_from_fernandez_huerta(65) == pytest.approx(7)
    assert grade_from_fernandez_huerta(50) == pytest.approx(12)
    assert grade_from_fernandez_huerta(-20) == 16


def test_longest_sentences_come_first_in_page_order_on_ties():
    result = readability([GRADE_12], "en")
    assert result.longest_sentences[0].startswith("Ketamine, given slowly")
    assert len(result.longest_sentences) == 3


def test_hardest_words_are_those_with_most_syllables_each_once():
    result = readability([GRADE_12, "Medication matters. " * 3], "en")
    words = [item.word for item in result.hardest_words]
    assert words[0] == "medication"  # 4 syllables, the most; once, in its first spelling
    assert len(words) == len({w.lower() for w in words}) <= 10
    assert "infusions" in words and "pain" not in words


def test_lines_without_a_full_stop_are_sentences_of_their_own():
    with_stops = readability([GRADE_3], "en")
    lines = readability([line.rstrip(".") for line in GRADE_3.split(". ")], "en")
    assert lines.grade == with_stops.grade


def test_too_little_text_or_an_unknown_language_is_not_scored():
    assert readability(["Ketamine can ease nerve pain."], "en") is None
    assert readability([GRADE_12], "de") is None
