"""A CDN or reverse proxy in front is purged of every URL of a clinic whose pages changed."""

from __future__ import annotations

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from clinic_pages.core.purge import _enqueue_pending
from tests import factories

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    """A frontend cache that notes what it was asked to purge."""

    def purge(self, url: str) -> None:
        PURGED.append(url)


@pytest.fixture
def proxy(settings):
    """``proxy()`` puts the recording proxy in front (after the clinics are built) and returns
    the URLs it is asked to purge."""

    def install() -> list[str]:
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {"BACKEND": "tests.test_frontend_purge.RecordingBackend"}
        }
        return PURGED

    PURGED.clear()
    yield install
    PURGED.clear()


def test_a_publish_purges_every_url_of_that_clinic_once_it_commits(
    make_clinic, proxy, django_capture_on_commit_callbacks
):
    alpha = make_clinic("alpha")
    beta = make_clinic("beta")
    page = factories.TreatmentPageFactory(parent=alpha.treatments, title="Ketamine infusion")
    proxy = proxy()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        assert proxy == []  # nothing before the commit

    assert "http://alpha.localhost/treatments/ketamine-infusion/" in proxy
    assert "http://alpha.localhost/" in proxy  # the home page lists treatments
    assert "http://alpha.localhost/sitemap.xml" in proxy
    assert "http://alpha.localhost/robots.txt" in proxy
    assert not [url for url in proxy if beta.host in url]
    assert len(proxy) == len(set(proxy))  # one purge per URL, however many saves


def test_a_shared_reference_change_purges_every_clinic(
    make_clinic, proxy, django_capture_on_commit_callbacks
):
    alpha = make_clinic("alpha")
    beta = make_clinic("beta")
    reference = factories.ReferenceFactory(title="A study")
    proxy = proxy()
    with django_capture_on_commit_callbacks(execute=True):
        reference.title = "A corrected study"
        reference.save()
    hosts = {url.split("/")[2] for url in proxy}
    assert {alpha.host, beta.host} <= hosts


def test_without_a_frontend_cache_nothing_is_queued(
    clinic, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = None
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        clinic.settings.practice_name = "Renamed"
        clinic.settings.save()
    assert _enqueue_pending not in callbacks
