"""The booking form at phone width: links land on it, errors come first with the focus on them,
the time is chosen office -> day -> time by keyboard, and all of it works without JavaScript.

Revitalize publishes slots at two offices; the demo is loaded once for the browser session."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import PHONE, SUBMIT_BOOKING, axe_failures

CLINIC = "revitalize"


def _fill_details(page) -> None:
    page.get_by_label("Full name").fill("Phone Visitor")
    page.get_by_label("Phone (optional)").fill("(312) 555-0178")
    page.get_by_role("group", name="How should we contact you?").get_by_label("Phone call").check()
    page.get_by_role("group", name="Have you been to us before?").get_by_label(
        "New patient"
    ).check()
    topic = page.get_by_label("What is the appointment about?")
    if not topic.input_value():
        topic.select_option(index=1)
    page.get_by_label(re.compile("I agree that the clinic may store")).check()


def _checked(page, name: str) -> str:
    return page.locator(f"input[name='{name}']:checked").get_attribute("value") or ""


@pytest.mark.browser
def test_a_booking_link_lands_on_the_form_on_a_phone(new_context, clinic_url, demo_facts):
    facts = demo_facts[CLINIC]
    page = new_context(**PHONE).new_page()
    page.goto(clinic_url(CLINIC, facts.treatment.path))
    link = page.locator("main .cta a[href*='#booking-form']").first
    link.click()
    expect(page).to_have_url(re.compile(r"#booking-form$"))
    expect(page.locator("#booking-heading")).to_be_in_viewport()
    expect(page.locator("#booking-form")).to_be_visible()
    # The form comes before the contact cards and the offices' hours.
    order = page.evaluate(
        """() => ['booking-form', 'contact-heading', 'offices-heading']
            .map(id => document.getElementById(id))
            .filter(Boolean)
            .map(el => el.getBoundingClientRect().top + scrollY)"""
    )
    assert order == sorted(order), order
    assert not axe_failures(page, "booking form on a phone")


@pytest.mark.browser
def test_after_an_error_the_summary_is_seen_first_and_focused(
    new_context, clinic_url, demo_facts, booking_errors_shown
):
    facts = demo_facts[CLINIC]
    page = new_context(**PHONE).new_page()
    page.goto(clinic_url(CLINIC, facts.appointment.path + "#booking-form"))
    page.get_by_role("button", name=SUBMIT_BOOKING).click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(page).to_have_title(re.compile("^Error: "))
    # Its first link takes the patient to the field in question.
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.closest('form.booking-form') !== null")
    page.goto(page.url.split("#")[0] + "#booking-form")  # back to the errors state for axe
    page.get_by_role("button", name=SUBMIT_BOOKING).click()
    expect(summary).to_be_focused()
    assert not axe_failures(page, "booking errors on a phone")


@pytest.mark.browser
def test_the_time_is_chosen_office_day_time_by_keyboard(
    new_context, clinic_url, demo_facts, booking_errors_shown, django_db_blocker
):
    facts = demo_facts[CLINIC]
    page = new_context(**PHONE).new_page()
    page.goto(clinic_url(CLINIC, facts.appointment.path + "#booking-form"))
    expect(page.get_by_role("button", name="Show times for this office and day")).to_have_count(0)
    offices = page.locator("input[name='office'][type='radio']")
    assert offices.count() >= 2, "Revitalize offers two offices"
    first_office, first_time = _checked(page, "office"), page.locator("input[name='slot']").first
    first_time_value = first_time.get_attribute("value")

    # Office: arrow keys move between the radios and choose as they go.
    page.locator("input[name='office']:checked").focus()
    page.keyboard.press("ArrowDown")
    assert _checked(page, "office") != first_office
    expect(page.locator("[data-picker-status]")).to_contain_text("free time")
    assert page.locator("input[name='slot']").first.get_attribute("value") != first_time_value

    # Day: Tab into the group, then the next day.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "day"
    day = _checked(page, "day")
    page.keyboard.press("ArrowDown")
    assert _checked(page, "day") != day
    # Time: Tab into the group and choose one with Space.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "slot"
    page.keyboard.press("Space")
    chosen = _checked(page, "slot")
    assert chosen
    label = page.locator(f"label[for='{page.evaluate('document.activeElement.id')}']")
    expect(label).to_contain_text(re.compile(r"\d:\d\d [AP]M"))
    expect(page.locator("[data-zone]")).to_contain_text("local time")
    assert not axe_failures(page, "slot picker narrowed by script")

    # Sent with the time chosen by keyboard: the confirmation recaps it.
    _fill_details(page)
    page.get_by_role("button", name=SUBMIT_BOOKING).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Appointment request received")
    assert not axe_failures(page, "confirmation on a phone")
    _forget(page, django_db_blocker, chosen)


def _forget(page, django_db_blocker, slot_pk: str) -> None:
    """Delete the request just made, so the demo's slot is free again for the other tests."""
    from clinic_pages.appointments.models import AppointmentRequest

    reference = page.locator(".reference").inner_text()
    with django_db_blocker.unblock():
        booking = AppointmentRequest.objects.get(reference=reference)
        assert str(booking.slot_id) == slot_pk
        booking.delete()


@pytest.mark.browser
def test_without_javascript_show_times_narrows_and_the_booking_goes_through(
    new_context, clinic_url, demo_facts, booking_errors_shown, django_db_blocker
):
    from clinic_pages.appointments.models import AppointmentRequest

    facts = demo_facts[CLINIC]
    page = new_context(**PHONE, java_script_enabled=False).new_page()
    page.goto(clinic_url(CLINIC, facts.appointment.path + "#booking-form"))
    show = page.get_by_role("button", name="Show times for this office and day")
    expect(show).to_be_visible()
    _fill_details(page)
    other_office = page.locator("input[name='office']:not(:checked)").first
    office_value = other_office.get_attribute("value")
    other_office.check()
    show.click()

    expect(page.get_by_role("status")).to_contain_text("Nothing has been sent yet")
    assert _checked(page, "office") == office_value
    expect(page.get_by_label("Full name")).to_have_value("Phone Visitor")  # nothing typed lost
    expect(page.locator("#error-summary")).to_have_count(0)
    page.locator("input[name='slot']").first.check()
    page.get_by_role("button", name=SUBMIT_BOOKING).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Appointment request received")
    recap = page.locator(".booking-recap")
    expect(recap).to_contain_text("the office's local time")
    expect(page.get_by_role("link", name="Add to my calendar (.ics file)")).to_be_visible()
    reference = page.locator(".reference").inner_text()
    with django_db_blocker.unblock():
        booking = AppointmentRequest.objects.get(reference=reference)
        assert str(booking.location_id) == office_value
        booking.delete()  # the demo's slot is free again for the other tests
