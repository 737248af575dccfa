"""FAQ questions and answers are searchable and lead to the clinic's FAQ page."""

from __future__ import annotations

from tests import factories
from tests.search.conftest import results


def _ask(clinic, question: str, answer: str, **extra):
    return factories.QuestionFactory(site=clinic.site, question=question, answer=answer, **extra)


def test_answer_text_finds_the_question_on_the_faq_page(alpha, client):
    _ask(
        alpha,
        "How long is one session?",
        "<p>Most infusions last about forty minutes &amp; you rest afterwards.</p>",
    )
    (found,) = results(alpha.get(client, "/search/?q=forty+minutes"))
    assert found.href == "/faq/"
    assert found.title == "How long is one session?"
    assert "Most infusions last about forty minutes & you rest afterwards." in found.text
    assert "Frequently asked questions" in found.text  # the page it is answered on


def test_drafts_and_other_clinics_answers_are_not_found(alpha, beta, client):
    _ask(alpha, "Is there a waiting list?", "<p>About forty days.</p>", live=False)
    # beta's published answer mentions forty minutes too.
    assert results(alpha.get(client, "/search/?q=forty")) == []
    assert [r.href for r in results(beta.get(client, "/search/?q=forty"))] == ["/faq/"]


def test_answers_need_a_public_faq_page(alpha, client):
    _ask(alpha, "Do you take referrals?", "<p>Yes, by fax.</p>")
    alpha.faq.unpublish()
    assert results(alpha.get(client, "/search/?q=fax")) == []


def test_a_question_asking_for_the_words_comes_before_pages_mentioning_them(alpha, client):
    _ask(alpha, "Does ketamine have side effects?", "<p>Some feel dizzy for an hour.</p>")
    factories.ArticlePageFactory(
        parent=alpha.articles,
        title="A patient's week",
        slug="week",
        summary="Ketamine side effects, side effects, side effects.",
        body=[],
    )
    found = results(alpha.get(client, "/search/?q=ketamine+side+effects"))
    assert [r.title for r in found] == ["Does ketamine have side effects?", "A patient's week"]
    # Searching the treatment's name, its page stays ahead of the question.
    found = results(alpha.get(client, "/search/?q=ketamine"))
    assert found[0].href == "/treatments/ketamine-infusion-therapy/"
    assert "Does ketamine have side effects?" in [r.title for r in found]
