"""A new clinic's hostname is served as soon as its Site is saved; any other host gets 400."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from clinic_pages.clinics import hosts
from clinic_pages.clinics.hosts import SiteHostnames

ADMIN_HOST = "admin.example.com"


@pytest.fixture(autouse=True)
def production_hosts(settings):
    """ALLOWED_HOSTS as production sets it, and no process-local copy left by another test."""
    hosts._forget()
    settings.ALLOWED_HOSTS = SiteHostnames([ADMIN_HOST])
    yield
    hosts._forget()


def test_a_clinic_created_after_start_up_is_served(client, make_clinic):
    first = make_clinic("alpha")
    assert first.get(client, first.home).status_code == 200  # the list is read and kept
    second = make_clinic("beta")
    response = second.get(client, second.home)
    assert response.status_code == 200
    assert b"beta home" in response.content


def test_an_unknown_host_gets_400(client, make_clinic):
    clinic = make_clinic("alpha")
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400
    assert client.get("/", HTTP_HOST=f"x.{clinic.host}").status_code == 400
    assert client.get("/", HTTP_HOST=f"{clinic.host}.evil.example").status_code == 400


def test_static_hosts_come_from_the_setting(client, make_clinic):
    make_clinic("alpha")
    response = client.get("/admin/login/", HTTP_HOST=ADMIN_HOST)
    assert response.status_code == 200


def test_a_hostname_is_matched_whatever_its_case_and_port(client, make_clinic):
    clinic = make_clinic("alpha")
    assert client.get("/", HTTP_HOST=clinic.host.upper()).status_code == 200
    assert client.get("/", HTTP_HOST=f"{clinic.host}:80").status_code == 200


def test_a_changed_hostname_moves_with_the_site(client, make_clinic):
    clinic = make_clinic("alpha")
    assert clinic.get(client, "/").status_code == 200
    assert clinic.host in cache.get(hosts.CACHE_KEY)
    old_host = clinic.host
    clinic.site.hostname = "alpha-clinic.example"
    clinic.site.save()
    assert cache.get(hosts.CACHE_KEY) is None
    assert client.get("/", HTTP_HOST="alpha-clinic.example").status_code == 200
    assert client.get("/", HTTP_HOST=old_host).status_code == 400


def test_a_deleted_site_is_no_longer_served(client, make_clinic):
    make_clinic("alpha")
    second = make_clinic("beta")
    assert second.get(client, "/").status_code == 200
    Site.objects.get(pk=second.site.pk).delete()
    assert client.get("/", HTTP_HOST=second.host).status_code == 400


def test_a_site_named_like_a_wildcard_opens_no_other_host(client, make_clinic):
    clinic = make_clinic("alpha")
    for name in ("*", ".example.com"):
        Site.objects.create(hostname=name, port=81, root_page=clinic.home)
    assert client.get("/", HTTP_HOST="anything.example.com").status_code == 400
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400


def test_a_warm_request_costs_no_query_for_the_host(client, make_clinic, settings):
    clinic = make_clinic("alpha")
    clinic.get(client, clinic.home)
    with CaptureQueriesContext(connection) as checked:
        assert clinic.get(client, clinic.home).status_code == 200
    settings.ALLOWED_HOSTS = ["*"]
    with CaptureQueriesContext(connection) as unchecked:
        assert clinic.get(client, clinic.home).status_code == 200
    assert len(checked) == len(unchecked)


def test_other_processes_read_the_list_from_the_shared_cache(
    make_clinic, django_assert_num_queries
):
    clinic = make_clinic("alpha")
    with django_assert_num_queries(1):  # the first read of all
        assert clinic.host in SiteHostnames()
    hosts._copy = None  # as another worker, whose own copy is empty
    with django_assert_num_queries(0):
        assert clinic.host in SiteHostnames()


def test_allowed_hosts_reads_like_a_tuple(make_clinic):
    clinic = make_clinic("alpha")
    allowed = SiteHostnames([ADMIN_HOST])
    assert isinstance(allowed, tuple)
    assert list(allowed) == [ADMIN_HOST, clinic.host]
    assert allowed[0] == ADMIN_HOST  # what Wagtail's preview falls back to
    assert len(allowed) == 2
    assert bool(SiteHostnames())
