"""The home page shows a few of each listing with a link to the rest; indexes come in pages.

So a page's size, and its cost, stay the same however large the clinic grows.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from clinic_pages.conditions.models import CONDITIONS_PER_PAGE, ConditionPage
from clinic_pages.home.models import CONDITIONS_COUNT, PHYSICIANS_COUNT
from clinic_pages.physicians.models import PHYSICIANS_PER_PAGE, PhysicianPage
from clinic_pages.treatments.models import TREATMENTS_PER_PAGE, TreatmentPage
from tests.bulk_content import add_pages


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def section(page: BeautifulSoup, heading_id: str):
    return page.find("section", attrs={"aria-labelledby": heading_id})


def test_home_shows_a_few_conditions_and_physicians_with_links_to_all(clinic, client):
    add_pages(clinic.conditions, ConditionPage, CONDITIONS_COUNT + 5, lambda n: {"summary": "S."})
    add_pages(
        clinic.physicians,
        PhysicianPage,
        PHYSICIANS_COUNT + 5,
        lambda n: {"family_name": f"Surname{n}", "bio": "<p>Bio.</p>"},
    )
    home = soup(clinic.get(client, "/"))

    conditions = section(home, "conditions-heading")
    assert len(conditions.select("ul li")) == CONDITIONS_COUNT
    assert conditions.find("a", string="See all conditions we treat")["href"] == "/conditions/"

    physicians = section(home, "physicians-heading")
    assert len(physicians.select("ul li")) == PHYSICIANS_COUNT
    assert physicians.find("a", string="Meet all our physicians")["href"] == "/physicians/"


@pytest.mark.parametrize(
    ("section_name", "model", "per_page", "fields"),
    [
        ("treatments", TreatmentPage, TREATMENTS_PER_PAGE, {"summary": "S.", "body": []}),
        ("conditions", ConditionPage, CONDITIONS_PER_PAGE, {"summary": "S."}),
        ("physicians", PhysicianPage, PHYSICIANS_PER_PAGE, {"family_name": "Lee", "bio": "B."}),
    ],
)
def test_index_pages_come_in_pages(clinic, client, section_name, model, per_page, fields):
    index = getattr(clinic, section_name)
    pages = add_pages(index, model, per_page + 3, lambda n: fields)
    first = soup(clinic.get(client, clinic.url(index)))
    assert len(first.select("ul.cards > li")) == per_page
    assert first.find("a", rel="next")["href"] == "?page=2"

    second = soup(clinic.get(client, clinic.url(index), {"page": 2}))
    cards = second.select("ul.cards > li")
    assert len(cards) == 3
    assert cards[-1].find("a")["href"] == clinic.url(pages[-1])
    assert second.find(class_="pagination__current").get_text(strip=True) == "Page 2 of 2"

    # Past the end or not a number: the last page, the first page.
    assert (
        len(soup(clinic.get(client, clinic.url(index), {"page": 9})).select("ul.cards > li")) == 3
    )
    assert len(
        soup(clinic.get(client, clinic.url(index), {"page": "x"})).select("ul.cards > li")
    ) == (per_page)


def test_an_empty_index_says_so(clinic, client):
    page = soup(clinic.get(client, clinic.url(clinic.conditions)))
    assert "There are no conditions to show yet." in page.get_text()
    assert page.find("nav", attrs={"aria-label": "Pagination"}) is None
