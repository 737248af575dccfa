"""An office's name, parking and transport, and the medical disclaimer, as the clinic wrote them
in Spanish: shown on the Spanish pages, the English ones untouched, and a text the clinic left in
English marked as English."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from clinic_pages.appointments.models import AppointmentSlot
from clinic_pages.home.offices import OfficeIndexPage
from tests import factories
from tests.i18n.translating import translate
from tests.test_office_pages import graph_of

PARKING_ES = "Estacionamiento gratis enfrente; entrada sin escalones."


@pytest.fixture
def office(bilingual):
    location = factories.LocationFactory(
        site=bilingual.site,
        name="Glenview office",
        slug="glenview",
        parking_and_access="Free parking in front; step-free entrance.",
        transit="Pace bus 423 stops at the corner.",
        time_zone="America/Chicago",
        texts_in_other_languages=[
            (
                "texts",
                {
                    "language": "es",
                    "name": "Consultorio de Glenview",
                    "parking_and_access": PARKING_ES,
                },
            )
        ],
    )
    offices = OfficeIndexPage(title="Our offices", slug="offices", show_in_menus=True)
    bilingual.home.add_child(instance=offices)
    bilingual.extra["offices_es"] = translate(offices, "Nuestros consultorios")
    cache.clear()
    return location


def test_the_spanish_office_page_shows_the_clinics_spanish_texts(bilingual, office, client):
    html = client.get("/es/offices/glenview/", HTTP_HOST=bilingual.host).content.decode()
    assert "<h1>Consultorio de Glenview</h1>" in html
    assert f"<p>{PARKING_ES}</p>" in html
    # Transport was not written in Spanish: shown in English, and marked so (WCAG 3.1.2).
    assert '<p lang="en">Pace bus 423 stops at the corner.</p>' in html
    assert "Free parking in front" not in html


def test_the_english_office_page_keeps_the_english_texts(bilingual, office, client):
    html = client.get("/offices/glenview/", HTTP_HOST=bilingual.host).content.decode()
    assert "<h1>Glenview office</h1>" in html
    assert "<p>Free parking in front; step-free entrance.</p>" in html
    assert "Consultorio de Glenview" not in html and PARKING_ES not in html


def test_the_spanish_offices_list_and_json_ld_name_the_office_in_spanish(bilingual, office, client):
    html = client.get("/es/offices/", HTTP_HOST=bilingual.host).content.decode()
    assert "Consultorio de Glenview" in html and ">Glenview office<" not in html
    page = client.get("/es/offices/glenview/", HTTP_HOST=bilingual.host)
    names = {node.get("name") for node in graph_of(page)}
    assert f"{bilingual.settings.practice_name}, Consultorio de Glenview" in names
    assert "Consultorio de Glenview" in names  # the office page itself


def test_the_spanish_booking_form_offers_the_office_by_its_spanish_name(bilingual, office, client):
    start = (timezone.localtime() + datetime.timedelta(days=3)).replace(hour=10, minute=0)
    AppointmentSlot.objects.create(site=bilingual.site, location=office, starts_at=start)
    booking = translate(bilingual.appointment, "Pedir una cita")
    html = client.get(booking.url, HTTP_HOST=bilingual.host).content.decode()
    assert "Consultorio de Glenview" in html
    assert "Glenview office" not in html


def test_the_disclaimer_the_clinic_wrote_in_spanish_is_shown_in_spanish(bilingual, client):
    settings = bilingual.settings
    settings.disclaimer = "Written by the clinic, in English."
    settings.disclaimer_in_other_languages = [
        ("disclaimer", {"language": "es", "disclaimer": "Escrito por la clínica, en español."})
    ]
    settings.save()
    cache.clear()
    spanish = client.get("/es/treatments/", HTTP_HOST=bilingual.host).content.decode()
    assert "Escrito por la clínica, en español." in spanish
    assert "Written by the clinic" not in spanish
    assert 'lang="en">Escrito' not in spanish
    english = client.get("/treatments/", HTTP_HOST=bilingual.host).content.decode()
    assert "Written by the clinic, in English." in english and "Escrito" not in english
