"""Tag suggestions in the admin come from the user's own clinic's images and documents."""

from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.fixture
def tagged(w):
    w.a.image.tags.add("alderbrook lobby")
    w.a.document.tags.add("alderbrook consent")
    w.b.image.tags.add("birchwood staff party")
    w.b.document.tags.add("alderbrook-sounding birchwood tag")
    return w


def _suggestions(client, term):
    response = client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": term})
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_staff_are_offered_only_their_clinics_tags(tagged, client_for, role):
    client = client_for(tagged.a.users[role])
    assert _suggestions(client, "alder") == ["alderbrook consent", "alderbrook lobby"]
    assert _suggestions(client, "birch") == []
    assert _suggestions(client, "") == []


def test_the_front_desk_without_media_rights_is_offered_none(tagged, client_for):
    assert _suggestions(client_for(tagged.a.users["front_desk"]), "alder") == []


def test_superusers_are_offered_every_tag(tagged, client_for):
    client = client_for(tagged.superuser)
    assert _suggestions(client, "birch") == ["birchwood staff party"]
    assert "alderbrook-sounding birchwood tag" in _suggestions(client, "alder")


def test_a_long_term_is_answered(tagged, client_for):
    assert _suggestions(client_for(tagged.a.users["editor"]), "a" * 5000) == []
