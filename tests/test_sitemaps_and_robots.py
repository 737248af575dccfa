"""Each clinic's /sitemap.xml and /robots.txt describe that clinic's host and pages only."""

from __future__ import annotations

import re

import pytest
from wagtail.models import PageViewRestriction

from tests import factories


def _sitemap_urls(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


@pytest.fixture
def two_clinics(make_clinic):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    alpha.extra["live"] = factories.TreatmentPageFactory(
        parent=alpha.treatments, title="Ketamine infusion", slug="ketamine"
    )
    alpha.extra["draft"] = factories.TreatmentPageFactory(
        parent=alpha.treatments, title="Draft therapy", slug="draft-therapy", live=False
    )
    private = factories.TreatmentPageFactory(
        parent=alpha.treatments, title="Staff only", slug="staff-only"
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    alpha.extra["private"] = private
    beta.extra["live"] = factories.TreatmentPageFactory(
        parent=beta.treatments, title="Nerve block", slug="nerve-block"
    )
    return alpha, beta


def test_sitemap_lists_this_clinics_live_public_pages_on_its_own_host(two_clinics, client):
    alpha, _ = two_clinics
    urls = _sitemap_urls(alpha.get(client, "/sitemap.xml"))
    assert len(urls) == len(set(urls)), "each page is listed once"
    assert set(urls) == {
        "http://alpha.localhost/",
        "http://alpha.localhost/treatments/",
        "http://alpha.localhost/treatments/ketamine/",
        "http://alpha.localhost/conditions/",
        "http://alpha.localhost/physicians/",
        "http://alpha.localhost/faq/",
        "http://alpha.localhost/articles/",
        "http://alpha.localhost/appointments/",
    }


def test_sitemap_leaves_out_drafts_private_pages_and_other_clinics(two_clinics, client):
    alpha, beta = two_clinics
    alpha_body = alpha.get(client, "/sitemap.xml").content.decode()
    assert "draft-therapy" not in alpha_body
    assert "staff-only" not in alpha_body
    assert "beta.localhost" not in alpha_body
    assert "nerve-block" not in alpha_body

    beta_urls = _sitemap_urls(beta.get(client, "/sitemap.xml"))
    assert "http://beta.localhost/treatments/nerve-block/" in beta_urls
    assert all(url.startswith("http://beta.localhost/") for url in beta_urls)
    assert not any("ketamine" in url for url in beta_urls)


def test_unpublishing_a_page_removes_it_from_the_sitemap(two_clinics, client):
    alpha, _ = two_clinics
    alpha.extra["live"].unpublish()
    urls = _sitemap_urls(alpha.get(client, "/sitemap.xml"))
    assert "http://alpha.localhost/treatments/ketamine/" not in urls
    assert "http://alpha.localhost/treatments/" in urls


def test_robots_points_at_this_hosts_sitemap_and_keeps_admin_out(two_clinics, client):
    alpha, beta = two_clinics
    for clinic in (alpha, beta):
        response = clinic.get(client, "/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        lines = response.content.decode().splitlines()
        assert "User-agent: *" in lines
        assert "Disallow: /admin/" in lines
        assert f"Sitemap: http://{clinic.host}/sitemap.xml" in lines
        assert "Disallow: /" not in lines, "the pages themselves stay crawlable"


def test_robots_is_get_only(clinic, client):
    response = client.post("/robots.txt", HTTP_HOST=clinic.host)
    assert response.status_code == 405
