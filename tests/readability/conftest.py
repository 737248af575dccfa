"""Two onboarded clinics (tests/isolation's, built once for this package) and a text setter."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from tests.factories import section_block
from tests.isolation.conftest import client_for, w, world  # noqa: F401  (fixtures)


@pytest.fixture
def write():
    """``write(page, text)``: save a new latest revision whose summary and body say ``text``."""

    def save(page: Page, text: str) -> Page:
        page = page.specific_class.objects.get(pk=page.pk)
        page.summary = text[:600]
        page.body = [section_block(heading="About", body=f"<p>{text}</p>")]
        page.save_revision()
        return page

    return save
