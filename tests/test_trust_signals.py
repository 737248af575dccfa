"""A clinic's trust signals: years in practice, credentials with their issuers, insurance and
self-pay prices, as patients read them (home, booking and treatment pages) and as the JSON-LD
says them; refused when incomplete, and never shown on another clinic's site."""

from __future__ import annotations

import datetime
import json
import re
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.clinics.trust import DEFAULT_SELF_PAY_NOTE, CredentialBlock, SelfPayPriceBlock
from clinic_pages.demo.reader import read_demo
from tests import factories
from tests.isolation import payloads
from tests.seo.test_vocabulary import vocabulary_errors

SETTINGS = ("clinic_pages_clinics", "clinicsettings")

JSONLD = re.compile(r'<script type="application/ld\+json">(?P<json>.*?)</script>', re.DOTALL)


def graph_of(response) -> list[dict]:
    return json.loads(JSONLD.search(response.content.decode())["json"])["@graph"]


def node(graph: list[dict], schema_type: str) -> dict:
    (found,) = [item for item in graph if item["@type"] == schema_type]
    return found


def stream(block_type: str, rows: list[dict]) -> list[dict]:
    return [{"type": block_type, "value": row, "id": str(uuid.uuid4())} for row in rows]


def credential(kind: str, name: str, issuer: str = "", since=None, url: str = "") -> dict:
    return {"kind": kind, "name": name, "issuer": issuer, "since": since, "url": url}


def price(service: str, amount: str, treatment=None, max_price=None, includes="", note="") -> dict:
    return {
        "service": service,
        "treatment": treatment.pk if treatment else None,
        "price": amount,
        "max_price": max_price,
        "includes": includes,
        "note": note,
    }


def give_trust_signals(settings: ClinicSettings, treatment=None) -> ClinicSettings:
    settings.founded_year = 2009
    settings.credentials = stream(
        "credential",
        [
            credential(
                "accreditation",
                "Accredited outpatient infusion suite (demo)",
                "Demo Council for Office Care",
                since=2015,
            ),
            credential("affiliation", "Lakeside Pain Network (demo)", url="https://example.com"),
        ],
    )
    settings.insurance_plans = stream(
        "plan",
        [
            {"name": "Medicare", "note": "Part B", "network_id": ""},
            {"name": "Prairie Health Plan (demo)", "note": "", "network_id": "PHP-IL-042"},
        ],
    )
    settings.insurance_note = "Call us with your plan's name before your first visit."
    settings.self_pay_prices = stream(
        "price",
        [
            price(
                "Ketamine infusion",
                "450.00",
                treatment=treatment,
                max_price="650.00",
                includes="One infusion, monitoring and recovery",
                note="Off-label use: most insurers do not cover it.",
            ),
            price("New-patient consultation", "200.00", includes="About 45 minutes"),
        ],
    )
    settings.save()
    return settings


@pytest.fixture
def ketamine(clinic):
    return factories.TreatmentPageFactory(parent=clinic.treatments, title="Ketamine infusion")


@pytest.fixture
def trusted(clinic, ketamine):
    give_trust_signals(clinic.settings, ketamine)
    return clinic


def test_home_page_trust_band_shows_years_credentials_with_issuer_and_insurance(trusted, client):
    html = trusted.get(client, trusted.home).content.decode()

    years = datetime.date.today().year - 2009
    assert "Why patients choose us" in html
    assert f"{years} years in practice" in html
    assert "Since 2009" in html
    assert "Accredited outpatient infusion suite (demo)" in html
    assert "Issued by Demo Council for Office Care, since 2015" in html
    assert '<a href="https://example.com">Lakeside Pain Network (demo)</a>' in html
    assert "2 insurance plans accepted" in html
    assert "#insurance-and-prices" in html


def test_home_page_has_no_trust_band_without_trust_signals(clinic, client):
    html = clinic.get(client, clinic.home).content.decode()

    assert "Why patients choose us" not in html


def test_booking_page_lists_plans_and_prices_with_the_estimate_note(trusted, client):
    html = trusted.get(client, trusted.appointment).content.decode()

    assert 'id="insurance-and-prices"' in html
    assert "Medicare" in html and "(Part B)" in html
    assert "Prairie Health Plan (demo)" in html
    assert "Call us with your plan&#x27;s name before your first visit." in html
    assert "Ketamine infusion" in html
    assert "$450 to $650" in html
    assert "$200" in html
    assert "One infusion, monitoring and recovery" in html
    assert "Off-label use: most insurers do not cover it." in html
    assert "Prices are estimates" in html  # the default note, shown with every price list
    assert DEFAULT_SELF_PAY_NOTE.startswith("Prices are estimates")


def test_treatment_page_shows_only_its_own_linked_price(trusted, ketamine, client):
    other = factories.TreatmentPageFactory(parent=trusted.treatments, title="TENS")

    html = trusted.get(client, ketamine).content.decode()
    aside = html[html.index('<aside class="treatment-price"') : html.index("</aside>")]
    assert "Ketamine infusion: $450 to $650" in aside
    assert "Prices are estimates" in aside
    assert "New-patient consultation" not in aside  # another service's price

    assert "Self-pay price" not in trusted.get(client, other).content.decode()


def test_organization_jsonld_carries_founding_credentials_memberships_and_offers(trusted, client):
    graph = graph_of(trusted.get(client, trusted.home))
    organization = node(graph, "MedicalOrganization")
    assert vocabulary_errors({"@graph": graph}) == []

    assert organization["foundingDate"] == "2009"
    assert organization["hasCredential"] == [
        {
            "@type": "EducationalOccupationalCredential",
            "name": "Accredited outpatient infusion suite (demo)",
            "credentialCategory": "Accreditation",
            "recognizedBy": {"@type": "Organization", "name": "Demo Council for Office Care"},
        }
    ]
    assert organization["memberOf"] == [
        {
            "@type": "Organization",
            "name": "Lakeside Pain Network (demo)",
            "url": "https://example.com",
        }
    ]
    # Only an identifier the insurer published; never a plan's name.
    assert organization["healthPlanNetworkId"] == ["PHP-IL-042"]
    ketamine_offer, consultation = organization["makesOffer"]
    assert ketamine_offer["itemOffered"] == {
        "@type": "Service",
        "name": "Ketamine infusion",
        "description": "One infusion, monitoring and recovery",
    }
    assert ketamine_offer["priceSpecification"] == {
        "@type": "PriceSpecification",
        "minPrice": 450.0,
        "maxPrice": 650.0,
        "priceCurrency": "USD",
    }
    assert consultation["priceSpecification"] == {
        "@type": "PriceSpecification",
        "price": 200.0,
        "priceCurrency": "USD",
    }


def test_offices_say_which_payment_they_accept(trusted, client):
    factories.LocationFactory(site=trusted.site, name="Glenview office")

    graph = graph_of(trusted.get(client, trusted.home))

    assert node(graph, "MedicalClinic")["paymentAccepted"] == (
        "Medicare, Prairie Health Plan (demo), Self-pay"
    )


def test_jsonld_has_no_trust_terms_without_trust_signals(clinic, client):
    organization = node(graph_of(clinic.get(client, clinic.home)), "MedicalOrganization")

    for term in ("foundingDate", "hasCredential", "memberOf", "makesOffer", "healthPlanNetworkId"):
        assert term not in organization


def test_another_clinics_trust_signals_never_appear(make_clinic, client):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    ketamine = factories.TreatmentPageFactory(parent=alpha.treatments, title="Ketamine infusion")
    # Beta's price even names alpha's page: it belongs to beta's site all the same.
    give_trust_signals(beta.settings, ketamine)

    for page in (alpha.home, alpha.appointment, ketamine):
        html = alpha.get(client, page).content.decode()
        assert "Demo Council for Office Care" not in html, page
        assert "Prairie Health Plan" not in html, page
        assert "$450" not in html, page
    assert "Demo Council for Office Care" in beta.get(client, beta.home).content.decode()


def test_an_accreditation_needs_its_issuer():
    block = CredentialBlock()
    value = block.to_python(credential("accreditation", "Accredited suite"))
    with pytest.raises(ValidationError):
        block.clean(value)
    affiliation = block.to_python(credential("affiliation", "A pain network"))
    assert block.clean(affiliation)["name"] == "A pain network"


def test_a_price_range_cannot_end_below_its_start():
    block = SelfPayPriceBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python(price("Infusion", "450.00", max_price="300.00")))
    assert block.clean(block.to_python(price("Infusion", "450.00", max_price="500.00")))


def test_years_in_practice_count_from_the_founding_year(clinic):
    clinic.settings.founded_year = 2009

    assert clinic.settings.years_in_practice(datetime.date(2026, 12, 1)) == 17
    clinic.settings.founded_year = None
    assert clinic.settings.years_in_practice() is None


# --------------------------------------------------------------------------- the settings form


def _settings_post(settings, **blocks) -> dict:
    """The settings form as posted, unchanged but for the trust blocks given as StreamField
    form data (``credentials=[{...}]``)."""
    data = payloads.settings_data(settings, practice_name=settings.practice_name)
    for field_name, rows in blocks.items():
        data[f"{field_name}-count"] = len(rows)
        block_type = {"credentials": "credential", "self_pay_prices": "price"}[field_name]
        for n, row in enumerate(rows):
            prefix = f"{field_name}-{n}"
            data |= {f"{prefix}-type": block_type, f"{prefix}-order": n, f"{prefix}-deleted": ""}
            data |= {f"{prefix}-value-{key}": value for key, value in row.items()}
    return data


def _edit_url(clinic) -> str:
    return reverse("wagtailsettings:edit", args=[*SETTINGS, clinic.site.pk])


def test_editor_saves_credentials_and_prices_in_the_clinic_settings(clinic, admin_client):
    data = _settings_post(
        clinic.settings,
        credentials=[
            {
                "kind": "accreditation",
                "name": "Suite accreditation (demo)",
                "issuer": "Demo Council",
            }
        ],
        self_pay_prices=[{"service": "Consultation", "price": "200", "treatment": ""}],
    )
    data["founded_year"] = 2012

    response = admin_client.post(_edit_url(clinic), data)

    assert response.status_code == 302, response.context["form"].errors
    settings = ClinicSettings.objects.get(pk=clinic.settings.pk)
    assert settings.founded_year == 2012
    assert [c["issuer"] for c in settings.accreditations] == ["Demo Council"]
    assert [(p.service, p.price) for p in settings.price_list] == [("Consultation", Decimal(200))]


def test_settings_form_refuses_an_accreditation_without_its_issuer(clinic, admin_client):
    data = _settings_post(
        clinic.settings,
        credentials=[{"kind": "accreditation", "name": "Suite accreditation", "issuer": ""}],
    )

    response = admin_client.post(_edit_url(clinic), data)

    assert response.status_code == 200
    assert "Name the body that issued this accreditation" in response.content.decode()
    assert not ClinicSettings.objects.get(pk=clinic.settings.pk).credentials


# --------------------------------------------------------------------------- the demo's values

GENERIC_PAYERS = {
    "Medicare",
    "Medicaid",
    "Workers' compensation",
    "Auto insurance (personal injury protection)",
}


def test_demo_trust_signals_claim_nothing_of_real_bodies():
    """Every demo credential, network and plan is labelled fictional or demo, or is a generic
    payer; no clinic publishes prices without linking the ketamine page it prices."""
    for clinic in read_demo().clinics:
        trust = clinic.trust
        assert trust is not None and 1900 < trust.founded_year < 2026, clinic.slug
        for item in trust.credentials:
            for text in filter(None, (item.name, item.issuer)):
                assert "(fictional" in text or "(demo" in text, (clinic.slug, text)
        for plan in trust.insurance_plans:
            assert plan.name in GENERIC_PAYERS or "fictional" in plan.name, (clinic.slug, plan)
        slugs = {price.treatment_slug for price in trust.self_pay_prices}
        assert "ketamine-infusion-therapy" in slugs, clinic.slug
        assert all(location.closures for location in clinic.locations), clinic.slug
