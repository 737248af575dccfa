"""What the cache keeps for a clinic's visitors changes on the next render after the content does.

The menu and restricted sections (``core.outline``), the footer's offices, the clinic settings
and each page's JSON-LD are kept under the site's content generation (``core.generation``).
Each test warms the cache with a render, changes one thing the way an editor would, and checks
that the very next render shows the change; and that nothing is kept that must not be.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from clinic_pages.core.generation import content_generation
from tests import factories
from tests.seo.conftest import scripts_in


def html(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def menu_titles(response) -> list[str]:
    nav = html(response).find("nav", attrs={"aria-label": "Main"})
    return [a.get_text(strip=True) for a in nav.find_all("a")] if nav else []


def footer_text(response) -> str:
    return html(response).find("footer").get_text(" ", strip=True)


def graph(response) -> dict:
    (data,) = scripts_in(response.content.decode())
    return data


def node(response, schema_type: str) -> dict:
    return next(n for n in graph(response)["@graph"] if schema_type in str(n.get("@type")))


def webpage_node(response) -> dict:
    return next(n for n in graph(response)["@graph"] if n.get("@id", "").endswith("#webpage"))


@pytest.fixture
def clinic(clinic):
    """The shared clinic, with its treatments and conditions in the menu, as the demo has them."""
    for section in (clinic.treatments, clinic.conditions):
        section.show_in_menus = True
        section.save_revision().publish()
    return clinic


@pytest.fixture
def treatment(clinic):
    reference = factories.ReferenceFactory(title="Original study title")
    page = factories.TreatmentPageFactory(
        parent=clinic.treatments,
        title="Ketamine infusion",
        summary="The published summary.",
        references=[reference],
    )
    page.save_revision().publish()
    return page


def publish(page, **changes):
    page = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_a_renamed_section_shows_in_the_menu_on_the_next_render(clinic, client, treatment):
    for path in ("/", clinic.url(treatment), "/search/"):  # routed pages and a plain view
        assert "Treatments" in menu_titles(clinic.get(client, path))
    publish(clinic.treatments, title="Our treatments")
    for path in ("/", clinic.url(treatment), "/search/"):
        assert "Our treatments" in menu_titles(clinic.get(client, path))


def test_a_section_taken_out_of_the_menu_leaves_it(clinic, client):
    assert "Conditions" in menu_titles(clinic.get(client, "/search/"))
    publish(clinic.conditions, show_in_menus=False)
    assert "Conditions" not in menu_titles(clinic.get(client, "/search/"))


def test_an_office_change_shows_in_the_footer_on_the_next_render(clinic, client):
    office = factories.LocationFactory(site=clinic.site, name="Glenview office")
    assert "Glenview office" in footer_text(clinic.get(client, "/search/"))
    office.name = "Northbrook office"
    office.save()
    assert "Northbrook office" in footer_text(clinic.get(client, "/search/"))
    office.delete()
    assert "Northbrook office" not in footer_text(clinic.get(client, "/search/"))


def test_new_opening_hours_reach_the_home_pages_graph(clinic, client):
    office = factories.LocationFactory(site=clinic.site, hours=[])

    def days(response) -> list[str]:
        hours = node(response, "MedicalClinic").get("openingHoursSpecification", [])
        return [spec["dayOfWeek"] for spec in hours]

    assert days(clinic.get(client, "/")) == []
    factories.OpeningHoursFactory(location=office, weekday=5)
    assert days(clinic.get(client, "/")) == ["https://schema.org/Saturday"]


def test_a_settings_change_shows_on_the_next_render(clinic, client, treatment):
    assert "(312) 555-0100" in footer_text(clinic.get(client, clinic.url(treatment)))
    clinic.settings.phone = "(312) 555-0199"
    clinic.settings.save()
    response = clinic.get(client, clinic.url(treatment))
    assert "(312) 555-0199" in footer_text(response)
    assert node(response, "MedicalOrganization")["telephone"] == "(312) 555-0199"


def test_a_republished_page_gets_a_new_graph(clinic, client, treatment):
    assert webpage_node(clinic.get(client, clinic.url(treatment)))["description"] == (
        "The published summary."
    )
    publish(treatment, summary="The new summary.")
    assert webpage_node(clinic.get(client, clinic.url(treatment)))["description"] == (
        "The new summary."
    )


def test_a_reference_edit_reaches_the_graphs_of_pages_citing_it(clinic, client, treatment):
    def citation_names(response) -> list[str]:
        return [c["name"] for c in webpage_node(response)["citation"]]

    assert citation_names(clinic.get(client, clinic.url(treatment))) == ["Original study title"]
    reference = treatment.reference_links.get().reference
    reference.title = "Corrected study title"
    reference.save()
    assert citation_names(clinic.get(client, clinic.url(treatment))) == ["Corrected study title"]


def test_a_renamed_physician_shows_in_the_graphs_of_the_treatments_they_offer(
    clinic, client, treatment
):
    physician = factories.PhysicianPageFactory(
        parent=clinic.physicians, family_name="Lee", treatments=[treatment]
    )
    physician.save_revision().publish()

    def physician_names(response) -> list[str]:
        return [n["name"] for n in graph(response)["@graph"] if n.get("@type") == "Physician"]

    assert physician_names(clinic.get(client, clinic.url(treatment))) == ["Dr. Ana Lee, MD"]
    publish(physician, family_name="Lee-Park")
    assert physician_names(clinic.get(client, clinic.url(treatment))) == ["Dr. Ana Lee-Park, MD"]


def test_a_published_answer_shows_and_a_draft_does_not(clinic, client):
    question = factories.QuestionFactory(site=clinic.site, answer="<p>First answer.</p>")
    assert "First answer." in html(clinic.get(client, clinic.url(clinic.faq))).get_text()
    question.answer = "<p>Draft answer.</p>"
    question.save_revision()
    assert "Draft answer." not in html(clinic.get(client, clinic.url(clinic.faq))).get_text()
    question.save_revision().publish()
    assert "Draft answer." in html(clinic.get(client, clinic.url(clinic.faq))).get_text()


def test_a_restricted_section_leaves_menus_and_listings_at_once(clinic, client, treatment):
    clinic.treatments.show_in_menus = True
    clinic.treatments.save_revision().publish()
    assert "Treatments" in menu_titles(clinic.get(client, "/search/"))
    assert "Ketamine infusion" in html(clinic.get(client, "/")).get_text()

    PageViewRestriction.objects.create(
        page=clinic.treatments, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    assert "Treatments" not in menu_titles(clinic.get(client, "/search/"))
    assert "Treatments" not in menu_titles(clinic.get(client, "/"))
    assert "Ketamine infusion" not in html(clinic.get(client, "/")).get_text()
    response = clinic.get(client, clinic.url(treatment))
    assert b"password" in response.content.lower()
    assert b"The published summary." not in response.content


def test_a_preview_never_leaves_its_draft_in_the_cache(clinic, client, treatment):
    live_url = clinic.url(treatment)
    clinic.get(client, live_url)
    draft = treatment.get_latest_revision_as_object()
    draft.summary = "An unpublished draft summary."
    draft.save_revision()
    preview = draft.make_preview_request()
    assert b"An unpublished draft summary." in preview.content
    response = clinic.get(client, live_url)
    assert webpage_node(response)["description"] == "The published summary."


def test_drafts_leave_the_generation_alone_and_publishing_changes_it(clinic, treatment):
    before = content_generation(clinic.site.pk)
    draft = treatment.get_latest_revision_as_object()
    draft.summary = "A draft."
    draft.save_revision()
    assert content_generation(clinic.site.pk) == before
    draft.save_revision().publish()
    assert content_generation(clinic.site.pk) != before


def test_a_change_in_one_clinic_leaves_another_clinics_cache_alone(make_clinic):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    alpha_before, beta_before = (content_generation(c.site.pk) for c in (alpha, beta))
    factories.LocationFactory(site=alpha.site)
    assert content_generation(alpha.site.pk) != alpha_before
    assert content_generation(beta.site.pk) == beta_before


def test_an_image_change_reaches_every_clinic(make_clinic):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    before = [content_generation(c.site.pk) for c in (alpha, beta)]
    Image.objects.create(title="Shared photo", file=get_test_image_file())
    after = [content_generation(c.site.pk) for c in (alpha, beta)]
    assert all(b != a for b, a in zip(before, after, strict=True))


def test_a_change_inside_a_transaction_bumps_again_when_it_commits(
    clinic, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        factories.LocationFactory(site=clinic.site, hours=[])
        during = content_generation(clinic.site.pk)
    assert callbacks, "the bump is repeated on commit"
    for callback in callbacks:
        callback()
    assert content_generation(clinic.site.pk) != during


def test_the_graph_is_built_once_per_revision(clinic, client, treatment, monkeypatch):
    from clinic_pages.seo.templatetags import clinic_pages_seo

    built = []
    real_build = clinic_pages_seo.build_graph
    monkeypatch.setattr(
        clinic_pages_seo, "build_graph", lambda *args: built.append(1) or real_build(*args)
    )
    for _ in range(3):
        clinic.get(client, clinic.url(treatment))
    assert len(built) == 1
    publish(treatment, summary="Changed.")
    clinic.get(client, clinic.url(treatment))
    assert len(built) == 2
    assert json.dumps(webpage_node(clinic.get(client, clinic.url(treatment)))).count("Changed.")
