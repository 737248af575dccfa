"""Florida Medical's Spanish pages: true translations, served in Spanish, reviewed, linked.

Only Florida Medical is loaded (a few seconds, not the whole demo), once for the module, inside a
transaction rolled back afterwards; each test runs in a savepoint inside it.
"""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Revision, Site, WorkflowState

from clinic_pages.appointments.models import AppointmentPage
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.demo.loader import DemoLoader
from clinic_pages.demo.reader import read_demo
from clinic_pages.demo.spec import DemoSpec
from clinic_pages.faqs.models import FAQPage, Question
from clinic_pages.governance.readability.assessment import assess, is_readable_type
from clinic_pages.home.models import HomePage
from clinic_pages.physicians.models import PhysicianPage
from clinic_pages.treatments.models import TreatmentPage

HOST = "florida-medical.localhost:8000"
# Each English page the issue names, and its Spanish URL.
SPANISH_URLS = {
    "/": "/es/",
    "/treatments/ketamine-infusion-therapy/": "/es/treatments/terapia-de-infusion-de-ketamina/",
    "/faq/": "/es/faq/",
    "/physicians/dr-sam-calloway/": "/es/physicians/dr-sam-calloway/",
    "/appointments/": "/es/appointments/",
}
# Headings a block gets when the data file gives none: in English, so never on a Spanish page.
ENGLISH_DEFAULTS = ["Myths and facts", "What the research shows", "Side effects and risks"]


def _florida_only(*, reset: bool = False) -> DemoLoader:
    demo = read_demo()
    (florida,) = [clinic for clinic in demo.clinics if clinic.slug == "florida-medical"]
    clinic = dataclasses.replace(florida, is_default_site=True)
    return DemoLoader(DemoSpec(references=demo.references, clinics=[clinic]), reset=reset, log=None)


@pytest.fixture(scope="module")
def florida(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        stats = _florida_only().run()
        yield stats
        transaction.set_rollback(True)


@pytest.fixture
def site(florida, db) -> Site:
    return Site.objects.get(hostname="florida-medical.localhost")


def _get(client, path: str):
    response = client.get(path, HTTP_HOST=HOST)
    assert response.status_code == 200, path
    return response


def _alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def _page_at(site: Site, path: str) -> Page:
    """The live page a visitor reaches at ``path`` on the clinic's host."""
    home = site.root_page
    if path.startswith("/es/"):
        home = home.get_translation(Locale.objects.get(language_code="es"))
        path = path.removeprefix("/es")
    page = Page.objects.live().get(url_path=f"{home.url_path}{path.lstrip('/')}").specific
    assert urlsplit(page.get_url()).path.endswith(path)
    return page


def test_each_spanish_page_is_a_published_translation_of_its_english_page(site):
    assert ClinicSettings.for_site(site).languages == ["en", "es"]
    for english_path, spanish_path in SPANISH_URLS.items():
        english, spanish = _page_at(site, english_path), _page_at(site, spanish_path)
        assert spanish.translation_key == english.translation_key
        assert (english.locale.language_code, spanish.locale.language_code) == ("en", "es")
        assert type(spanish) is type(english)
        assert spanish.live and not spanish.has_unpublished_changes
        assert spanish.alias_of_id is None  # its own text, not a mirror of the English page


def test_spanish_pages_are_served_in_spanish(site, client):
    titles = {
        "/es/": "Atención del dolor y de lesiones cerca de su casa",
        "/es/treatments/terapia-de-infusion-de-ketamina/": "Terapia de infusión de ketamina",
        "/es/faq/": "Preguntas frecuentes",
        "/es/physicians/dr-sam-calloway/": "Dr. Sam Calloway",
        "/es/appointments/": "Solicitar una cita",
    }
    for path, heading in titles.items():
        html = _get(client, path).content.decode()
        soup = BeautifulSoup(html, "html.parser")
        assert soup.html["lang"] == "es", path
        assert soup.h1.get_text(" ", strip=True).startswith(heading), path
        assert "Saltar al contenido principal" in html and "Skip to main content" not in html
        assert ">Contáctenos</h2>" in html, path
        for default in ENGLISH_DEFAULTS:
            assert default not in html, f"{path} shows the English heading {default!r}"
        assert soup.find("a", attrs={"hreflang": "en", "lang": "en"}) is not None  # switcher


def test_spanish_pages_carry_the_clinics_tagline_and_call_to_action_in_spanish(site, client):
    html = _get(client, "/es/treatments/terapia-de-infusion-de-ketamina/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".brand__tagline").get_text(strip=True) == (
        "Atención del dolor y de lesiones en St. Petersburg"
    )
    faq = BeautifulSoup(_get(client, "/es/faq/").content.decode(), "html.parser")
    headings = [heading.get_text(strip=True) for heading in faq.select(".cta__heading")]
    assert "Vuelva a disfrutar de su vida" in headings  # the clinic's default call to action
    assert "Get back to living" not in faq.get_text()
    english = BeautifulSoup(_get(client, "/").content.decode(), "html.parser")
    assert "St. Petersburg" in english.select_one(".brand__tagline").get_text()
    assert "Atención" not in english.select_one(".brand__tagline").get_text()


def test_spanish_pages_carry_the_disclaimer_and_the_office_in_spanish(site, client):
    page = BeautifulSoup(
        _get(client, "/es/treatments/terapia-de-infusion-de-ketamina/").content.decode(),
        "html.parser",
    )
    disclaimer = page.select_one(".disclaimer").get_text(" ", strip=True)
    assert "no consejo médico" in disclaimer and "llame al 911" in disclaimer
    assert page.select_one(".disclaimer span").get("lang", "es") == "es"  # written in Spanish
    booking = _get(client, "/es/appointments/").content.decode()
    assert "Consultorio de St. Petersburg" in booking
    assert "Estacionamiento gratis al lado del edificio" in booking
    assert "St. Petersburg office" not in booking
    english = _get(client, "/appointments/").content.decode()
    assert "St. Petersburg office" in english and "Consultorio de" not in english


def test_hreflang_pairs_are_reciprocal(site, client):
    for english_path, spanish_path in SPANISH_URLS.items():
        english = _alternates(_get(client, english_path).content.decode())
        spanish = _alternates(_get(client, spanish_path).content.decode())
        expected = {
            "en": f"http://{HOST}{english_path}",
            "es": f"http://{HOST}{spanish_path}",
            "x-default": f"http://{HOST}{english_path}",
        }
        assert english == expected
        assert spanish == expected


def test_the_sitemap_lists_the_spanish_pages(site, client):
    xml = _get(client, "/sitemap.xml").content.decode()
    listed = {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", xml)}
    assert set(SPANISH_URLS) <= listed
    assert set(SPANISH_URLS.values()) <= listed


def test_medical_pages_were_approved_through_the_review_workflow(site, client):
    today = timezone.localdate()
    spanish_physician = _page_at(site, "/es/physicians/dr-sam-calloway/")
    for path in ("/es/treatments/terapia-de-infusion-de-ketamina/", "/es/faq/"):
        page = _page_at(site, path)
        state = WorkflowState.objects.for_instance(page).get()
        assert state.status == WorkflowState.STATUS_APPROVED
        assert state.requested_by.username == "florida-medical-editor"
        (task_state,) = state.task_states.all()
        assert task_state.finished_by.username == "florida-medical-reviewer"
        # The stamp names the reviewer's Spanish profile, linked from the page.
        assert (page.reviewed_by, page.last_reviewed) == (spanish_physician, today)
        assert page.next_review_due > today
    html = _get(client, "/es/treatments/terapia-de-infusion-de-ketamina/").content.decode()
    assert 'Revisado por un médico — <a href="/es/physicians/dr-sam-calloway/">' in html


def test_every_spanish_page_went_live_through_the_workflow(site):
    for spanish_path in SPANISH_URLS.values():
        page = _page_at(site, spanish_path)
        assert (
            WorkflowState.objects.for_instance(page)
            .filter(status=WorkflowState.STATUS_APPROVED)
            .exists()
        ), spanish_path
        assert page.live_revision.approved_go_live_at is None


def test_links_in_spanish_pages_lead_to_spanish_pages(site):
    home = _page_at(site, "/es/")
    ketamine = _page_at(site, "/es/treatments/terapia-de-infusion-de-ketamina/")
    physician = _page_at(site, "/es/physicians/dr-sam-calloway/")
    appointments = _page_at(site, "/es/appointments/")
    assert isinstance(home, HomePage) and isinstance(ketamine, TreatmentPage)
    assert [link.treatment for link in home.featured_treatment_links.all()] == [ketamine]
    assert [row.treatment for row in physician.treatments_offered.all()] == [ketamine]
    (cta,) = [block for block in ketamine.body if block.block_type == "call_to_action"]
    assert cta.value["page"].specific == appointments
    # No listing of the Spanish page mixes in an English page.
    assert not ketamine.related_links.exists() and not ketamine.condition_links.exists()


def test_the_spanish_faq_page_lists_the_spanish_questions_only(site, client):
    spanish = Question.objects.filter(site=site, language="es")
    english = Question.objects.filter(site=site, language="en")
    assert spanish.count() == 7 and english.count() >= 7
    es_html = _get(client, "/es/faq/").content.decode()
    en_html = _get(client, "/faq/").content.decode()
    for question in spanish:
        assert question.question in es_html and question.question not in en_html
    for question in english:
        assert question.question not in es_html


def test_the_spanish_booking_page_offers_spanish_reasons(site, client):
    page = _page_at(site, "/es/appointments/")
    assert isinstance(page, AppointmentPage)
    assert [reason.label for reason in page.reasons.all()] == [
        "Primera consulta",
        "Segunda opinión",
        "Visita de seguimiento",
    ]
    html = _get(client, "/es/appointments/").content.decode()
    assert "Segunda opinión" in html and "Second opinion" not in html


def test_the_spanish_pages_read_at_the_clinics_target(site):
    measured = {}
    for path in SPANISH_URLS.values():
        page = _page_at(site, path)
        if is_readable_type(type(page)):
            readability = assess(page)
            assert readability.language == "es"
            measured[path] = readability.grade
            assert readability.grade is not None and not readability.is_above_target, measured
    assert len(measured) >= 4, measured  # home, ketamine, FAQ and physician pages


def test_loading_again_changes_nothing(site):
    counts = (Page.objects.count(), Revision.objects.count(), Question.objects.count())
    stats = _florida_only().run()
    assert stats["translated pages kept"] == 7
    assert (Page.objects.count(), Revision.objects.count(), Question.objects.count()) == counts


def test_reset_restores_an_edited_translation_through_review(site):
    page = _page_at(site, "/es/faq/")
    page.title = "Cambiado por una editora"
    page.save_revision().publish()
    stats = _florida_only(reset=True).run()
    assert stats["translated pages updated"] == 1
    page = FAQPage.objects.get(pk=page.pk)
    assert page.title == "Preguntas frecuentes"
    assert (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_APPROVED)
        .count()
        == 2
    )
    assert PhysicianPage.objects.filter(locale__language_code="es").count() == 1
