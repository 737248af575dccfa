"""The search page's slower paths stay within the issue's ten queries with every cache cleared."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests import factories
from tests.search.conftest import results

BUDGET = 10


@pytest.mark.parametrize(
    "query",
    [
        "ketamine",  # pages and an FAQ answer
        "ketamin infusoin",  # nothing matches every word: corrected, searched again
        "xylophone",  # nothing, nothing close
    ],
)
def test_search_stays_within_budget(alpha, client, django_assert_max_num_queries, query):
    factories.QuestionFactory(
        site=alpha.site, question="Is ketamine safe?", answer="<p>Mostly, with monitoring.</p>"
    )
    alpha.get(client, "/search/", {"q": query})  # a warm process: content types, templates
    cache.clear()
    with django_assert_max_num_queries(BUDGET):
        response = alpha.get(client, "/search/", {"q": query})
    assert bool(results(response)) == (query != "xylophone")
