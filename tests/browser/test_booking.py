"""On every demo clinic a visitor books from the ketamine page and sees the confirmation; the
clinic's front desk then finds the request in the admin, and another clinic's front desk does not."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CLINIC_SLUGS
from tests.browser.helpers import SUBMIT_BOOKING


def _front_desk_sees(slug: str, reference: str) -> bool:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(get_user_model().objects.get(username=f"{slug}-frontdesk"))
    response = client.get(reverse("appointment_requests:index"), HTTP_HOST=f"{slug}.localhost")
    assert response.status_code == 200
    return reference in response.content.decode()


@pytest.mark.browser
@pytest.mark.parametrize("clinic", CLINIC_SLUGS)
def test_visitor_books_from_the_ketamine_page(
    page, clinic_url, django_db_blocker, settings, clinic
):
    settings.CLINIC_PAGES_APPOINTMENT_MIN_FILL_SECONDS = 0
    settings.CLINIC_PAGES_APPOINTMENT_RATE_LIMIT = 100
    from wagtail.models import Site

    from clinic_pages.appointments.models import AppointmentRequest
    from clinic_pages.treatments.models import TreatmentPage

    with django_db_blocker.unblock():
        site = Site.objects.get(hostname=f"{clinic}.localhost")
        ketamine = (
            TreatmentPage.objects.live()
            .descendant_of(site.root_page)
            .filter(title__icontains="ketamine")
            .first()
        )
        assert ketamine is not None, "the demo clinic publishes a ketamine page"
        path = ketamine.relative_url(site)
        before = AppointmentRequest.objects.filter(site=site).count()

    page.goto(clinic_url(clinic, path))
    page.locator("a[href*='appointment']").first.click()
    expect(page.get_by_label("Full name")).to_be_visible()

    page.get_by_label("Full name").fill("Browser Visitor")
    page.get_by_label("Phone (optional)").fill("(312) 555-0177")
    page.get_by_role("group", name="How should we contact you?").get_by_label("Phone call").check()
    page.get_by_role("group", name="Have you been to us before?").get_by_label(
        "New patient"
    ).check()
    topic = page.get_by_label("What is the appointment about?")
    if not topic.input_value():
        option = topic.locator("option", has_text=re.compile("ketamine", re.I)).first
        topic.select_option(value=option.get_attribute("value"))
    times = page.locator("input[name='slot']")  # where the clinic publishes slots
    if times.count():
        times.first.check()
    page.get_by_label(re.compile("I agree that the clinic may store")).check()
    page.get_by_role("button", name=SUBMIT_BOOKING).click()

    expect(page.get_by_text("Your reference is")).to_be_visible()
    assert "/confirmation/" in page.url
    with django_db_blocker.unblock():
        assert AppointmentRequest.objects.filter(site=site).count() == before + 1
        reference = AppointmentRequest.objects.filter(site=site).latest("created_at").reference
        assert reference in page.content()
        assert _front_desk_sees(clinic, reference)
        other = next(slug for slug in CLINIC_SLUGS if slug != clinic)
        assert not _front_desk_sees(other, reference)
