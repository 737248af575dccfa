"""``manage.py load_demo_clinics``: five working clinics, and a second run changes nothing.

Loading takes tens of seconds, so these tests use the browser session's demo load
(``demo_clinics``, tests/browser/conftest.py) rather than one of their own; they need no browser,
and each runs in its own transaction, rolled back, so the browser tests find the demo as loaded.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page, Revision, Site

from clinic_pages.appointments.models import AppointmentPage
from clinic_pages.articles.models import ArticlePage
from clinic_pages.clinics.models import Location
from clinic_pages.faqs.models import FAQPage, Question
from clinic_pages.physicians.models import PhysicianIndexPage, PhysicianPage
from clinic_pages.references.models import Reference
from clinic_pages.treatments.models import TreatmentPage

SLUGS = ["urban-spine", "bayer-foundation", "revitalize", "florida-medical", "ms-pain-migraine"]
COUNTED = [Page, Revision, Image, Question, Reference, Location, Site, get_user_model()]


pytestmark = pytest.mark.browser  # in the browser session, beside its demo load


@pytest.fixture
def sites(demo_clinics, db) -> dict[str, Site]:
    return {site.hostname.removesuffix(".localhost"): site for site in Site.objects.all()}


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def _links(response) -> list[str]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a["href"] for a in soup.find_all("a", href=True)]


def test_five_clinics_on_their_own_hosts_with_one_default(sites):
    assert sorted(sites) == sorted(SLUGS)
    assert Site.objects.filter(is_default_site=True).count() == 1
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


def test_running_the_loader_again_changes_nothing(sites):
    before = _counts()
    call_command("load_demo_clinics", verbosity=0)
    assert _counts() == before


@pytest.mark.parametrize("slug", SLUGS)
def test_each_clinic_has_its_core_pages(sites, client, slug):
    home = sites[slug].root_page
    host = {"HTTP_HOST": f"{slug}.localhost"}

    def live(model):
        return model.objects.descendant_of(home).live().public()

    ketamine = live(TreatmentPage).filter(title__icontains="ketamine").first()
    assert ketamine is not None, f"{slug} has no live ketamine treatment page"
    ketamine_path = urlsplit(ketamine.get_url()).path
    # Reachable from the home page: linked there, or from a page the home page links to.
    home_links = {urlsplit(h).path for h in _links(client.get("/", **host)) if h.startswith("/")}
    reachable = ketamine_path in home_links or any(
        ketamine_path in _links(client.get(path, **host))
        for path in sorted(home_links)
        if path.startswith(urlsplit(ketamine.get_parent().get_url()).path)
    )
    assert reachable, f"{slug}: {ketamine_path} is not linked from the home page or its sections"
    assert live(PhysicianIndexPage).count() == 1
    assert live(PhysicianPage).count() >= 1
    assert live(FAQPage).count() == 1
    assert live(AppointmentPage).count() == 1
    assert live(ArticlePage).count() >= 1


@pytest.mark.parametrize("slug", SLUGS)
def test_every_sitemap_url_answers_200(sites, client, slug):
    host = f"{slug}.localhost"
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    urls = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    assert len(urls) >= 6
    failures = []
    for url in urls:
        parts = urlsplit(url)
        assert parts.hostname == host, url
        page_response = client.get(parts.path, HTTP_HOST=host)
        if page_response.status_code != 200:
            failures.append((parts.path, page_response.status_code))
    assert failures == []
