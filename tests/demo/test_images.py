"""The demo's drawn pictures: clinic rooms, condition diagrams and illustrated physicians.

What a visitor notices: every picture has alt text that describes it (a portrait says it is an
illustration), a focal point on its subject so crops keep it, and a physician's page shows a
drawn person rather than a letter. The drawing is deterministic, so the demo looks the same on
every machine.
"""

from __future__ import annotations

import dataclasses
from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Site

from clinic_pages.conditions.models import ConditionPage
from clinic_pages.core.image_forms import looks_like_file_name
from clinic_pages.demo import images
from clinic_pages.demo.illustrations import rgb
from clinic_pages.demo.illustrations_portraits import COAT, SKIN
from clinic_pages.demo.loader import DemoLoader
from clinic_pages.demo.reader import read_demo
from clinic_pages.physicians.models import PhysicianPage
from clinic_pages.treatments.models import TreatmentPage

BRAND, ACCENT = "#1d4e89", "#f2a541"


@pytest.fixture(autouse=True)
def _no_disk_cache(monkeypatch, tmp_path):
    monkeypatch.setenv(images.CACHE_ENV, str(tmp_path / "cache"))


def _pixels(data: bytes) -> PILImage.Image:
    return PILImage.open(BytesIO(data)).convert("RGB")


def _close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


# --------------------------------------------------------------------- drawing


def test_the_same_seed_draws_the_same_bytes_and_another_seed_another_picture(monkeypatch):
    monkeypatch.setenv(images.CACHE_ENV, "off")
    first = images.portrait("Dr. Lee", BRAND, ACCENT, "clinic/dr-lee")
    again = images.portrait("Dr. Lee", BRAND, ACCENT, "clinic/dr-lee")
    other = images.portrait("Dr. Lee", BRAND, ACCENT, "clinic/dr-kim")
    assert first.data == again.data
    assert first.data != other.data
    room = images.room("treatment-room", BRAND, ACCENT, "a")
    assert room.data == images.room("treatment-room", BRAND, ACCENT, "a").data
    assert room.data != images.room("treatment-room", BRAND, ACCENT, "b").data


@pytest.mark.parametrize("seed", ["revitalize/dr-decaria", "urban-spine/dr-nora-whitfield"])
def test_a_portrait_is_a_drawn_person_in_a_white_coat_not_a_letter(seed):
    portrait = images.portrait("Dr. DeCaria", BRAND, ACCENT, seed)
    picture = _pixels(portrait.data)
    width, height = picture.size
    x, y, focus_width, focus_height = portrait.focal_point
    # The face (its chin, below the smile) is in one of the skin tones, inside the focal point;
    # the coat fills the bottom of the picture.
    chin = (width // 2, round(height * 0.59))
    assert abs(chin[0] - x) < focus_width / 2 and abs(chin[1] - y) < focus_height / 2
    face = picture.getpixel(chin)
    assert any(_close(face, tone, 16) for tone in SKIN), face
    assert _close(picture.getpixel((width // 5, height - 5)), COAT, 10)
    # A letter avatar was the brand colour with a white letter: no brand-coloured disc here.
    brand = rgb(BRAND)
    assert not _close(picture.getpixel((width // 2, height // 3)), brand, 30)
    assert portrait.alt_text.startswith("Illustration of Dr. DeCaria")
    assert "not a photo" in portrait.alt_text


@pytest.mark.parametrize(
    "topic, expected",
    [
        ("ketamine-infusion-therapy Ketamine infusion therapy", "recliner"),
        ("tens TENS", "stimulation device"),
        ("physical-therapy Physical therapy", "exercise ball"),
        ("trigger-point-injections Trigger point injections", "exam table"),
        ("arthritis-management Arthritis management", "knee"),
        ("pain-after-a-car-accident Pain after a car accident", "spine"),
    ],
)
def test_a_listing_shows_the_room_or_the_body_part_its_topic_is_about(topic, expected):
    picture = images.listing(BRAND, ACCENT, "seed", topic)
    assert expected in picture.alt_text
    assert picture.alt_text.startswith("Illustration of ")


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Migraine", "head"),
        ("Chronic neuropathic pain", "nerve"),
        ("Fibromyalgia", "tender points"),
        ("Diabetic neuropathy", "feet"),
        ("Complex regional pain syndrome", "hand"),
        ("Postherpetic neuralgia", "band of skin along a nerve"),
    ],
)
def test_a_condition_picture_shows_what_the_condition_affects(title, expected):
    picture = images.condition(BRAND, ACCENT, "seed", images.body_kind(title))
    assert expected in picture.alt_text


def test_focal_points_lie_inside_the_picture_and_leave_out_the_empty_wall():
    for picture in [
        images.hero(BRAND, ACCENT, "urban-spine"),
        images.room("waiting-room", BRAND, ACCENT, "s"),
        images.condition(BRAND, ACCENT, "s", "spine"),
        images.portrait("Dr. A", BRAND, ACCENT, "s"),
    ]:
        width, height = _pixels(picture.data).size
        x, y, focus_width, focus_height = picture.focal_point
        assert x - focus_width / 2 >= 0 and x + focus_width / 2 <= width
        assert y - focus_height / 2 >= 0 and y + focus_height / 2 <= height
        assert focus_width * focus_height < 0.6 * width * height


def test_pictures_are_small_enough_for_a_phone():
    assert len(images.hero(BRAND, ACCENT, "x").data) < 90_000
    assert len(images.listing(BRAND, ACCENT, "x", "ketamine").data) < 60_000
    assert len(images.portrait("Dr. A", BRAND, ACCENT, "x").data) < 40_000


def test_the_disk_cache_returns_what_was_drawn_and_redraws_a_damaged_entry(tmp_path, monkeypatch):
    folder = tmp_path / "kept"
    monkeypatch.setenv(images.CACHE_ENV, str(folder))
    drawn = images.room("exam-room", BRAND, ACCENT, "x")
    assert images.room("exam-room", BRAND, ACCENT, "x") == drawn
    (entry,) = folder.glob("*.bin")
    entry.write_bytes(b"not a picture")
    assert images.room("exam-room", BRAND, ACCENT, "x") == drawn
    assert entry.read_bytes() == drawn.data


# --------------------------------------------------------------------- in the demo


@pytest.fixture(scope="module")
def revitalize(django_db_setup, django_db_blocker):
    """One demo clinic (the one with the real clinician), loaded once, rolled back at the end."""
    demo = read_demo()
    (spec,) = [clinic for clinic in demo.clinics if clinic.slug == "revitalize"]
    only = dataclasses.replace(demo, clinics=[dataclasses.replace(spec, is_default_site=True)])
    with django_db_blocker.unblock(), transaction.atomic():
        DemoLoader(only).run()
        yield spec
        transaction.set_rollback(True)


@pytest.fixture
def site(revitalize, db) -> Site:
    return Site.objects.get(hostname="revitalize.localhost")


def test_every_demo_image_has_alt_text_and_a_focal_point(site):
    pictures = list(Image.objects.filter(collection__name="Revitalize Medical Center"))
    assert len(pictures) >= 8
    for picture in pictures:
        assert picture.description, picture.title
        assert not looks_like_file_name(picture.description, picture.file.name)
        assert picture.focal_point_width and picture.focal_point_height, picture.title
        assert picture.get_focal_point() is not None


def test_treatments_and_conditions_carry_their_own_pictures(site):
    treatment = TreatmentPage.objects.get(
        slug="ketamine-infusion-therapy", path__startswith=site.root_page.path
    )
    condition = ConditionPage.objects.descendant_of(site.root_page).first()
    assert "recliner" in treatment.listing_image.description
    assert condition.listing_image is not None
    assert condition.listing_image.description.startswith("Illustration of ")


def test_a_physician_page_shows_an_illustration_and_says_so(site, client):
    physician = PhysicianPage.objects.descendant_of(site.root_page).get(slug="dr-decaria")
    response = client.get(physician.url, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    (photo,) = soup.select(".physician-header__photo")
    img = photo if photo.name == "img" else photo.find("img")
    assert img["alt"].startswith("Illustration of Dr. DeCaria")
    assert "not a photo" in img["alt"]
    assert physician.photo.focal_point_width > 0


def test_physicians_get_different_portraits(site):
    photos = [p.photo for p in PhysicianPage.objects.descendant_of(site.root_page)]
    assert len(photos) == 2
    contents = {photo.file.open("rb").read() for photo in photos}
    assert len(contents) == 2
