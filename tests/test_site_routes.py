"""A host's own routes serve its own sites; clinic sites get the plugin's routes first."""

from __future__ import annotations

import pytest
from wagtail.models import Page, Site

pytestmark = pytest.mark.django_db


@pytest.fixture
def host_site(clinic):
    """The host project's own site, with a plain Wagtail page as its root."""
    root = Page.get_first_root_node().add_child(instance=Page(title="Host home", slug="host-home"))
    return Site.objects.create(hostname="host.example.com", port=80, root_page=root)


@pytest.fixture(autouse=True)
def _host_urlconf(settings):
    settings.ROOT_URLCONF = "tests.host_urls"


def test_clinic_search_is_the_plugins_even_when_the_host_routes_search(clinic, client):
    response = client.get("/search/", {"q": "ketamine"}, HTTP_HOST=clinic.host)
    assert response.status_code == 200
    assert "The host project's own search" not in response.content.decode()
    assert "clinic_pages/search/search.html" in [t.name for t in response.templates]


def test_host_site_keeps_the_hosts_own_search(host_site, client):
    response = client.get("/search/", HTTP_HOST=host_site.hostname)
    assert response.content.decode() == "The host project's own search"


def test_clinic_pages_and_admin_still_route_through_the_hosts_urlconf(clinic, client):
    assert client.get("/", HTTP_HOST=clinic.host).status_code == 200
    assert client.get("/admin/login/", HTTP_HOST=clinic.host).status_code == 200


def test_each_site_gets_its_own_sitemap(clinic, host_site, client):
    clinic_map = client.get("/sitemap.xml", HTTP_HOST=clinic.host).content.decode()
    host_map = client.get("/sitemap.xml", HTTP_HOST=host_site.hostname).content.decode()
    assert clinic.host in clinic_map and "host.example.com" not in clinic_map
    assert "host.example.com" in host_map and clinic.host not in host_map
