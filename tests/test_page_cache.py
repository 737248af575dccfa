"""The page cache and HTTP caching: what a visitor's browser, a CDN and the app keep, and when.

Each test renders a page as a visitor would, then checks the headers a cache reads, what a second
visitor gets, and that the next visitor after an editor's change sees the change.
"""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from clinic_pages.core.csp import source_hash
from clinic_pages.core.page_cache import STATUS_HEADER
from tests import factories


@pytest.fixture
def treatment(clinic):
    page = factories.TreatmentPageFactory(parent=clinic.treatments, title="Ketamine infusion")
    page.save_revision().publish()
    return page


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_a_content_page_is_public_revalidated_and_served_from_the_cache(clinic, treatment):
    first = clinic.get(Client(), treatment)
    assert first.status_code == 200
    assert first[STATUS_HEADER] == "miss"
    assert cache_control(first) == {"public", "max-age=0", "s-maxage=300"}
    assert "cookie" not in first.get("Vary", "").lower()
    assert first.cookies == {} or not first.cookies
    assert first["ETag"] and first["Last-Modified"]

    second = clinic.get(Client(), treatment)
    assert second[STATUS_HEADER] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["X-Frame-Options"] == first["X-Frame-Options"]

    again = clinic.get(Client(), treatment, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_the_brand_style_is_allowed_by_its_hash_on_a_miss_and_on_a_hit(clinic, treatment):
    for expected in ("miss", "hit"):
        response = clinic.get(Client(), treatment)
        assert response[STATUS_HEADER] == expected
        html = response.content.decode()
        style = html.split("<style>", 1)[1].split("</style>", 1)[0]
        assert "--primary:#1f4e79" in style
        assert "nonce" not in html
        policy = response["Content-Security-Policy"]
        style_src = next(d for d in policy.split(";") if d.strip().startswith("style-src"))
        assert source_hash(style) in style_src


def test_the_next_visitor_after_a_publish_sees_the_change(clinic, treatment):
    clinic.get(Client(), treatment)
    revision = treatment.get_latest_revision_as_object()
    revision.title = "Ketamine infusion therapy"
    revision.save_revision().publish()

    response = clinic.get(Client(), treatment)
    assert response[STATUS_HEADER] == "miss"
    assert "Ketamine infusion therapy" in response.content.decode()


def test_a_page_that_only_lists_the_changed_one_changes_too(clinic, treatment):
    index = clinic.get(Client(), clinic.treatments)
    assert "Ketamine infusion" in index.content.decode()
    sibling = factories.TreatmentPageFactory(parent=clinic.treatments, title="Nerve block")
    sibling.save_revision().publish()

    response = clinic.get(Client(), clinic.treatments)
    assert response[STATUS_HEADER] == "miss"
    assert "Nerve block" in response.content.decode()


def test_a_settings_change_reaches_every_cached_page(clinic, treatment):
    clinic.get(Client(), treatment)
    clinic.settings.practice_name = "Alpha Spine Renamed"
    clinic.settings.save()

    response = clinic.get(Client(), treatment)
    assert response[STATUS_HEADER] == "miss"
    assert "Alpha Spine Renamed" in response.content.decode()


def test_another_clinics_change_leaves_this_clinics_pages_cached(make_clinic, clinic, treatment):
    other = make_clinic("beta")
    clinic.get(Client(), treatment)
    other.settings.practice_name = "Beta renamed"
    other.settings.save()
    assert clinic.get(Client(), treatment)[STATUS_HEADER] == "hit"


def test_a_hit_costs_no_query(clinic, treatment, django_assert_max_num_queries):
    url = clinic.url(treatment)
    clinic.get(Client(), url)
    with django_assert_max_num_queries(0):
        response = clinic.get(Client(), url)
    assert response[STATUS_HEADER] == "hit"


def test_a_visitor_with_a_session_gets_a_private_fresh_copy(clinic, treatment, admin_user):
    clinic.get(Client(), treatment)
    client = Client()
    client.force_login(admin_user)
    response = clinic.get(client, treatment)
    assert STATUS_HEADER not in response
    assert {"private", "no-cache"} <= cache_control(response)
    assert "public" not in cache_control(response)


@pytest.mark.parametrize(
    "query", ["?utm_source=newsletter", "?page=2&page=3", "?page=abc", "?q=my+symptoms"]
)
def test_made_up_query_strings_are_not_cached(clinic, treatment, query):
    response = clinic.get(Client(), clinic.url(treatment) + query)
    assert response.status_code == 200
    assert STATUS_HEADER not in response
    assert clinic.get(Client(), clinic.url(treatment) + query).get(STATUS_HEADER) is None


def test_the_booking_form_and_search_are_never_cached(clinic, treatment):
    for path in (clinic.url(clinic.appointment), "/search/?q=back+pain"):
        for _ in range(2):
            response = clinic.get(Client(), path)
            assert response.status_code == 200
            assert STATUS_HEADER not in response
            assert {"private", "no-store"} <= cache_control(response) or "no-store" in (
                cache_control(response)
            )
            assert "public" not in cache_control(response)


def test_a_password_protected_page_is_never_public(clinic, treatment):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=treatment, restriction_type=PageViewRestriction.PASSWORD, password="clinic"
    )
    response = clinic.get(Client(), treatment)
    assert STATUS_HEADER not in response
    assert "public" not in cache_control(response)


def test_a_page_whose_review_falls_due_is_kept_only_until_then(clinic):
    today = timezone.localdate()
    page = factories.TreatmentPageFactory(
        parent=clinic.treatments, title="Radiofrequency ablation", next_review_due=today
    )
    page.save_revision().publish()
    response = clinic.get(Client(), page)
    midnight = timezone.make_aware(
        datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time.min)
    )
    left = (midnight - timezone.now()).total_seconds()
    s_maxage = next(
        int(part.split("=")[1]) for part in cache_control(response) if part.startswith("s-maxage")
    )
    assert s_maxage <= min(300, left + 1)


def test_head_is_answered_wherever_get_is(clinic, treatment):
    for path in (clinic.url(treatment), "/robots.txt", "/sitemap.xml"):
        response = Client().head(path, HTTP_HOST=clinic.host)
        assert response.status_code == 200, path
        assert response.content == b""


def test_html_is_compressed_for_browsers_that_accept_it(clinic, treatment):
    response = clinic.get(Client(), treatment, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    hit = clinic.get(Client(), treatment, HTTP_ACCEPT_ENCODING="gzip")
    assert hit[STATUS_HEADER] == "hit"
    assert hit["Content-Encoding"] == "gzip"


def test_the_sitemap_and_robots_are_public_and_cached(clinic, treatment):
    for path in ("/sitemap.xml", "/robots.txt"):
        first = clinic.get(Client(), path)
        assert first.status_code == 200
        assert "public" in cache_control(first)
        assert clinic.get(Client(), path)[STATUS_HEADER] == "hit"
