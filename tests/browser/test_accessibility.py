"""Every page type of every clinic passes axe-core (WCAG 2.2 AA plus best practice) and reflows.

The pages come from each clinic's sitemap.xml, plus the pages a visitor reaches outside it: search
results, a 404 and the booking form after an invalid submit. Every URL is checked at desktop size;
one page of each type is checked again at phone size, spread over the clinics.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import CLINIC_SLUGS
from tests.browser.helpers import (
    BOOKING_ERRORS,
    DESKTOP,
    MISSING_PATH,
    NOT_FOUND,
    PHONE,
    SEARCH,
    SEARCH_PATH,
    axe_failures,
    open_page_type,
    sitemap_paths,
)


def _check_all(page, clinic_url, facts, pages: list[tuple[str, str]], size: str) -> None:
    failures = []
    for page_type, path in pages:
        open_page_type(page, clinic_url, facts, page_type, path)
        report = axe_failures(page, f"{facts.slug} {page_type} {path} at {size}")
        if report:
            failures.append(report)
    assert not failures, f"axe violations on {len(failures)} of {len(pages)} pages:\n\n" + (
        "\n\n".join(failures)
    )


@pytest.mark.browser
@pytest.mark.parametrize("slug", CLINIC_SLUGS)
def test_every_page_of_the_clinic_passes_axe_at_desktop_size(
    new_context, clinic_url, demo_facts, booking_errors_shown, slug
):
    facts = demo_facts[slug]
    page = new_context(**DESKTOP).new_page()
    listed = sitemap_paths(page, clinic_url, slug)
    # The sitemap must list every live page, else this test would silently check fewer pages.
    assert sorted(listed) == sorted(facts.page_types), "sitemap.xml and the page tree differ"
    pages = [(facts.page_types[path], path) for path in listed]
    pages += [(SEARCH, SEARCH_PATH), (NOT_FOUND, MISSING_PATH)]
    pages += [(BOOKING_ERRORS, facts.appointment.path)]
    _check_all(page, clinic_url, facts, pages, "1280px")


def _one_of_each_type(demo_facts) -> list[tuple[str, str, str]]:
    """(clinic, page type, path): each page type once, taken from the clinics in turn."""
    page_types = list(demo_facts[CLINIC_SLUGS[0]].representatives())
    picked = []
    for index, page_type in enumerate(page_types):
        facts = demo_facts[CLINIC_SLUGS[index % len(CLINIC_SLUGS)]]
        picked.append((facts.slug, page_type, facts.representatives()[page_type]))
    return picked


@pytest.mark.browser
def test_each_page_type_passes_axe_at_phone_size(
    new_context, clinic_url, demo_facts, booking_errors_shown
):
    page = new_context(**PHONE).new_page()
    picked = _one_of_each_type(demo_facts)
    assert len(picked) >= 14, picked  # 11 page models, search, 404 and the form with errors
    failures = []
    for slug, page_type, path in picked:
        open_page_type(page, clinic_url, demo_facts[slug], page_type, path)
        report = axe_failures(page, f"{slug} {page_type} {path} at 390px")
        if report:
            failures.append(report)
    assert not failures, f"axe violations on {len(failures)} of {len(picked)} pages:\n\n" + (
        "\n\n".join(failures)
    )


# ---------------------------------------------------------------------- reflow (WCAG 1.4.10)

REFLOW_CLINIC = "revitalize"  # two offices with long e-mail addresses, a form with slots

_TOO_WIDE_JS = """(limit) => [...document.body.querySelectorAll("*")]
    .filter(el => el.getBoundingClientRect().right > limit + 0.5)
    .slice(0, 5)
    .map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} ends at `
        + `${Math.round(el.getBoundingClientRect().right)}px: `
        + el.outerHTML.slice(0, 120))"""


@pytest.mark.browser
def test_no_page_type_scrolls_sideways_at_320px(
    new_context, clinic_url, demo_facts, booking_errors_shown
):
    """320 CSS px is a 1280px window at 400% zoom: content must reflow, not scroll sideways."""
    facts = demo_facts[REFLOW_CLINIC]
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    too_wide = []
    for page_type, path in facts.representatives().items():
        open_page_type(page, clinic_url, facts, page_type, path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            culprits = "\n    ".join(page.evaluate(_TOO_WIDE_JS, 320))
            too_wide.append(f"{page_type} {path}: {width}px wide\n    {culprits}")
    assert not too_wide, "pages wider than 320px:\n" + "\n".join(too_wide)
