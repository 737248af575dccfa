"""An editor sets a page's draft aside and is back on its live version."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page

DISCARD = "clinic_pages_discard_draft"


@pytest.fixture
def drafted(w):
    """Clinic A's live treatment, with a draft that renames it."""
    page = Page.objects.get(pk=w.a.treatment.pk).specific  # fresh: tests share the world
    draft = page.get_latest_revision_as_object()
    draft.title = "Renamed in a draft"
    draft.save_revision(user=w.a.users["editor"])
    return Page.objects.get(pk=page.pk).specific


def test_the_editor_offers_to_discard_a_live_pages_draft(w, client_for, drafted):
    response = client_for(w.a.users["editor"]).get(
        reverse("wagtailadmin_pages:edit", args=[drafted.pk])
    )
    assert "Discard draft (back to live version)" in response.content.decode()
    assert reverse(DISCARD, args=[drafted.pk]) in response.content.decode()


def test_discarding_brings_the_live_version_back_and_keeps_the_draft_in_history(
    w, client_for, drafted
):
    live_title = drafted.title
    client = client_for(w.a.users["editor"])
    assert (
        "Yes, discard the draft" in client.get(reverse(DISCARD, args=[drafted.pk])).content.decode()
    )
    response = client.post(reverse(DISCARD, args=[drafted.pk]))
    assert response.status_code == 302
    page = Page.objects.get(pk=drafted.pk)
    assert not page.has_unpublished_changes
    assert page.latest_revision_id == page.live_revision_id
    assert page.draft_title == live_title
    assert page.revisions.filter(content__title="Renamed in a draft").exists()
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Renamed in a draft" not in editor
    assert "Discard draft (back to live version)" not in editor


def test_another_clinics_editor_cannot_discard_the_draft(w, client_for, drafted):
    response = client_for(w.b.users["editor"]).post(reverse(DISCARD, args=[drafted.pk]))
    assert response.status_code in (302, 403)
    assert Page.objects.get(pk=drafted.pk).has_unpublished_changes


def test_a_page_without_a_draft_has_nothing_to_discard(w, client_for):
    page = Page.objects.get(pk=w.a.treatment.pk).specific
    page.save_revision(user=w.superuser).publish(user=w.superuser)
    page = Page.objects.get(pk=page.pk)
    assert not page.has_unpublished_changes
    response = client_for(w.a.users["editor"]).post(reverse(DISCARD, args=[page.pk]))
    assert response.status_code == 302
    assert Page.objects.get(pk=page.pk).latest_revision_id == page.latest_revision_id
