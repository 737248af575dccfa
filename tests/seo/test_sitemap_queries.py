"""``seo.sitemaps.ClinicSitemap`` lists what Wagtail's sitemap lists, in fewer queries."""

from __future__ import annotations

from django.contrib.sites.requests import RequestSite
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import PageViewRestriction

from clinic_pages.seo.sitemaps import ClinicSitemap
from tests import factories


def locations(sitemap) -> list[str]:
    site = RequestSite(sitemap.request)
    return [url["location"] for url in sitemap.get_urls(site=site, protocol="http")]


def test_it_lists_the_pages_wagtails_sitemap_lists(clinic, rf: RequestFactory):
    factories.TreatmentPageFactory(parent=clinic.treatments, slug="ketamine")
    factories.TreatmentPageFactory(parent=clinic.treatments, slug="draft", live=False)
    private = factories.ConditionPageFactory(parent=clinic.conditions, slug="private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    request = rf.get("/sitemap.xml", HTTP_HOST=clinic.host)
    ours = locations(ClinicSitemap(request))
    assert ours == locations(Sitemap(request))
    assert "http://alpha.localhost/treatments/ketamine/" in ours
    assert not [url for url in ours if "draft" in url or "private" in url]


def test_it_costs_the_same_with_one_page_type_or_all_of_them(
    clinic, rf: RequestFactory, django_assert_max_num_queries
):
    factories.TreatmentPageFactory(parent=clinic.treatments)
    factories.ConditionPageFactory(parent=clinic.conditions)
    factories.PhysicianPageFactory(parent=clinic.physicians)
    factories.ArticlePageFactory(parent=clinic.articles)
    request = rf.get("/sitemap.xml", HTTP_HOST=clinic.host)
    locations(ClinicSitemap(request))  # a warm process
    cache.clear()
    # The site, its outline (restrictions), the count, the pages and the site root paths.
    with django_assert_max_num_queries(5):
        locations(ClinicSitemap(rf.get("/sitemap.xml", HTTP_HOST=clinic.host)))
