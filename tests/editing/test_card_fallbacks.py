"""A page whose Promote-tab listing fields are empty still makes a full card.

The card shows the page's own summary and the first image of its body; what the editor set on
the Promote tab wins when there is one. Finding body images costs the same whether an index
lists one such card or a hundred.
"""

from __future__ import annotations

import re
import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clinic_pages.conditions.models import ConditionPage
from clinic_pages.core.card_fallbacks import first_image_id
from clinic_pages.core.images import CARD, FIGURE
from clinic_pages.treatments.models import TREATMENTS_PER_PAGE, TreatmentPage
from tests.bulk_content import add_images, add_pages

CARD_IMAGE = re.compile(r'<img[^>]*class="card__image"[^>]*>')


def _figure(image) -> dict:
    value = {"image": {"image": image.pk, "decorative": False, "alt_text": "A clinic room"}}
    return {"type": "figure", "value": value, "id": str(uuid.uuid4())}


def _cards(html: str) -> list[str]:
    return re.findall(r'<div class="card">(.*?)</div>', html, re.S)


@pytest.fixture
def _roomy_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }


def test_an_empty_promote_tab_shows_the_pages_own_summary(clinic, client):
    add_pages(
        clinic.conditions, ConditionPage, 1, lambda i: {"summary": "Nerve pain after shingles."}
    )
    (card,) = _cards(clinic.get(client, clinic.conditions).content.decode())
    assert '<p class="card__text">Nerve pain after shingles.</p>' in card


def test_the_listing_summary_wins_over_the_pages_summary(clinic, client):
    add_pages(
        clinic.conditions,
        ConditionPage,
        1,
        lambda i: {"summary": "Long summary.", "listing_summary": "Short card text."},
    )
    (card,) = _cards(clinic.get(client, clinic.conditions).content.decode())
    assert "Short card text." in card
    assert "Long summary." not in card


def test_an_empty_listing_image_shows_the_first_image_of_the_body(clinic, client):
    first, second = add_images(2, CARD, FIGURE)
    add_pages(
        clinic.treatments,
        TreatmentPage,
        1,
        lambda i: {"summary": "S.", "body": [_figure(first), _figure(second)]},
    )
    (card,) = _cards(clinic.get(client, clinic.treatments).content.decode())
    (img,) = CARD_IMAGE.findall(card)
    assert 'alt=""' in img  # decorative on a card: its title says where it leads
    assert first.renditions.filter(filter_spec="fill-400x225|format-jpeg").get().url in img


def test_a_page_without_any_image_makes_a_card_without_one(clinic, client):
    add_pages(clinic.treatments, TreatmentPage, 1, lambda i: {"summary": "S.", "body": []})
    (card,) = _cards(clinic.get(client, clinic.treatments).content.decode())
    assert not CARD_IMAGE.findall(card)
    assert "S." in card


@pytest.mark.usefixtures("_roomy_cache")
def test_body_images_of_a_hundred_cards_cost_what_one_costs(make_clinic, client):
    counts = []
    for slug, n in (("one", 1), ("many", 100)):
        clinic = make_clinic(slug)
        images = add_images(n, CARD, FIGURE)
        add_pages(
            clinic.treatments,
            TreatmentPage,
            n,
            lambda i, images=images: {"summary": "S.", "body": [_figure(images[i])]},
        )
        path = clinic.url(clinic.treatments)  # outside the count: Wagtail's URL lookup
        clinic.get(client, path)  # a warm process
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            html = clinic.get(client, path).content.decode()
        assert len(CARD_IMAGE.findall(html)) == min(n, TREATMENTS_PER_PAGE)
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ([{"type": "figure", "value": {"image": {"image": 7, "decorative": True}}}], 7),
        ([{"type": "section", "value": {}}, {"type": "figure", "value": {"image": 3}}], 3),
        ('[{"type": "figure", "value": {"image": {"image": 5}}}]', 5),
        ([{"type": "figure", "value": {"image": None}}], None),
        ("not json", None),
        ([], None),
    ],
)
def test_the_first_image_is_read_from_the_raw_body(body, expected):
    assert first_image_id(body) == expected
