"""``{% responsive_picture %}`` lists each width once, whatever the source image's size."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

TEMPLATE = (
    "{% load clinic_pages_images %}"
    '{% responsive_picture photo fill-{320x180,640x360,1280x720}-c50 format-{webp,jpeg} sizes="100vw" alt="" %}'
)


def srcsets(html: str) -> list[list[str]]:
    return [
        [candidate.rsplit(" ", 1)[-1] for candidate in value.split(", ")]
        for value in re.findall(r'srcset="([^"]*)"', html)
    ]


@pytest.fixture
def image_of(db):
    def make(width: int, height: int) -> Image:
        return Image.objects.create(
            title="Waiting room", file=get_test_image_file(size=(width, height))
        )

    return make


def test_a_small_source_lists_each_width_once(image_of):
    html = Template(TEMPLATE).render(Context({"photo": image_of(500, 300)}))
    lists = srcsets(html)
    assert len(lists) == 2  # the webp <source> and the jpeg <img>
    for widths in lists:
        assert len(widths) == len(set(widths))
        assert widths == ["320w", "500w"]


def test_a_large_source_keeps_every_width(image_of):
    html = Template(TEMPLATE).render(Context({"photo": image_of(1600, 900)}))
    assert srcsets(html) == [["320w", "640w", "1280w"]] * 2


def test_the_as_form_is_refused():
    with pytest.raises(TemplateSyntaxError):
        Template(
            "{% load clinic_pages_images %}{% responsive_picture photo width-{100,200} as pic %}"
        )
