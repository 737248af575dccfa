"""Editors add a missing source from the reference chooser, for their own clinic only.

Identifiers pasted as links are kept bare and checked (DOI, PMID); a source already in the
library is refused, so it is not cited twice; another clinic's additions stay out of sight.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from clinic_pages.references.models import Reference

CHOOSER = "wagtailsnippetchoosers_clinic_pages_references_reference"
LIBRARY = "wagtailsnippets_clinic_pages_references_reference"


def _post(client, site, **fields):
    data = {
        "kind": "article",
        "authors": "Correll GE, Maleki J",
        "title": "Subanesthetic ketamine infusion therapy",
        "journal": "Pain Medicine",
        "year": "2004",
        "doi": "",
        "pmid": "",
        "url": "",
        "added_by_clinic": site.pk if site else "",
        **fields,
    }
    return client.post(reverse(f"{CHOOSER}:create"), data)


@pytest.fixture
def b_reference(w):
    return Reference.objects.create(
        title="Birchwood's own ketamine study", added_by_clinic=w.b.site, doi="10.1000/birch1"
    )


def test_the_chooser_offers_a_new_reference_tab_for_the_own_clinic(w, client_for):
    html = client_for(w.a.users["editor"]).get(reverse(f"{CHOOSER}:choose")).json()["html"]
    assert "New reference" in html
    select = re.search(r'<select name="added_by_clinic"[^>]*>(.*?)</select>', html, re.S)[1]
    assert re.findall(r'value="(\d+)"', select) == [str(w.a.site.pk)]


def test_pasted_links_are_kept_as_bare_identifiers_of_the_editors_clinic(w, client_for):
    response = _post(
        client_for(w.a.users["editor"]),
        w.a.site,
        doi="https://doi.org/10.1111/j.1526-4637.2004.04059.x",
        pmid="PMID: 15366393",
    )
    assert response.json()["step"] == "chosen"
    reference = Reference.objects.get(title="Subanesthetic ketamine infusion therapy")
    assert reference.doi == "10.1111/j.1526-4637.2004.04059.x"
    assert reference.pmid == 15366393
    assert reference.added_by_clinic == w.a.site


@pytest.mark.parametrize(
    "fields",
    [{"doi": "10.12/short"}, {"doi": "pubmed 123"}, {"pmid": "15366393x"}, {"pmid": "123456789"}],
)
def test_malformed_identifiers_are_refused(w, client_for, fields):
    response = _post(client_for(w.a.users["editor"]), w.a.site, **fields)
    assert response.json()["step"] == "reshow_creation_form"
    assert not Reference.objects.filter(title="Subanesthetic ketamine infusion therapy").exists()


def test_a_source_already_in_the_library_is_refused(w, client_for):
    Reference.objects.create(title="Network copy", doi="10.1111/j.1526-4637.2004.04059.x")
    response = _post(
        client_for(w.a.users["editor"]), w.a.site, doi="doi:10.1111/J.1526-4637.2004.04059.X"
    )
    data = response.json()
    assert data["step"] == "reshow_creation_form"
    assert "already has this source" in data["htmlFragment"]


def test_another_clinics_addition_is_no_duplicate_and_not_named(w, client_for, b_reference):
    response = _post(client_for(w.a.users["editor"]), w.a.site, doi=b_reference.doi)
    assert response.json()["step"] == "chosen"
    assert b_reference.title not in response.content.decode()


def test_an_editor_cannot_add_a_reference_for_another_clinic(w, client_for):
    response = _post(client_for(w.a.users["editor"]), w.b.site)
    assert response.json()["step"] == "reshow_creation_form"
    assert not Reference.objects.filter(title="Subanesthetic ketamine infusion therapy").exists()


def test_an_editor_cannot_add_to_the_network_library(w, client_for):
    response = _post(client_for(w.a.users["editor"]), None)
    assert response.json()["step"] == "reshow_creation_form"


def test_front_desk_staff_cannot_add_references(w, client_for):
    response = _post(client_for(w.a.users["front_desk"]), w.a.site)
    assert response.status_code in (302, 403)
    assert not Reference.objects.filter(title="Subanesthetic ketamine infusion therapy").exists()


def test_a_librarian_adds_to_the_network_library(w, client_for):
    response = _post(client_for(w.librarian), None, pmid="15366393")
    assert response.json()["step"] == "chosen"
    assert Reference.objects.get(pmid=15366393).added_by_clinic is None


def test_another_clinics_additions_cannot_be_seen_or_picked(w, client_for, b_reference):
    client = client_for(w.a.users["editor"])
    results = client.get(reverse(f"{CHOOSER}:choose_results") + "?q=Birchwood")
    assert b_reference.title not in results.content.decode()
    listing = client.get(reverse(f"{LIBRARY}:list"))
    assert listing.status_code == 200
    assert b_reference.title not in listing.content.decode()
    for url in (
        reverse(f"{CHOOSER}:chosen", args=[b_reference.pk]),
        reverse(f"{LIBRARY}:inspect", args=[b_reference.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert b_reference.title not in response.content.decode()
