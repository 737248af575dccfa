"""The phone-first header (issue 12): a compact header whose menu opens by keyboard with and
without JavaScript, the sticky Call/Book bar that never hides the focus, and a desktop menu
that fits on one line with the booking action as a button."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CLINIC_SLUGS
from tests.browser.helpers import DESKTOP, axe_failures, describe, focused, tab_until

PHONE_375 = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
# Measured without the bar's slide-in, so that it is where it stays.
STILL = {"reduced_motion": "reduce"}
CLINIC = "revitalize"
# Logo and name on one line with the menu button: well under the ~400 px the old header took.
MAX_PHONE_HEADER = 120

_BOX_JS = "(selector) => { const r = document.querySelector(selector).getBoundingClientRect();"
_BOX_JS += " return {top: r.top, bottom: r.bottom, height: r.height}; }"


def _box(page, selector: str) -> dict:
    return page.evaluate(_BOX_JS, selector)


@pytest.mark.browser
def test_phone_header_is_compact_on_every_clinic(new_context, clinic_url):
    page = new_context(**PHONE_375).new_page()
    for slug in CLINIC_SLUGS:
        page.goto(clinic_url(slug, "/"))
        height = _box(page, ".site-header")["height"]
        assert height <= MAX_PHONE_HEADER, f"{slug}: the header is {height:.0f}px tall"
        expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
        expect(page.locator("summary.site-menu__toggle")).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [False, True], ids=["without JS", "with JS"])
def test_phone_menu_opens_from_the_keyboard(new_context, clinic_url, demo_facts, javascript):
    facts = demo_facts[CLINIC]
    page = new_context(java_script_enabled=javascript, **PHONE_375).new_page()
    page.goto(clinic_url(CLINIC, facts.treatment.path))
    main_nav = page.get_by_role("navigation", name="Main")
    toggle = page.locator("summary.site-menu__toggle")

    menu_button = tab_until(page, lambda el: el["tag"] == "summary", limit=5)
    assert menu_button["text"] == "Menu"
    page.keyboard.press("Enter")
    expect(main_nav).to_be_visible()
    if javascript:
        expect(toggle).to_have_attribute("aria-expanded", "true")

    # Tab goes on into the menu: the phone number, the search, then the sections.
    link = tab_until(page, lambda el: el["inMainNav"], limit=10)
    assert link["onScreen"], f"{describe(link)} is off screen"
    expect(page.locator("#header-search-q")).to_be_visible()
    expect(page.locator(".site-header .header-phone")).to_be_visible()

    if javascript:  # Escape closes it and gives the focus back to the button
        page.keyboard.press("Escape")
        expect(main_nav).to_be_hidden()
        expect(toggle).to_be_focused()
        expect(toggle).to_have_attribute("aria-expanded", "false")
    else:  # the button toggles it shut again
        toggle.focus()
        page.keyboard.press("Enter")
        expect(main_nav).to_be_hidden()


@pytest.mark.browser
def test_phone_with_the_menu_open_passes_axe(new_context, clinic_url, demo_facts):
    page = new_context(**PHONE_375).new_page()
    page.goto(clinic_url(CLINIC, demo_facts[CLINIC].treatment.path))
    page.locator("summary.site-menu__toggle").click()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    report = axe_failures(page, "phone header with the menu open")
    assert report is None, report


# ---------------------------------------------------------------------- the call bar


@pytest.mark.browser
def test_call_bar_offers_call_and_book_on_phones(new_context, clinic_url, demo_facts):
    facts = demo_facts[CLINIC]
    page = new_context(**STILL, **PHONE_375).new_page()
    page.goto(clinic_url(CLINIC, facts.treatment.path))
    bar = page.get_by_role("navigation", name="Call or book")
    expect(bar).to_be_visible()
    expect(bar.get_by_role("link", name=re.compile("^Call "))).to_have_attribute(
        "href", re.compile(r"^tel:\+1\d{10}$")
    )
    book = bar.get_by_role("link", name="Book an appointment")
    # The form, with this treatment already chosen.
    expect(book).to_have_attribute(
        "href", f"{facts.appointment.path}?treatment={facts.treatment.pk}#booking-form"
    )
    assert _box(page, ".call-bar__inner")["bottom"] == PHONE_375["viewport"]["height"]

    book.tap()
    expect(page.locator("h1")).to_have_text(facts.appointment.title)
    expect(page.locator(".call-bar")).to_have_count(0)  # pointless on the booking page


@pytest.mark.browser
def test_call_bar_never_hides_the_focus_or_the_end_of_the_page(new_context, clinic_url, demo_facts):
    page = new_context(**STILL, **PHONE_375).new_page()
    page.goto(clinic_url(CLINIC, demo_facts[CLINIC].treatment.path))
    bar_top = _box(page, ".call-bar__inner")["top"]

    # Every Tab stop from the top of the page to the footer's last link stays above the bar.
    seen = 0
    for _ in range(200):
        page.keyboard.press("Tab")
        element = focused(page)
        assert element is not None, "Tab left the page before reaching the call bar"
        if page.evaluate("!!document.activeElement.closest('.call-bar')"):
            break  # past the footer's last link: the bar's own links come last
        box = page.evaluate("document.activeElement.getBoundingClientRect().toJSON()")
        if box["height"] > 0:
            assert box["bottom"] <= bar_top + 0.5, (
                f"{describe(element)} is focused under the call bar ({box['bottom']:.0f} > "
                f"{bar_top:.0f})"
            )
            seen += 1
    else:
        pytest.fail("200 Tabs did not reach the end of the page")
    assert seen > 30

    # Scrolled to the very end, the page's last line is above the bar, not under it.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    footer_bottom = _box(page, ".site-footer")["bottom"]
    assert footer_bottom <= bar_top + 0.5


@pytest.mark.browser
def test_call_bar_respects_reduced_motion_and_stays_off_desktops(
    new_context, clinic_url, demo_facts
):
    path = demo_facts[CLINIC].treatment.path
    calm = new_context(**STILL, **PHONE_375).new_page()
    calm.goto(clinic_url(CLINIC, path))
    expect(calm.locator(".call-bar__inner")).to_be_visible()
    assert calm.evaluate(
        "getComputedStyle(document.querySelector('.call-bar__inner')).animationName"
    ) in ("none", "")

    desktop = new_context(**DESKTOP).new_page()
    desktop.goto(clinic_url(CLINIC, path))
    expect(desktop.locator(".call-bar")).to_be_hidden()


# ---------------------------------------------------------------------- desktop


_NAV_JS = """() => {
    const items = [...document.querySelectorAll(".main-nav li")];
    const tops = items.map(li => Math.round(li.getBoundingClientRect().top));
    const book = document.querySelector(".main-nav__book a");
    const style = book && getComputedStyle(book);
    return {
        lines: new Set(items.map(li => {
            const r = li.getBoundingClientRect();
            return Math.round(r.top + r.height / 2);
        })).size,
        tops,
        height: document.querySelector(".main-nav").getBoundingClientRect().height,
        book: book && {
            text: book.textContent.trim(),
            className: book.className,
            background: style.backgroundColor,
            radius: style.borderTopLeftRadius,
            last: book.closest("li") === items[items.length - 1],
        },
    };
}"""


@pytest.mark.browser
def test_desktop_menu_is_one_line_with_the_booking_action_as_a_button(
    new_context, clinic_url, demo_facts
):
    page = new_context(**DESKTOP).new_page()
    for slug in CLINIC_SLUGS:
        page.goto(clinic_url(slug, "/"))
        expect(page.locator("summary.site-menu__toggle")).to_be_hidden()
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        nav = page.evaluate(_NAV_JS)
        assert nav["lines"] == 1, f"{slug}: the menu wraps onto {nav['lines']} lines: {nav}"
        assert nav["height"] < 80, f"{slug}: the menu is {nav['height']:.0f}px tall"
        book = nav["book"]
        assert book is not None, f"{slug}: no booking action in the menu"
        assert book["text"] == demo_facts[slug].appointment.title
        assert "button" in book["className"].split() and book["last"]
        assert book["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), (
            f"{slug}: the booking action is a plain link"
        )
