"""Autosave keeps going while an editor is still filling in a new, empty section.

Wagtail 7+ saves drafts in the background and shows "Autosave is paused" when a save is
refused. Required fields inside StreamField blocks are deferred for drafts, so a block that was
just added and is still empty must not stop it; publishing still asks for them.
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.isolation import payloads

EMPTY_BLOCKS = [
    ("section", {"heading": "", "body": rich_text("")}),
    ("figure", {"image": {"image": "", "alt_text": "", "decorative": ""}, "caption": ""}),
]


def _with_body(page, blocks) -> dict:
    data = payloads.treatment_page_data(page, "Ketamine infusion")
    data = {key: value for key, value in data.items() if not key.startswith("body-")}
    return {**data, **nested_form_data({"body": streamfield(blocks)})}


def test_an_autosave_with_a_new_empty_block_is_saved(w, client_for):
    page = Page.objects.get(pk=w.a.treatment.pk).specific  # fresh: tests share the world
    before = Page.objects.get(pk=page.pk).latest_revision_id
    response = client_for(w.a.users["editor"]).post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        _with_body(page, EMPTY_BLOCKS),
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200, response.content[:500]
    assert response.json()["success"] is True
    assert Page.objects.get(pk=page.pk).latest_revision_id != before


def test_publishing_still_asks_for_the_empty_blocks_fields(w, client_for):
    page = Page.objects.get(pk=w.a.treatment.pk).specific
    data = {**_with_body(page, EMPTY_BLOCKS), "action-publish": "action-publish"}
    response = client_for(w.superuser).post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data
    )
    assert response.status_code == 200  # the form again, with the blocks' errors
    assert "This field is required" in response.content.decode()
    assert Page.objects.get(pk=page.pk).live_revision_id == page.live_revision_id
