"""Two clinics whose pages mention ketamine, and what a visitor reads on a results page."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup

from tests import factories

# A long body: full-text relevance scores a word lower the more text surrounds it.
LONG_BODY = [
    factories.section_block(
        heading=f"Part {n}",
        body="<p>Your care team explains each step, checks on you and answers questions. "
        "Bring a list of your medicines and someone who can drive you home.</p>",
    )
    for n in range(8)
]


@dataclass(frozen=True)
class Result:
    href: str
    title: str
    text: str  # everything the result shows, title included


def results(response) -> list[Result]:
    """The results listed on a search page, in order."""
    assert response.status_code == 200
    listing = BeautifulSoup(response.content, "html.parser").find(class_="search-results")
    if listing is None:
        return []
    found = []
    for item in listing.find_all("li", recursive=False):
        link = item.find("a", href=True)
        found.append(
            Result(link["href"], link.get_text(strip=True), item.get_text(" ", strip=True))
        )
    return found


def status_text(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(node.get_text(" ", strip=True) for node in soup.find_all(role="status"))


@pytest.fixture
def alpha(make_clinic):
    """A clinic with a ketamine treatment (long body) and two short pages that mention it."""
    clinic = make_clinic("alpha")
    factories.TreatmentPageFactory(
        parent=clinic.treatments,
        title="Ketamine infusion therapy",
        slug="ketamine-infusion-therapy",
        summary="A low dose given slowly through an IV for long-term nerve pain.",
        alternate_names="IV infusion",
        body=LONG_BODY,
    )
    factories.TreatmentPageFactory(
        parent=clinic.treatments,
        title="Trigger-point injections",
        slug="trigger-point-injections",
        summary="Ketamine is not used here; ketamine is a different treatment.",
        alternate_names="TPI",
        body=[],
    )
    factories.PhysicianPageFactory(
        parent=clinic.physicians,
        given_name="Alex",
        family_name="Rivera",
        slug="dr-alex-rivera",
        bio="<p>Leads ketamine care. Ketamine, ketamine.</p>",
    )
    factories.ConditionPageFactory(
        parent=clinic.conditions,
        title="Complex regional pain syndrome",
        slug="crps",
        alternate_names="CRPS, RSD",
        summary="Lasting pain after an injury, often in a hand or foot.",
        body=LONG_BODY,
    )
    return clinic


@pytest.fixture
def beta(make_clinic, alpha):
    """A second clinic (made after ``alpha``) whose migraine and ketamine pages alpha never shows."""
    clinic = make_clinic("beta")
    factories.TreatmentPageFactory(
        parent=clinic.treatments,
        title="Ketamine for migraine",
        slug="ketamine-for-migraine",
        summary="Beta's ketamine programme.",
    )
    factories.ConditionPageFactory(
        parent=clinic.conditions, title="Migraine", slug="migraine", summary="Headaches."
    )
    factories.QuestionFactory(
        site=clinic.site,
        question="Does ketamine help migraine?",
        answer="<p>Beta answers with lidocaine and forty minutes.</p>",
    )
    return clinic
