"""The search on a Spanish page searches in Spanish: its own page under /es/, the clinic's
Spanish pages and answers, and the English pages that have no Spanish version, said to be so."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from tests import factories
from tests.i18n.translating import speak, translate
from tests.search.conftest import results


def _ask(clinic, question: str, answer: str, language: str):
    return factories.QuestionFactory(
        site=clinic.site, question=question, answer=answer, language=language
    )


@pytest.fixture
def spanish(alpha):
    """alpha in English and Spanish: its ketamine page and FAQ page translated, an article not."""
    speak(alpha.settings, "en", "es")
    ketamine = alpha.treatments.get_children().get(slug="ketamine-infusion-therapy").specific
    translate(alpha.home, "Inicio")
    translate(
        ketamine,
        "Infusión de ketamina",
        summary="Una dosis baja, lenta, por vena, para el dolor de nervios que dura.",
        alternate_names="",
    )
    translate(alpha.faq, "Preguntas frecuentes")
    factories.ArticlePageFactory(
        parent=alpha.articles,
        title="Recovery after an infusion",
        slug="recovery",
        summary="What the ketamina nurses tell you about rest.",
        body=[],
    )
    _ask(alpha, "¿Cuánto dura una sesión?", "<p>Unos cuarenta minutos.</p>", "es")
    _ask(alpha, "How long is one session?", "<p>About forty minutes.</p>", "en")
    cache.clear()
    return alpha


def test_the_spanish_search_finds_spanish_pages_under_es(spanish, client):
    response = spanish.get(client, "/es/search/?q=ketamina")
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert "<h1>Buscar</h1>" in html
    found = {result.href: result for result in results(response)}
    assert "/es/treatments/ketamine-infusion-therapy/" in found
    assert "/treatments/ketamine-infusion-therapy/" not in found  # it has a Spanish version


def test_an_english_page_without_a_spanish_version_is_found_and_marked(spanish, client):
    response = spanish.get(client, "/es/search/?q=ketamina")
    soup = BeautifulSoup(response.content, "html.parser")
    link = soup.find("a", href="/articles/recovery/")
    assert link is not None
    assert link.find_parent("h3")["lang"] == "en"
    assert "Idioma de esta página: Inglés" in link.find_parent("li").get_text(" ", strip=True)


def test_each_language_finds_only_its_own_answers(spanish, client):
    (spanish_answer,) = results(spanish.get(client, "/es/search/?q=cuarenta+minutos"))
    assert spanish_answer.href == "/es/faq/"
    assert spanish_answer.title == "¿Cuánto dura una sesión?"
    assert results(spanish.get(client, "/es/search/?q=forty+minutes")) == []
    (english_answer,) = results(spanish.get(client, "/search/?q=forty+minutes"))
    assert english_answer.href == "/faq/"
    assert results(spanish.get(client, "/search/?q=cuarenta")) == []


def test_the_english_search_finds_no_spanish_page(spanish, client):
    hrefs = [result.href for result in results(spanish.get(client, "/search/?q=ketamine"))]
    assert "/treatments/ketamine-infusion-therapy/" in hrefs
    assert not any(href.startswith("/es/") for href in hrefs)


def test_spanish_pages_search_in_spanish(spanish, client):
    html = spanish.get(client, "/es/treatments/ketamine-infusion-therapy/").content.decode()
    form = BeautifulSoup(html, "html.parser").find("form", class_="header-search")
    assert form["action"] == "/es/search/"
    english = spanish.get(client, "/treatments/ketamine-infusion-therapy/").content.decode()
    assert (
        BeautifulSoup(english, "html.parser").find("form", class_="header-search")["action"]
        == "/search/"
    )


def test_a_clinic_without_spanish_has_no_spanish_search(alpha, client):
    assert alpha.get(client, "/es/search/?q=ketamine").status_code == 404
    assert alpha.get(client, "/search/?q=ketamine").status_code == 200


def test_an_english_page_whose_spanish_version_is_a_draft_is_still_found(spanish, client):
    article = spanish.articles.get_children().get(slug="recovery").specific
    translate(article, "Recuperación después de una infusión", publish=False)
    hrefs = [result.href for result in results(spanish.get(client, "/es/search/?q=ketamina"))]
    assert "/articles/recovery/" in hrefs
