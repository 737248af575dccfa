"""Per-clinic settings reach the right Site's pages, and are read once per request."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clinic_pages.clinics.models import DEFAULT_DISCLAIMER, ClinicSettings
from tests import factories


@pytest.fixture
def two_clinics(make_clinic):
    alpha = make_clinic("alpha", practice_name="Alpha Spine Center", brand_colour="#123456")
    beta = make_clinic("beta", practice_name="Beta Pain Clinic", brand_colour="#5a1e66")
    beta.settings.phone = "(305) 555-0177"
    beta.settings.instagram_url = "https://instagram.com/betapain"
    beta.settings.save()
    return alpha, beta


def _page(response) -> tuple[BeautifulSoup, str]:
    assert response.status_code == 200
    html = response.content.decode()
    return BeautifulSoup(html, "html.parser"), html


@pytest.mark.parametrize("path", ["/", "/treatments/", "/faq/", "/appointments/"])
def test_practice_name_and_brand_colour_belong_to_the_requested_site(two_clinics, client, path):
    alpha, beta = two_clinics
    soup, html = _page(alpha.get(client, path))
    assert soup.title.string.strip().endswith("| Alpha Spine Center")
    assert "Alpha Spine Center" in soup.find(class_="brand").get_text()
    assert "--primary:#123456" in html
    assert "Beta Pain Clinic" not in html
    assert "#5a1e66" not in html

    soup, html = _page(beta.get(client, path))
    assert "Beta Pain Clinic" in soup.find(class_="brand").get_text()
    assert "--primary:#5a1e66" in html
    assert "Alpha Spine Center" not in html
    assert "#123456" not in html


def test_header_phone_and_social_links_come_from_the_sites_settings(two_clinics, client):
    alpha, beta = two_clinics
    soup, _ = _page(beta.get(client, "/"))
    assert soup.find("a", class_="header-phone")["href"] == "tel:+13055550177"
    assert soup.find("a", href="https://instagram.com/betapain") is not None

    soup, html = _page(alpha.get(client, "/"))
    assert soup.find("a", class_="header-phone")["href"] == "tel:+13125550100"
    assert "instagram.com/betapain" not in html


def test_disclaimer_is_per_clinic_with_a_default(two_clinics, client):
    alpha, beta = two_clinics
    beta.settings.disclaimer = "Beta's disclaimer text."
    beta.settings.save()
    page = factories.TreatmentPageFactory(parent=alpha.treatments)
    _, alpha_html = _page(alpha.get(client, page))
    assert "general information, not medical advice" in alpha_html
    assert DEFAULT_DISCLAIMER[:60] in alpha_html
    other = factories.TreatmentPageFactory(parent=beta.treatments)
    _, beta_html = _page(beta.get(client, other))
    assert "Beta&#x27;s disclaimer text." in beta_html or "Beta's disclaimer text." in beta_html
    assert "general information, not medical advice" not in beta_html


def test_a_site_without_settings_still_renders_with_defaults(two_clinics, client):
    alpha, _ = two_clinics
    ClinicSettings.objects.filter(site=alpha.site).delete()
    _, html = _page(alpha.get(client, "/"))
    assert "--primary:#1f4e79" in html
    assert "Alpha Spine Center" not in html


def test_settings_are_fetched_once_per_request(two_clinics, client):
    alpha, _ = two_clinics
    page = factories.TreatmentPageFactory(parent=alpha.treatments)
    with CaptureQueriesContext(connection) as queries:
        _page(alpha.get(client, page))
    # Read once, on its own or joined to the request's Site lookup (home.sites).
    settings_queries = [
        q["sql"]
        for q in queries.captured_queries
        if re.search(r'(FROM|JOIN) "clinic_pages_clinics_clinicsettings"', q["sql"])
    ]
    assert len(settings_queries) == 1, settings_queries


def test_settings_for_site_returns_each_sites_own_row(two_clinics):
    alpha, beta = two_clinics
    assert ClinicSettings.for_site(alpha.site).practice_name == "Alpha Spine Center"
    assert ClinicSettings.for_site(beta.site).practice_name == "Beta Pain Clinic"
    assert ClinicSettings.for_site(beta.site).phone_href == "tel:+13055550177"
    assert ClinicSettings.for_site(beta.site).social_links == [
        ("Instagram", "https://instagram.com/betapain")
    ]


def test_default_cta_leads_to_each_clinics_own_appointment_page(two_clinics, client):
    alpha, beta = two_clinics
    beta.appointment.slug = "book-a-visit"
    beta.appointment.save()
    beta.settings.cta_button_label = "Book with Beta"
    beta.settings.save()
    for clinic, href, label in (
        (alpha, "/appointments/", "Request an appointment"),
        (beta, "/book-a-visit/", "Book with Beta"),
    ):
        page = factories.TreatmentPageFactory(parent=clinic.treatments)
        soup, _ = _page(clinic.get(client, page))
        button = soup.find("main").find(class_="cta").find("a", class_="button")
        assert (urlsplit(button["href"]).path, button.get_text(strip=True)) == (href, label)
