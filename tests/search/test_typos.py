"""A one-letter typo still finds the page, from the clinic's own names only."""

from __future__ import annotations

import pytest

from tests import factories
from tests.search.conftest import results, status_text


@pytest.mark.parametrize("typo", ["ketamin", "ketamime", "ketmaine", "ketamiine"])
def test_a_one_letter_typo_finds_the_page(alpha, client, typo):
    found = results(alpha.get(client, "/search/", {"q": typo}))
    assert found and found[0].href == "/treatments/ketamine-infusion-therapy/"


def test_a_corrected_search_says_what_it_searched_for(make_clinic, client):
    clinic = make_clinic("gamma")
    factories.ConditionPageFactory(
        parent=clinic.conditions,
        title="Migraine",
        slug="migraine",
        summary="Headaches that come back.",
        body=[],
    )
    response = clinic.get(client, "/search/?q=migrane")
    assert [r.href for r in results(response)] == ["/conditions/migraine/"]
    assert "Showing results for “migraine”" in status_text(response)


def test_a_typo_in_one_of_several_words(alpha, client):
    found = results(alpha.get(client, "/search/?q=ketamin+infusoin"))
    assert found[0].href == "/treatments/ketamine-infusion-therapy/"


def test_words_not_all_on_one_page_still_find_pages_with_some(alpha, client):
    response = alpha.get(client, "/search/?q=ketamine+acupuncture")
    assert results(response)[0].href == "/treatments/ketamine-infusion-therapy/"
    assert "No page has every word" in status_text(response)


def test_typos_are_corrected_from_this_clinics_names_only(alpha, beta, client):
    response = alpha.get(client, "/search/?q=migrane")
    assert results(response) == []
    assert "migraine" not in response.content.decode().lower()
    # The same typo on beta, whose condition is named so, finds it.
    assert results(beta.get(client, "/search/?q=migrane"))[0].href == "/conditions/migraine/"


def test_an_unknown_word_with_no_close_name_finds_nothing(alpha, client):
    response = alpha.get(client, "/search/?q=xylophone")
    assert results(response) == []
    assert "No pages match “xylophone”" in status_text(response)
