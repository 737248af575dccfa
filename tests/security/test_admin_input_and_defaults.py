"""Hostile or odd admin input gets a 4xx or a form error, never a 500; and the settings that
would show one clinic another's pages are off."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.isolation.responses import assert_nothing_of, body

SEARCHES = [
    "wagtailimages:index",
    "wagtailimages_chooser:choose",
    "wagtaildocs:index",
    "wagtaildocs_chooser:choose",
    "wagtailadmin_pages:search",
    "wagtailadmin_choose_page_search",
    "wagtailsnippets_clinic_pages_clinics_location:list",
    "wagtailsnippetchoosers_clinic_pages_clinics_location:choose",
    "wagtailsnippetchoosers_clinic_pages_clinics_location:choose_results",
    "wagtailsnippets_clinic_pages_faqs_question:list",
]


@pytest.mark.parametrize("query", ['"a', '"x', 'a"b', '""', '"waiting room', "'\"\\"])
@pytest.mark.parametrize("url_name", SEARCHES)
def test_admin_searches_with_stray_quotes_answer(w, client_for, url_name, query):
    response = client_for(w.a.users["editor"]).get(reverse(url_name), {"q": query})
    assert response.status_code == 200


def test_a_quoted_search_still_finds_the_clinics_own_image(w, client_for):
    response = client_for(w.a.users["editor"]).get(
        reverse("wagtailimages:index"), {"q": '"waiting'}
    )
    assert response.status_code == 200
    assert w.a.image.title in body(response)
    assert_nothing_of(w.b, response)


def test_the_public_search_with_a_stray_quote_answers(w):
    response = Client(HTTP_HOST=w.a.site.hostname).get(reverse("clinic_pages:search"), {"q": '"a'})
    assert response.status_code == 200


def _png(width: int, height: int) -> SimpleUploadedFile:
    """A tiny file for a huge picture: one colour compresses to almost nothing."""
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG", optimize=True)
    return SimpleUploadedFile("huge.png", buffer.getvalue(), content_type="image/png")


def test_an_image_of_too_many_pixels_is_refused_with_a_form_error(w, client_for):
    upload = _png(8000, 6000)  # 48 megapixels, a few kilobytes
    assert upload.size < 100_000
    before = get_image_model().objects.count()
    response = client_for(w.a.users["editor"]).post(
        reverse("wagtailimages:add"),
        {"title": "Huge", "collection": w.a.collection.pk, "file": upload, "tags": ""},
    )
    assert response.status_code == 200
    assert "pixels" in body(response)
    assert get_image_model().objects.count() == before


def test_an_image_of_a_camera_size_is_accepted(w, client_for):
    before = get_image_model().objects.count()
    response = client_for(w.a.users["editor"]).post(
        reverse("wagtailimages:add"),
        {
            "title": "Office",
            "description": "The front desk of the Glenview office",
            "collection": w.a.collection.pk,
            "file": _png(1200, 800),
            "tags": "",
        },
    )
    assert response.status_code == 302
    assert get_image_model().objects.count() == before + 1


def test_pasting_another_clinics_url_as_an_external_link_names_nothing_of_it(w, client_for):
    """Wagtail would turn a pasted URL of any clinic's page into a link to that page, and answer
    with its id and draft title (WAGTAILADMIN_EXTERNAL_LINK_CONVERSION, now off)."""
    url = w.b.treatment.get_full_url()
    assert url.startswith("http://birchwood.test")
    response = client_for(w.a.users["editor"]).post(
        reverse("wagtailadmin_choose_page_external_link"),
        {"external-link-chooser-url": url, "external-link-chooser-link_text": ""},
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["step"] == "external_link_chosen"
    assert payload["result"]["url"] == url
    assert "id" not in payload["result"]
    assert_nothing_of(w.b, response)


def test_no_avatar_is_fetched_from_gravatar(w, client_for):
    response = client_for(w.a.users["editor"]).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "gravatar" not in body(response)
