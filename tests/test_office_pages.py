"""One page per office: what a patient reads there, its MedicalClinic JSON-LD, the links to it,
the sitemap, the query budget, and that a clinic never shows another clinic's office."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clinic_pages.clinics.models import LocationClosure
from clinic_pages.home.offices import OfficeIndexPage
from tests import factories
from tests.seo.test_vocabulary import vocabulary_errors

JSONLD = re.compile(r'<script type="application/ld\+json">(?P<json>.*?)</script>', re.DOTALL)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def graph_of(response) -> list[dict]:
    return json.loads(JSONLD.search(response.content.decode())["json"])["@graph"]


def node_of(graph: list[dict], schema_type: str) -> dict:
    (node,) = [node for node in graph if node["@type"] == schema_type]
    return node


def offices_page(clinic) -> OfficeIndexPage:
    page = OfficeIndexPage(title="Our offices", slug="offices", show_in_menus=True)
    clinic.home.add_child(instance=page)
    return page


@pytest.fixture
def office(clinic):
    """The Glenview office: weekday hours, a Saturday morning, closed on Sunday."""
    hours = [(day, datetime.time(8), datetime.time(17)) for day in range(5)]
    hours.append((5, datetime.time(9), datetime.time(12)))
    location = factories.LocationFactory(
        site=clinic.site,
        name="Glenview office",
        street_address="1200 Sample Street, Suite 100",
        phone="(847) 555-0143",
        email="glenview@example.com",
        latitude="42.069500",
        longitude="-87.787800",
        parking_and_access="Free parking in front; step-free entrance.",
        transit="Pace bus 423 stops at the corner; Glenview Metra station is a 10-minute walk.",
        time_zone="America/Chicago",
        hours=hours,
    )
    offices_page(clinic)
    return location


def closure(location, first: datetime.date, last: datetime.date | None = None, reason=""):
    return LocationClosure.objects.create(
        location=location, first_day=first, last_day=last or first, reason=reason
    )


def test_office_page_shows_address_contact_week_parking_and_transit(clinic, office, client):
    response = clinic.get(client, "/offices/glenview-office/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Glenview office</h1>" in html
    assert "1200 Sample Street, Suite 100" in html
    assert 'href="tel:+18475550143"' in html
    assert 'href="mailto:glenview@example.com"' in html
    assert 'href="https://www.openstreetmap.org/search?query=1200+Sample+Street' in html
    assert "<iframe" not in html  # no map service is embedded
    assert "Free parking in front; step-free entrance." in html
    assert "Pace bus 423 stops at the corner" in html
    assert "Public transport" in html and "Parking and access" in html
    rows = re.findall(r'<th scope="row">(\w+)</th>\s*<td>(.*?)</td>', html)
    assert [day for day, _ in rows] == WEEKDAYS
    assert dict(rows)["Sunday"] == "Closed"
    assert "9:00 AM" in dict(rows)["Saturday"]
    assert "(Central Time)" in html
    office_url = "http://alpha.localhost/offices/glenview-office/"
    assert f'<link rel="canonical" href="{office_url}">' in html
    assert f'<meta property="og:url" content="{office_url}">' in html
    assert '<meta property="og:title" content="Glenview office">' in html
    assert "<title>Glenview office | " in html


def test_office_page_lists_only_the_physicians_who_see_patients_there(clinic, office, client):
    other_office = factories.LocationFactory(site=clinic.site, name="Evanston office")
    factories.PhysicianPageFactory(
        parent=clinic.physicians, family_name="Rivera", locations=[office]
    )
    factories.PhysicianPageFactory(
        parent=clinic.physicians, family_name="Okafor", locations=[other_office]
    )

    html = clinic.get(client, "/offices/glenview-office/").content.decode()

    assert "Physicians at this office" in html
    assert "Rivera" in html
    assert "Okafor" not in html


def test_holiday_closures_are_listed_by_the_office_local_calendar(clinic, client, monkeypatch):
    # 05:00 UTC on 2 December is still 1 December, 7 pm, in Honolulu.
    now = datetime.datetime(2026, 12, 2, 5, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)
    location = factories.LocationFactory(
        site=clinic.site, name="Kailua office", time_zone="Pacific/Honolulu"
    )
    offices_page(clinic)
    closure(location, datetime.date(2026, 11, 30), reason="Staff training")  # over
    closure(location, datetime.date(2026, 12, 1), reason="Internal note")  # today, locally
    closure(location, datetime.date(2026, 12, 24), datetime.date(2026, 12, 25))

    html = clinic.get(client, "/offices/kailua-office/").content.decode()

    assert "Holiday hours and closures" in html
    assert "Closed on Tuesday, December 1, 2026" in html
    assert "Closed from Thursday, December 24 to Friday, December 25, 2026" in html
    assert "November 30" not in html
    assert "Internal note" not in html  # the reason is for staff
    assert "Hawaii Time" in html


def test_office_jsonld_is_one_medical_clinic_with_hours_closures_and_its_practice(
    clinic, office, client
):
    closure(office, datetime.date.today() + datetime.timedelta(days=3))

    graph = graph_of(clinic.get(client, "/offices/glenview-office/"))

    office_url = "http://alpha.localhost/offices/glenview-office/"
    medical_clinic = node_of(graph, "MedicalClinic")
    assert medical_clinic["url"] == office_url
    assert medical_clinic["parentOrganization"] == {"@id": "http://alpha.localhost/#organization"}
    assert medical_clinic["telephone"] == "(847) 555-0143"
    assert medical_clinic["address"]["streetAddress"] == "1200 Sample Street, Suite 100"
    assert medical_clinic["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 42.0695,
        "longitude": -87.7878,
    }
    days = [spec["dayOfWeek"] for spec in medical_clinic["openingHoursSpecification"]]
    assert days == [f"https://schema.org/{day}" for day in WEEKDAYS[:6]]
    (special,) = medical_clinic["specialOpeningHoursSpecification"]
    day = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    assert special == {
        "@type": "OpeningHoursSpecification",
        "opens": "00:00",
        "closes": "00:00",
        "validFrom": day,
        "validThrough": day,
    }
    page = node_of(graph, "WebPage")
    assert page["url"] == office_url
    assert page["about"] == {"@id": medical_clinic["@id"]}
    assert vocabulary_errors({"@graph": graph}) == []
    crumbs = node_of(graph, "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["alpha home", "Our offices", "Glenview office"]
    assert crumbs[-1]["item"] == office_url


def test_offices_page_and_office_pages_have_their_own_cached_graphs(clinic, office, client):
    """The graph is cached per page: an office's sub-page must not get the index's graph."""
    factories.LocationFactory(site=clinic.site, name="Evanston office")
    index_graph = graph_of(clinic.get(client, "/offices/"))
    office_graph = graph_of(clinic.get(client, "/offices/evanston-office/"))

    assert node_of(index_graph, "CollectionPage")
    assert len([n for n in index_graph if n["@type"] == "MedicalClinic"]) == 2
    assert node_of(office_graph, "MedicalClinic")["name"].endswith("Evanston office")


def test_location_cards_link_to_the_office_page(clinic, office, client):
    for page in (clinic.home, clinic.appointment):
        html = clinic.get(client, page).content.decode()
        assert '<a href="/offices/glenview-office/">Glenview office</a>' in html, page
        assert "Open in maps" in html


def test_location_cards_have_no_link_without_an_offices_page(clinic, client):
    factories.LocationFactory(site=clinic.site, name="Glenview office")

    html = clinic.get(client, clinic.home).content.decode()

    assert "Glenview office" in html
    assert "/offices/" not in html


def test_sitemap_lists_each_office_page(clinic, office, client):
    factories.LocationFactory(site=clinic.site, name="Evanston office")

    xml = clinic.get(client, "/sitemap.xml").content.decode()

    assert "<loc>http://alpha.localhost/offices/</loc>" in xml
    assert "<loc>http://alpha.localhost/offices/glenview-office/</loc>" in xml
    assert "<loc>http://alpha.localhost/offices/evanston-office/</loc>" in xml


def test_another_clinics_office_never_appears(make_clinic, client):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    offices_page(alpha)
    offices_page(beta)
    factories.LocationFactory(site=alpha.site, name="Glenview office")
    factories.LocationFactory(site=beta.site, name="Denver office", time_zone="America/Denver")

    assert alpha.get(client, "/offices/denver-office/").status_code == 404
    index = alpha.get(client, "/offices/").content.decode()
    assert "Glenview office" in index
    assert "Denver office" not in index
    xml = alpha.get(client, "/sitemap.xml").content.decode()
    assert "denver-office" not in xml
    assert beta.get(client, "/offices/denver-office/").status_code == 200


def test_unknown_office_is_not_found(clinic, office, client):
    assert clinic.get(client, "/offices/nowhere/").status_code == 404


def test_office_slug_comes_from_the_name_and_is_unique_per_clinic(clinic, make_clinic):
    other = make_clinic("beta")
    first = factories.LocationFactory(site=clinic.site, name="Main Street office")
    same_name_elsewhere = factories.LocationFactory(site=other.site, name="Main Street office")

    assert first.slug == same_name_elsewhere.slug == "main-street-office"


@pytest.mark.parametrize("physicians", [1, 12])
def test_office_page_query_budget(clinic, office, client, physicians):
    """At most ten queries with every cache cleared, and as many for one physician as a dozen."""
    for n in range(physicians):
        factories.PhysicianPageFactory(
            parent=clinic.physicians, family_name=f"Surname{n}", locations=[office]
        )
    closure(office, datetime.date.today() + datetime.timedelta(days=10))
    clinic.get(client, "/offices/glenview-office/")  # a warm process
    cache.clear()
    with CaptureQueriesContext(connection) as uncached:
        assert clinic.get(client, "/offices/glenview-office/").status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert clinic.get(client, "/offices/glenview-office/").status_code == 200

    assert len(uncached) <= 10, [q["sql"][:120] for q in uncached.captured_queries]
    assert len(warm) < len(uncached)
