"""The shared citation library: every clinic reads and cites it, only the network role edits it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from clinic_pages.references.models import Reference
from tests.isolation.responses import assert_refused, assert_works, body, fetch
from tests.isolation.two_clinics import ROLES

READ_URLS = [
    ("wagtailsnippets_clinic_pages_references_reference:list", False),
    ("wagtailsnippets_clinic_pages_references_reference:inspect", True),
    ("wagtailsnippetchoosers_clinic_pages_references_reference:choose", False),
    ("wagtailsnippetchoosers_clinic_pages_references_reference:chosen", True),
]
WRITE_URLS = [
    ("wagtailsnippets_clinic_pages_references_reference:add", False),
    ("wagtailsnippets_clinic_pages_references_reference:edit", True),
    ("wagtailsnippets_clinic_pages_references_reference:copy", True),
    ("wagtailsnippets_clinic_pages_references_reference:delete", True),
    ("wagtailsnippets_clinic_pages_references_reference:history", True),
]


def _url(w, name, takes_pk):
    return reverse(name, args=[w.reference.pk] if takes_pk else [])


def _reference_data(reference, **changes) -> dict:
    data = {
        "kind": reference.kind,
        "authors": reference.authors,
        "title": reference.title,
        "journal": reference.journal,
        "year": reference.year,
        "volume": reference.volume,
        "issue": reference.issue,
        "pages": reference.pages,
        "doi": reference.doi,
        "pmid": reference.pmid,
        "pmcid": "",
        "bookshelf_id": "",
        "url": "",
    }
    return {**data, **changes}


@pytest.mark.parametrize("clinic", ["a", "b"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url_name", "takes_pk"), READ_URLS)
def test_every_clinic_role_reads_the_library(w, client_for, clinic, role, url_name, takes_pk):
    user = getattr(w, clinic).users[role]
    response = fetch(client_for(user), _url(w, url_name, takes_pk))
    assert_works(response)
    assert "Shared study of ketamine" in body(response)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url_name", "takes_pk"), WRITE_URLS)
def test_clinic_roles_cannot_open_the_library_for_writing(w, client_for, role, url_name, takes_pk):
    assert_refused(fetch(client_for(w.a.users[role]), _url(w, url_name, takes_pk)))


@pytest.mark.parametrize(("url_name", "takes_pk"), WRITE_URLS)
def test_the_network_librarian_edits_the_library(w, client_for, url_name, takes_pk):
    assert_works(fetch(client_for(w.librarian), _url(w, url_name, takes_pk)))


@pytest.mark.parametrize("role", ROLES)
def test_clinic_roles_cannot_change_add_or_delete_references(w, client_for, role):
    client = client_for(w.a.users[role])
    ref = w.reference
    client.post(
        reverse("wagtailsnippets_clinic_pages_references_reference:edit", args=[ref.pk]),
        _reference_data(ref, title="Rewritten by a clinic"),
    )
    client.post(
        reverse("wagtailsnippets_clinic_pages_references_reference:add"),
        _reference_data(ref, title="Added by a clinic", doi="10.1111/clinic.1", pmid=""),
    )
    client.post(reverse("wagtailsnippets_clinic_pages_references_reference:delete", args=[ref.pk]))
    client.post(
        reverse("wagtail_bulk_action", args=["clinic_pages_references", "reference", "delete"])
        + f"?id={ref.pk}"
    )
    assert list(Reference.objects.values_list("pk", "title")) == [(ref.pk, ref.title)]


def test_the_network_librarian_changes_a_reference(w, client_for):
    ref = w.reference
    response = client_for(w.librarian).post(
        reverse("wagtailsnippets_clinic_pages_references_reference:edit", args=[ref.pk]),
        _reference_data(ref, title="Corrected title"),
    )
    assert response.status_code == 302
    assert Reference.objects.get(pk=ref.pk).title == "Corrected title"


def test_the_librarian_holds_no_clinic(w):
    """The network role edits shared data only; it is not a way into any clinic's content."""
    from clinic_pages.clinics.access import sites_for_user

    assert not sites_for_user(w.librarian).exists()
