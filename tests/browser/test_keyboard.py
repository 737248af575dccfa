"""A keyboard-only visitor skips the header, and reaches the booking form from the home page.

Only Tab and Enter are pressed; every element that takes the focus on the way must show it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import DESKTOP, describe, focused, has_focus_indicator, tab_until

CLINIC = "revitalize"


def _press_tab_to_skip_link(page) -> None:
    page.keyboard.press("Tab")
    element = focused(page)
    assert element is not None and element["href"] == "#main-content", (
        f"the first Tab stop is {describe(element)}, not the skip link"
    )
    assert element["text"] == "Skip to main content"
    assert element["onScreen"], "the focused skip link stays off screen"
    assert has_focus_indicator(element), f"the skip link shows no focus: {element['outline']}"


@pytest.mark.browser
def test_skip_link_is_the_first_tab_stop_and_moves_focus_into_main(new_context, clinic_url):
    page = new_context(**DESKTOP).new_page()
    page.goto(clinic_url(CLINIC, "/"))

    _press_tab_to_skip_link(page)
    page.keyboard.press("Enter")
    element = focused(page)
    assert element is not None and element["id"] == "main-content", (
        f"Enter on the skip link left the focus on {describe(element)}"
    )
    # The next Tab continues inside the main content, past the header and its navigation.
    after = tab_until(page, lambda el: True, limit=1)
    assert after["inMain"], f"the Tab after skipping went to {describe(after)}"


@pytest.mark.browser
def test_keyboard_visitor_reaches_the_booking_forms_first_field(
    new_context, clinic_url, demo_facts
):
    facts = demo_facts[CLINIC]
    page = new_context(**DESKTOP).new_page()
    page.goto(clinic_url(CLINIC, "/"))

    # Through the header to the main navigation's appointment link.
    _press_tab_to_skip_link(page)
    link = tab_until(
        page,
        lambda el: el["inMainNav"] and el["href"] == facts.appointment.path,
        limit=20,
    )
    assert link["text"] == facts.appointment.title
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(facts.appointment.title)

    # On the appointment page: skip the header, then Tab into the form.
    _press_tab_to_skip_link(page)
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main-content"
    first_stop_in_form = tab_until(page, lambda el: el["inBookingForm"], limit=30)
    first_input = page.locator(
        "form.booking-form :is(input, select, textarea):not([type=hidden], [tabindex='-1'])"
    ).first
    # The form opens with the appointment itself (what about, then office, day and time).
    assert first_stop_in_form["id"] == first_input.get_attribute("id") == "id_topic", (
        f"the first Tab stop in the form is {describe(first_stop_in_form)}"
    )
    label = "What is the appointment about?"
    assert page.evaluate("document.activeElement.labels[0].textContent.trim()") == label
    expect(page.get_by_label(label)).to_be_focused()
