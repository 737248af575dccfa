"""Patient stories: shown only with recorded written consent, with their disclosures beside them."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone

from clinic_pages.stories.models import MaterialConnection, PatientStoriesPage, PatientStory
from tests import factories
from tests.seo.conftest import scripts_in

TODAY = timezone.localdate()


def consented(**fields) -> PatientStory:
    values = {
        "shown_name": "Maria, 54",
        "story": "After my third visit I could garden again for an afternoon.",
        "consent_recorded_on": TODAY - datetime.timedelta(days=30),
        "consent_scope": "This text, first name and age, on the clinic website only",
        "text_approved": True,
        "material_connection": MaterialConnection.NONE,
    }
    return PatientStory(**(values | fields))


@pytest.fixture
def stories_page(clinic):
    page = PatientStoriesPage(title="Patient stories", slug="stories")
    clinic.home.add_child(instance=page)
    return page


def publish(page: PatientStoriesPage, *stories: PatientStory) -> None:
    page.stories = list(stories)
    page.save_revision().publish()


def shown(clinic, client, page) -> BeautifulSoup:
    response = clinic.get(client, page)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"text_approved": False}, "text_approved"),
        ({"consent_recorded_on": TODAY + datetime.timedelta(days=1)}, "consent_recorded_on"),
        ({"consent_expires_on": TODAY - datetime.timedelta(days=60)}, "consent_expires_on"),
        ({"material_connection": MaterialConnection.OTHER}, "connection_details"),
        ({"consent_recorded_on": None}, "consent_recorded_on"),
        ({"consent_scope": ""}, "consent_scope"),
    ],
)
def test_a_story_without_recorded_consent_cannot_be_saved(stories_page, fields, field):
    story = consented(page=stories_page, **fields)
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert field in error.value.message_dict


def test_a_story_shows_with_its_disclosures(clinic, client, stories_page):
    treatment = factories.TreatmentPageFactory(parent=clinic.treatments, title="Nerve blocks")
    publish(
        stories_page,
        consented(
            treatment=treatment,
            material_connection=MaterialConnection.FREE_CARE,
            results_not_typical=True,
        ),
    )
    html = shown(clinic, client, stories_page)
    story = html.select_one(".story")
    assert "I could garden again" in story.blockquote.get_text()
    assert story.figcaption.get_text(" ", strip=True).startswith("Maria, 54")
    assert story.find("a", string="Nerve blocks")["href"].endswith("/nerve-blocks/")
    disclosures = [li.get_text(strip=True) for li in story.select(".story__disclosures li")]
    assert disclosures == [
        "This patient received free or discounted care.",
        "This result is not typical. Results vary from person to person.",
    ]
    assert "written consent" in html.select_one(".stories__notice").get_text()


def test_a_story_leaves_the_day_after_its_consent_ends(clinic, client, stories_page):
    publish(
        stories_page,
        consented(shown_name="Ends today", consent_expires_on=TODAY),
        consented(shown_name="Ended", consent_expires_on=TODAY - datetime.timedelta(days=1)),
        consented(shown_name="Open-ended"),
    )
    names = [
        n.get_text(strip=True) for n in shown(clinic, client, stories_page).select(".story__name")
    ]
    assert names == ["Ends today", "Open-ended"]
    stories_page.refresh_from_db()
    expires = stories_page.content_expires_at()
    assert expires == timezone.make_aware(
        datetime.datetime.combine(TODAY + datetime.timedelta(days=1), datetime.time.min)
    )


def test_no_review_or_rating_markup_is_emitted(clinic, client, stories_page):
    publish(stories_page, consented())
    response = clinic.get(client, stories_page)
    (graph,) = scripts_in(response.content.decode())
    text = str(graph)
    assert "Review" not in text and "Rating" not in text
