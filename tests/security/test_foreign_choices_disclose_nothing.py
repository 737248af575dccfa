"""A form refused for another clinic's ids shows nothing of that clinic.

An editor of clinic A who posts clinic B's ids (a draft page, a private image) to A's forms gets
the form back with an error; the choosers on it used to look the posted ids up and show B's
draft title and a thumbnail of B's image (made on the spot, as a new rendition of it).
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from clinic_pages.clinics.forms import FOREIGN_CHOICES_MESSAGE
from tests import factories
from tests.isolation import payloads
from tests.isolation.responses import assert_nothing_of, body

SETTINGS_URL = ("clinic_pages_clinics", "clinicsettings")
DRAFT_TITLE = "Birchwood unannounced merger plans"


def _renditions_of(image) -> int:
    return get_image_model().objects.get(pk=image.pk).renditions.count()


@pytest.fixture
def b_draft(w):
    """A page of clinic B that was never published: its title is B's secret."""
    page = factories.TreatmentPageFactory(
        parent=w.b.sections["treatments"], title=DRAFT_TITLE, slug="merger", live=False
    )
    page.save_revision()
    return page


def _assert_shows_nothing_of_b(w, response):
    """No title of B's, and no chooser thumbnail at all (the form chose no image of A's)."""
    assert response.status_code == 200
    assert_nothing_of(w.b, response, extra=[DRAFT_TITLE])
    assert "max-165x165" not in body(response)


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_settings_with_another_clinics_draft_and_image_show_neither(w, client_for, b_draft, role):
    renditions_before = _renditions_of(w.b.image)
    data = payloads.settings_data(w.a.settings, practice_name="Alderbrook renamed")
    data.update(logo=w.b.image.pk, appointment_page=b_draft.pk)

    response = client_for(w.a.users[role]).post(
        reverse("wagtailsettings:edit", args=[*SETTINGS_URL, w.a.site.pk]), data
    )

    _assert_shows_nothing_of_b(w, response)
    assert "Select a valid choice" in body(response)
    assert _renditions_of(w.b.image) == renditions_before
    w.a.settings.refresh_from_db()
    assert w.a.settings.practice_name != "Alderbrook renamed"


def test_a_page_with_another_clinics_listing_image_shows_no_thumbnail_of_it(w, client_for):
    renditions_before = _renditions_of(w.b.image)
    data = payloads.page_data(w.a.treatment, "Cross-linked")
    data["listing_image"] = w.b.image.pk

    response = client_for(w.a.users["editor"]).post(
        reverse("wagtailadmin_pages:edit", args=[w.a.treatment.pk]), data
    )

    _assert_shows_nothing_of_b(w, response)
    assert _renditions_of(w.b.image) == renditions_before


def _post_body(client, page, blocks):
    data = payloads.treatment_page_data(page, "Linked across clinics?")
    data = {key: value for key, value in data.items() if not key.startswith("body-")}
    data.update(nested_form_data({"body": streamfield(blocks)}))
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_stream_blocks_naming_another_clinics_page_and_image_show_neither(w, client_for, b_draft):
    page = w.a.treatment
    before = Page.objects.get(pk=page.pk).latest_revision_id
    renditions_before = _renditions_of(w.b.image)
    cta = {
        "heading": "Book",
        "text": "",
        "button_label": "",
        "page": b_draft.pk,
        "url": "",
        "phone": "",
    }
    figure = {
        "image": {"image": w.b.image.pk, "alt_text": "A room", "decorative": ""},
        "caption": "",
    }

    response = _post_body(
        client_for(w.a.users["editor"]), page, [("call_to_action", cta), ("figure", figure)]
    )

    _assert_shows_nothing_of_b(w, response)
    assert str(FOREIGN_CHOICES_MESSAGE) in body(response)
    assert _renditions_of(w.b.image) == renditions_before
    assert Page.objects.get(pk=page.pk).latest_revision_id == before


def test_the_clinics_own_choices_are_shown_again_on_a_refused_form(w, client_for):
    """The confinement hides only foreign objects: A's own logo stays on a form with errors."""
    data = payloads.settings_data(w.a.settings, practice_name="")  # required: the form fails
    data.update(logo=w.a.image.pk)
    response = client_for(w.a.users["editor"]).post(
        reverse("wagtailsettings:edit", args=[*SETTINGS_URL, w.a.site.pk]), data
    )
    assert response.status_code == 200
    assert w.a.image.title in body(response)


@pytest.mark.parametrize("value", ["abc", "1.5", "-1", "99999999999999999999999"])
def test_a_chooser_given_garbage_answers_with_a_form_error(w, client_for, value):
    data = payloads.settings_data(w.a.settings, practice_name=w.a.settings.practice_name)
    data.update(logo=value, appointment_page=value)
    response = client_for(w.a.users["editor"]).post(
        reverse("wagtailsettings:edit", args=[*SETTINGS_URL, w.a.site.pk]), data
    )
    assert response.status_code == 200
    assert "Select a valid choice" in body(response)


def test_a_slot_with_another_clinics_office_and_physician_shows_neither(w, client_for):
    """The front desk's slot form (appointments) narrows its choosers the same way."""
    data = {
        "location": w.b.location.pk,
        "physician": w.b.physician.pk,
        "starts_at": "2031-03-03 09:00",
        "duration_minutes": "30",
    }
    response = client_for(w.a.users["front_desk"]).post(reverse("appointment_slots:add"), data)
    assert response.status_code == 200
    assert_nothing_of(w.b, response)
