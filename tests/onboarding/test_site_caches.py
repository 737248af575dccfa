"""A running server sees a new or moved clinic at once: no restart, no 500.

Every process keeps copies of the Sites: Wagtail's site root paths (page URLs, the booking page,
the page cache's host lookup) and the hostnames of ALLOWED_HOSTS (clinics.hosts). Another process
may read them just before onboarding commits, or keep them in a cache onboarding cannot clear
(development's per-process LocMemCache); these tests put such a stale copy back by hand.
"""

from __future__ import annotations

from django.core.cache import cache
from django.test import Client
from wagtail.models import Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from clinic_pages.clinics.hosts import site_hostnames
from clinic_pages.onboarding.clinics import move_clinic
from tests.onboarding.conftest import onboard


def _root_paths():
    return cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)


def _keep_stale(root_paths) -> None:
    """What another process that read the Sites before the change leaves in the cache."""
    cache.set(SITE_ROOT_PATHS_CACHE_KEY, root_paths, version=SITE_ROOT_PATHS_CACHE_VERSION)


def test_a_new_clinics_booking_page_answers_in_a_server_that_served_before(clinic):
    assert clinic.get(Client(), clinic.appointment).status_code == 200
    stale = _root_paths()
    assert stale  # the server has read the Sites

    lakeside = onboard(launched=True)
    _keep_stale(stale)

    response = Client().get("/appointments/", HTTP_HOST=lakeside.site.hostname)
    assert response.status_code == 200
    assert "Request an appointment" in response.content.decode()
    assert lakeside.site.hostname in site_hostnames()


def test_a_moved_clinic_answers_at_its_new_host_at_once(clinic):
    lakeside = onboard(launched=True)
    assert Client().get("/appointments/", HTTP_HOST="lakeside.test").status_code == 200
    stale = _root_paths()

    move_clinic(lakeside.site, "lakeside.example.com")
    _keep_stale(stale)

    response = Client().get("/appointments/", HTTP_HOST="lakeside.example.com")
    assert response.status_code == 200
    assert "Lakeside Pain Care" in response.content.decode()
    hostnames = site_hostnames()
    assert "lakeside.example.com" in hostnames and "lakeside.test" not in hostnames


def test_the_root_paths_are_renewed_when_onboarding_commits(
    clinic, django_capture_on_commit_callbacks
):
    Site.get_site_root_paths()
    stale = _root_paths()

    with django_capture_on_commit_callbacks(execute=True):
        lakeside = onboard()
        _keep_stale(stale)  # read by another process before the commit

    assert lakeside.site.pk in {root.site_id for root in Site.get_site_root_paths()}
