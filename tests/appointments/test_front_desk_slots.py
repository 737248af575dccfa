"""Today's and tomorrow's slots, booked or free, on each office's clock; the slot tools linked
from the menu and the slot listing, each with its own heading."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from clinic_pages.appointments.models import AppointmentRequest
from tests.appointments.conftest import staff_of
from tests.appointments.front_desk_support import make_request, office_now, slot_at

pytestmark = pytest.mark.django_db

AGENDA = "/admin/appointment_slots/today/"


@pytest.fixture
def desk(client, alpha, beta, django_user_model):
    user = staff_of(django_user_model, alpha, "alpha-desk")
    client.force_login(user)
    return user


def _on_office_day(clinic, days: int, hour: int) -> datetime.datetime:
    local = office_now(clinic) + datetime.timedelta(days=days)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


def _section(html: str, heading: str) -> str:
    """The day's section, from its heading to the next day's."""
    start = html.index(f'id="agenda-day-{1 if heading == "Today" else 2}">{heading}')
    end = html.find("<section", start)
    return html[start : end if end != -1 else len(html)]


def test_today_and_tomorrow_show_booked_and_free_slots(client, alpha, beta, desk):
    alpha.extra["location"].time_zone = "America/Denver"
    alpha.extra["location"].save()
    booked = slot_at(alpha, _on_office_day(alpha, 0, 23))
    slot_at(alpha, _on_office_day(alpha, 1, 9))
    slot_at(alpha, _on_office_day(alpha, 3, 9))  # later days: not on this page
    slot_at(beta, _on_office_day(beta, 0, 23))
    booking = make_request(alpha, name="Casey Holder", slot=booked)
    response = client.get(AGENDA)
    assert response.status_code == 200
    html = response.content.decode()
    today, tomorrow = _section(html, "Today"), _section(html, "Tomorrow")
    assert "Booked" in today and "Casey Holder" in today and booking.reference in today
    assert "11:00 PM M" in today  # the office's clock, naming the zone (MST or MDT)
    assert "Free" in tomorrow and "9:00 AM M" in tomorrow and "Casey" not in tomorrow
    assert "1 booked" in today and "1 free" in tomorrow
    assert html.count("beta office") == 0
    assert "no-store" in response["Cache-Control"]


def test_a_cancelled_request_frees_its_slot(client, alpha, desk):
    slot = slot_at(alpha, _on_office_day(alpha, 1, 10))
    make_request(alpha, name="Gone Away", slot=slot, status=AppointmentRequest.Status.CANCELLED)
    tomorrow = _section(client.get(AGENDA).content.decode(), "Tomorrow")
    assert "Free" in tomorrow and "Gone Away" not in tomorrow


@pytest.mark.parametrize(
    ("url", "title"),
    [
        (AGENDA, "Today's and tomorrow's slots"),
        ("/admin/appointment_slots/day/", "Slots by day"),
        ("/admin/appointment_slots/pattern/", "Create slots from a weekly pattern"),
    ],
)
def test_each_slot_tool_has_its_heading_and_a_way_back(client, desk, url, title):
    html = client.get(url).content.decode().replace("&#x27;", "'")
    h1 = re.search(r"<h1[^>]*>\s*(.*?)\s*</h1>", html, re.S).group(1)
    assert h1 == title
    assert f"<title>{title}" in html
    assert 'href="/admin/appointment_slots/"' in html  # the breadcrumb back to the slots


def test_the_slot_tools_are_in_the_menu_and_on_the_slot_listing(client, alpha, desk):
    slot_at(alpha, timezone.now() + datetime.timedelta(days=2))
    listing = client.get("/admin/appointment_slots/").content.decode()
    for url in (AGENDA, "/admin/appointment_slots/day/", "/admin/appointment_slots/pattern/"):
        assert f'href="{url}"' in listing
    menu = client.get("/admin/").content.decode()
    for url in (AGENDA, "/admin/appointment_slots/day/", "/admin/appointment_slots/pattern/"):
        assert url in menu


def test_the_slot_listing_says_which_slots_are_booked(client, alpha, desk):
    taken = slot_at(alpha, timezone.now() + datetime.timedelta(days=2))
    slot_at(alpha, timezone.now() + datetime.timedelta(days=4))
    make_request(alpha, slot=taken, status=AppointmentRequest.Status.BOOKED)
    html = client.get("/admin/appointment_slots/").content.decode()
    cells = re.findall(r"<td[^>]*>\s*(Booked|Free)\s*</td>", html)
    assert sorted(cells) == ["Booked", "Free"]
