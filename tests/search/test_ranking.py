"""A page named for what was searched (title or alternate name) comes before pages mentioning it."""

from __future__ import annotations

from tests import factories
from tests.search.conftest import LONG_BODY, results


def test_the_page_titled_for_the_query_comes_first(alpha, client):
    found = results(alpha.get(client, "/search/?q=ketamine"))
    assert found[0].href == "/treatments/ketamine-infusion-therapy/"
    # Both shorter pages that merely mention it still come, after it.
    assert sorted(r.href for r in found[1:]) == [
        "/physicians/dr-alex-rivera/",
        "/treatments/trigger-point-injections/",
    ]


def test_an_alternate_name_counts_as_a_name(alpha, client):
    factories.ArticlePageFactory(
        parent=alpha.articles,
        title="Pain that spreads",
        slug="pain-that-spreads",
        summary="CRPS, CRPS and CRPS again: a short note.",
        body=[],
    )
    found = results(alpha.get(client, "/search/?q=crps"))
    assert [r.href for r in found] == ["/conditions/crps/", "/articles/pain-that-spreads/"]


def test_an_exact_name_beats_a_name_that_only_contains_the_word(alpha, client):
    factories.TreatmentPageFactory(
        parent=alpha.treatments,
        title="Esketamine nasal spray",
        slug="esketamine",
        alternate_names="Ketamine",
        summary="A nasal spray.",
        body=LONG_BODY,
    )
    found = results(alpha.get(client, "/search/?q=Ketamine"))
    assert [r.href for r in found[:2]] == [
        "/treatments/esketamine/",
        "/treatments/ketamine-infusion-therapy/",
    ]


def test_more_of_the_query_in_a_name_ranks_higher(alpha, client):
    factories.ArticlePageFactory(
        parent=alpha.articles,
        title="Ketamine",
        slug="ketamine-basics",
        summary="A short note on infusion therapy.",
        body=[],
    )
    found = results(alpha.get(client, "/search/?q=ketamine infusion therapy"))
    assert [r.href for r in found] == [
        "/treatments/ketamine-infusion-therapy/",
        "/articles/ketamine-basics/",
    ]
