"""Site search finds the current clinic's live pages only and copes with odd queries.

Ranking, typos and FAQ answers: tests/search/.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from clinic_pages.search.query import MAX_QUERY_LENGTH
from tests import factories


@pytest.fixture
def two_clinics(make_clinic):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    factories.TreatmentPageFactory(
        parent=alpha.treatments,
        title="Ketamine infusion",
        slug="ketamine",
        summary="Alpha's ketamine programme.",
    )
    factories.TreatmentPageFactory(
        parent=alpha.treatments, title="Ketamine draft", slug="ketamine-draft", live=False
    )
    factories.TreatmentPageFactory(
        parent=beta.treatments,
        title="Ketamine therapy",
        slug="ketamine-therapy",
        summary="Beta's ketamine programme.",
    )
    return alpha, beta


def _result_links(response) -> list[str]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    results = soup.find(class_="search-results")
    return [a["href"] for a in results.find_all("a", href=True)] if results else []


def test_search_finds_only_the_current_clinics_live_pages(two_clinics, client):
    alpha, beta = two_clinics
    response = alpha.get(client, "/search/?q=ketamine")
    titles = [hit.page.title for hit in response.context["search_results"]]
    assert titles == ["Ketamine infusion"]
    assert _result_links(response) == ["/treatments/ketamine/"]

    response = beta.get(client, "/search/?q=ketamine")
    assert [hit.page.title for hit in response.context["search_results"]] == ["Ketamine therapy"]
    assert _result_links(response) == ["/treatments/ketamine-therapy/"]


def test_search_matches_the_summary(two_clinics, client):
    alpha, _ = two_clinics
    response = alpha.get(client, "/search/?q=programme")
    assert _result_links(response) == ["/treatments/ketamine/"]


def test_no_results_says_so(two_clinics, client):
    alpha, _ = two_clinics
    response = alpha.get(client, "/search/?q=acupuncture")
    assert _result_links(response) == []
    assert "No pages match" in response.content.decode()


def test_empty_query_shows_the_form_without_results(two_clinics, client):
    alpha, _ = two_clinics
    response = alpha.get(client, "/search/?q=")
    assert response.status_code == 200
    assert response.context["search_query"] == ""
    assert list(response.context["search_results"]) == []


def test_overly_long_query_is_truncated_not_an_error(two_clinics, client):
    alpha, _ = two_clinics
    query = "ketamine " + "x" * 5000
    response = alpha.get(client, "/search/", {"q": query})
    assert response.status_code == 200
    assert response.context["search_query"] == query[:MAX_QUERY_LENGTH].strip()
    assert len(response.context["search_query"]) <= MAX_QUERY_LENGTH


def test_bad_page_number_falls_back_to_a_valid_page(two_clinics, client):
    alpha, _ = two_clinics
    response = alpha.get(client, "/search/?q=ketamine&page=999")
    assert response.status_code == 200
    assert _result_links(response) == ["/treatments/ketamine/"]
    assert alpha.get(client, "/search/?q=ketamine&page=abc").status_code == 200


def test_search_page_is_kept_out_of_search_engines(two_clinics, client):
    alpha, _ = two_clinics
    html = alpha.get(client, "/search/?q=ketamine").content.decode()
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'ketamine "infusion',
        '""',
        "(",
        "ketamine)",
        "*",
        "-",
        "OR",
        "AND NOT",
        "a:b",
        "%",
        "'; DROP",
        "NEAR(",
        "^",
        "+",
        "{",
        "\\",
        "\x00",
        "ketamine\x00infusion",
        "ñandú 💊 ketamine",
        "a " * 200,
        "ketamine " * 50,
    ],
)
def test_query_syntax_characters_do_not_break_search(two_clinics, client, query):
    alpha, _ = two_clinics
    response = alpha.get(client, "/search/", {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query",
    ["ketamine)", "ketamine\x00", '"ketamine', "ketamine*", "NEAR(ketamine", "ketamine " * 50],
)
def test_syntax_around_a_word_is_ignored_and_the_word_still_found(two_clinics, client, query):
    alpha, _ = two_clinics
    assert _result_links(alpha.get(client, "/search/", {"q": query})) == ["/treatments/ketamine/"]
