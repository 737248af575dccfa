"""A visitor finds the ketamine page, its answers, a physician and the booking form, on every clinic.

Each step follows a link the visitor can see (tapped on a phone, clicked on a desktop), never a
typed URL, and checks what the page shows before moving on.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CLINIC_SLUGS
from tests.browser.helpers import DESKTOP, SUBMIT_BOOKING, VIEWPORTS, activate, open_menu


def _at(path: str) -> re.Pattern:
    """The page URL is on this path, with or without a query string."""
    return re.compile(re.escape(path) + r"(\?.*)?$")


@pytest.mark.browser
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("slug", CLINIC_SLUGS)
def test_visitor_goes_from_home_to_the_booking_form(
    new_context, clinic_url, demo_facts, slug, viewport
):
    facts = demo_facts[slug]
    touch = viewport == "phone"
    page = new_context(**VIEWPORTS[viewport]).new_page()
    main = page.locator("main")
    main_nav = page.get_by_role("navigation", name="Main")
    h1 = page.locator("h1")

    # Home: the clinic's hero and its featured treatments.
    page.goto(clinic_url(slug, "/"))
    expect(h1).to_have_text(facts.hero_heading)
    expect(main.get_by_role("heading", name="Our treatments", exact=True)).to_be_visible()
    expect(main.get_by_role("heading", name="Our physicians", exact=True)).to_be_visible()

    # The ketamine infusion page, from its card on the home page.
    activate(main.get_by_role("link", name=facts.treatment.title, exact=True), touch)
    expect(page).to_have_url(_at(facts.treatment.path))
    expect(h1).to_have_text(facts.treatment.title)
    crumb = page.get_by_role("navigation", name="Breadcrumb").locator("[aria-current='page']")
    expect(crumb).to_have_text(facts.treatment.title)
    for heading in (
        "Regulatory status",
        "Conditions it is used for",
        f"Physicians who offer {facts.treatment.title}",
    ):
        expect(main.get_by_role("heading", name=heading, exact=True)).to_be_visible()

    # Its FAQ block: answers stay folded until the visitor opens one.
    question = main.locator("section.block.faq details.faq-item").first
    answer = question.locator(".faq-item__answer")
    expect(answer).to_be_hidden()
    activate(question.locator("summary"), touch)
    expect(answer).to_be_visible()

    # The clinic's FAQ page, from the main navigation (behind the menu button on a phone).
    open_menu(page, touch)
    activate(main_nav.get_by_role("link", name=facts.faq.title, exact=True), touch)
    expect(page).to_have_url(_at(facts.faq.path))
    expect(h1).to_have_text(facts.faq.title)
    expect(main.locator("details.faq-item").first).to_be_visible()
    assert main.locator("details.faq-item").count() >= 3

    # A physician, from the physicians index.
    open_menu(page, touch)
    activate(main_nav.get_by_role("link", name=facts.physician_index.title, exact=True), touch)
    expect(h1).to_have_text(facts.physician_index.title)
    activate(main.get_by_role("link", name=facts.physician.title, exact=True), touch)
    expect(page).to_have_url(_at(facts.physician.path))
    expect(h1).to_have_text(facts.physician.title)
    expect(main.get_by_text("Accepting new patients:")).to_be_visible()

    # The appointment page, from the physician's call to action, which names the physician.
    activate(main.locator(f".cta a[href^='{facts.appointment.path}']"), touch)
    expect(page).to_have_url(re.compile(rf"\?physician={facts.physician.pk}#booking-form$"))
    expect(h1).to_have_text(facts.appointment.title)
    form = main.locator("form.booking-form")
    expect(form).to_be_visible()
    expect(form.get_by_label("Full name")).to_be_visible()
    expect(form.get_by_role("button", name=SUBMIT_BOOKING)).to_be_visible()


# ---------------------------------------------------------------------- images

ABOVE_THE_FOLD = ".site-header img, .hero img, img[fetchpriority='high']"

_IMAGES_JS = """(aboveTheFold) => [...document.images].map(img => ({
    src: img.getAttribute("src"),
    width: img.getAttribute("width"),
    height: img.getAttribute("height"),
    loading: img.getAttribute("loading"),
    aboveTheFold: img.matches(aboveTheFold),
    sources: img.parentElement.tagName === "PICTURE"
        ? [...img.parentElement.querySelectorAll("source")].map(s => s.type) : null,
}))"""


@pytest.mark.browser
def test_treatment_page_images_reserve_space_load_lazily_and_offer_modern_formats(
    page, clinic_url, demo_facts
):
    """Every image has its size (no layout shift); only the ones on first sight load eagerly."""
    checked = 0
    for slug in CLINIC_SLUGS:
        page.goto(clinic_url(slug, demo_facts[slug].treatment.path))
        images = page.evaluate(_IMAGES_JS, ABOVE_THE_FOLD)
        assert any(not image["aboveTheFold"] for image in images), (
            f"{slug}: no image below the fold"
        )
        for image in images:
            where = f"{slug}: {image['src']}"
            assert image["width"] and image["height"], f"{where} has no width/height"
            if image["aboveTheFold"]:
                assert image["loading"] != "lazy", f"{where} is seen first but loads lazily"
            else:
                assert image["loading"] == "lazy", f"{where} is below the fold but loads eagerly"
            assert image["sources"] is not None, f"{where} is not in a <picture>"
            assert {"image/avif", "image/webp"} <= set(image["sources"]), (
                f"{where} offers only {image['sources']}"
            )
            checked += 1
    assert checked >= 2 * len(CLINIC_SLUGS)


@pytest.mark.browser
def test_home_page_hero_image_loads_first(page, clinic_url):
    hero = page.locator(".hero img")
    page.goto(clinic_url("revitalize", "/"))
    expect(hero).to_have_attribute("fetchpriority", "high")
    assert hero.get_attribute("loading") != "lazy"
    assert hero.get_attribute("width") and hero.get_attribute("height")


# ---------------------------------------------------------------------- without JavaScript


@pytest.mark.browser
def test_treatment_and_booking_pages_work_without_javascript(
    new_context, clinic_url, demo_facts, booking_errors_shown
):
    facts = demo_facts["revitalize"]
    page = new_context(java_script_enabled=False, **DESKTOP).new_page()
    main = page.locator("main")

    page.goto(clinic_url(facts.slug, facts.treatment.path))
    expect(page.locator("h1")).to_have_text(facts.treatment.title)
    expect(main.get_by_role("heading", name="Conditions it is used for")).to_be_visible()
    question = main.locator("details.faq-item").first
    question.locator("summary").click()  # <details> opens without script
    expect(question.locator(".faq-item__answer")).to_be_visible()

    main.locator(f".cta a[href^='{facts.appointment.path}']").click()
    expect(page.locator("h1")).to_have_text(facts.appointment.title)
    form = main.locator("form.booking-form")
    for label in ("Full name", "Phone (optional)", "E-mail address (optional)"):
        expect(form.get_by_label(label, exact=True)).to_be_visible()
    expect(form.get_by_role("group", name="How should we contact you?")).to_be_visible()
    expect(form.get_by_label("What is the appointment about?")).to_have_value(
        f"treatment-{facts.treatment.pk}"
    )

    # The server validates and answers with the errors: no script needed for that either.
    form.get_by_role("button", name=SUBMIT_BOOKING).click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator("#error-summary a").first).to_have_attribute("href", re.compile("^#id_"))
