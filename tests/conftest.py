"""Shared fixtures: clinic Sites with their home and index pages, and Wagtail's page assertions."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.coreutils import get_dummy_request
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from clinic_pages.appointments.models import AppointmentPage
from clinic_pages.articles.models import ArticleIndexPage
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.conditions.models import ConditionIndexPage
from clinic_pages.faqs.models import FAQPage
from clinic_pages.home.models import HomePage
from clinic_pages.physicians.models import PhysicianIndexPage
from clinic_pages.treatments.models import TreatmentIndexPage
from tests import factories

# Modules that hold one worker for a minute or more (a module-scoped demo load, content grown to a
# hundred items per page type). `make test` spreads modules over xdist workers in collection
# order; these go first, so that no worker is left running one of them alone at the end.
LONG_MODULES = ("tests/test_query_counts.py",)


def pytest_collection_modifyitems(config, items):
    """On an xdist worker (every worker collects alike), move the long modules to the front."""
    if not hasattr(config, "workerinput"):
        return
    items.sort(key=lambda item: item.nodeid.split("::")[0] not in LONG_MODULES)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail keeps site root paths and settings in the cache, which outlives a test's rollback."""
    cache.clear()
    yield
    cache.clear()


@dataclass
class Clinic:
    """One practice: its Site, settings, home page and the singleton index pages under it."""

    slug: str
    site: Site
    settings: ClinicSettings
    home: HomePage
    treatments: TreatmentIndexPage
    conditions: ConditionIndexPage
    physicians: PhysicianIndexPage
    faq: FAQPage
    articles: ArticleIndexPage
    appointment: AppointmentPage
    extra: dict = field(default_factory=dict)

    @property
    def host(self) -> str:
        return self.site.hostname

    def url(self, page: Page) -> str:
        """The page's path as seen from this clinic's own host."""
        return page.get_url(request=get_dummy_request(site=self.site))

    def get(self, client: Client, page_or_path: Page | str, data=None, **extra):
        path = page_or_path if isinstance(page_or_path, str) else self.url(page_or_path)
        return client.get(path, data, HTTP_HOST=self.host, **extra)


@pytest.fixture
def make_clinic(db):
    """``make_clinic(slug)`` builds a clinic Site at ``<slug>.localhost``; call it once per clinic.

    The first clinic made in a test becomes the default Site and replaces Wagtail's welcome Site,
    as the demo loader does, so there is exactly one default.
    """
    made: list[Clinic] = []

    def build(slug: str, *, practice_name: str | None = None, brand_colour: str = "#1f4e79"):
        if not made:
            welcome_sites = Site.objects.filter(is_default_site=True)
            for site in welcome_sites:
                root = site.root_page
                site.delete()
                if not isinstance(root.specific, HomePage):
                    root.delete()
        home = factories.HomePageFactory(title=f"{slug} home", slug=slug)
        site = Site.objects.create(
            hostname=f"{slug}.localhost",
            port=80,
            site_name=practice_name or slug,
            root_page=home,
            is_default_site=not made,
        )
        treatments = factories.TreatmentIndexPageFactory(parent=home)
        conditions = factories.ConditionIndexPageFactory(parent=home)
        physicians = factories.PhysicianIndexPageFactory(parent=home)
        faq = factories.FAQPageFactory(parent=home)
        articles = factories.ArticleIndexPageFactory(parent=home)
        appointment = factories.AppointmentPageFactory(parent=home)
        settings = factories.ClinicSettingsFactory(
            site=site,
            practice_name=practice_name or f"{slug.replace('-', ' ').title()} Practice",
            brand_colour=brand_colour,
            appointment_page=appointment,
        )
        clinic = Clinic(
            slug=slug,
            site=site,
            settings=settings,
            home=home,
            treatments=treatments,
            conditions=conditions,
            physicians=physicians,
            faq=faq,
            articles=articles,
            appointment=appointment,
        )
        made.append(clinic)
        return clinic

    return build


@pytest.fixture
def clinic(make_clinic) -> Clinic:
    return make_clinic("alpha")


class _PageAssertions(WagtailPageTestCase):
    """Wagtail's page assertions, driven from pytest functions instead of a TestCase."""

    def runTest(self):  # unittest needs one test method to instantiate the case
        pass


@pytest.fixture
def page_asserts(db):
    """``page_asserts(page)`` gives Wagtail's assertions with a client on the page's own host."""

    def build(page: Page) -> WagtailPageTestCase:
        site = page.get_site()
        helper = _PageAssertions()
        helper.client = Client(HTTP_HOST=site.hostname)
        helper.dummy_request = get_dummy_request(site=site)
        return helper

    return build


@pytest.fixture
def tree_asserts() -> WagtailPageTestCase:
    """Wagtail's page-tree assertions (no database needed)."""
    return _PageAssertions()
