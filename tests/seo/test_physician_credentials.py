"""A physician's NPI, hospitals and the facts a clinic may not know: checked, shown honestly."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from clinic_pages.core.validators import validate_npi
from tests.seo.conftest import node_of

# 1234567893 is the check-digit example CMS publishes; each other string breaks one rule.
VALID_NPI = "1234567893"


@pytest.mark.parametrize(
    "value", ["1234567890", "123456789", "12345678931", "12345 6789", "ABCDEFGHIJ"]
)
def test_a_mistyped_or_malformed_npi_is_refused(value):
    with pytest.raises(ValidationError):
        validate_npi(value)


def test_a_valid_npi_passes():
    validate_npi(VALID_NPI)


def test_the_npi_and_hospitals_reach_the_physicians_graph(seo_clinic, graph_of):
    page = seo_clinic.physician
    page.npi = VALID_NPI
    page.hospital_affiliations = "Lakeside General Hospital, North Shore Medical Center"
    page.full_clean()
    page.save_revision().publish()
    physician = node_of(graph_of(page), "Physician")
    assert physician["usNPI"] == VALID_NPI
    assert physician["hospitalAffiliation"] == [
        {"@type": "Hospital", "name": "Lakeside General Hospital"},
        {"@type": "Hospital", "name": "North Shore Medical Center"},
    ]


def test_unknown_languages_and_intake_claim_nothing(seo_clinic, graph_of):
    page = seo_clinic.physician
    page.languages = ""
    page.accepting_new_patients = None
    page.save_revision().publish()
    physician = node_of(graph_of(page), "Physician")
    assert "knowsLanguage" not in physician
    assert "isAcceptingNewPatients" not in physician
    assert "usNPI" not in physician and "hospitalAffiliation" not in physician


def test_the_profile_shows_what_is_known_and_nothing_it_is_not(seo_clinic, client):
    page = seo_clinic.physician
    page.languages = ""
    page.accepting_new_patients = None
    page.npi = VALID_NPI
    page.hospital_affiliations = "Lakeside General Hospital"
    page.save_revision().publish()
    response = client.get(page.url, HTTP_HOST=page.get_site().hostname)
    html = BeautifulSoup(response.content, "html.parser")
    facts = html.select_one(".profile-facts").get_text(" ", strip=True)
    assert "NPI 1234567893" in facts and "Lakeside General Hospital" in facts
    assert "Languages" not in facts
    assert "Accepting new patients" not in html.get_text()
    book = html.find("a", string=lambda s: s and s.startswith("Book with"))
    assert book["href"].endswith(f"?physician={page.pk}#booking-form")
