"""New hours withdraw the future free slots now outside them; booked ones are kept and flagged
in their request's timeline for the front desk."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from clinic_pages.appointments.models import AppointmentSlot, PhysicianSchedule, RequestNote
from clinic_pages.appointments.wagtail_hooks import withdraw_slots_outside_new_hours
from clinic_pages.appointments.withdrawal import withdraw_slots_outside_hours
from tests.appointments.conftest import staff_of
from tests.appointments.front_desk_support import make_request

pytestmark = pytest.mark.django_db

CHICAGO = zoneinfo.ZoneInfo("America/Chicago")
MONDAY = datetime.date(2030, 1, 7)


def _at(hour: int) -> datetime.datetime:
    return datetime.datetime.combine(MONDAY, datetime.time(hour), tzinfo=CHICAGO)


@pytest.fixture
def monday(alpha):
    """Dr Lee works Monday 9-12 at the office (open 8-17); slots at 9, 10 (booked) and 11."""
    office, physician = alpha.extra["location"], alpha.extra["physician"]
    office.time_zone = "America/Chicago"
    office.save()
    row = PhysicianSchedule.objects.create(
        physician=physician,
        location=office,
        weekday=0,
        starts=datetime.time(9),
        ends=datetime.time(12),
    )
    slots = {
        hour: AppointmentSlot.objects.create(
            site=alpha.site, location=office, physician=physician, starts_at=_at(hour)
        )
        for hour in (9, 10, 11)
    }
    booking = make_request(alpha, slot=slots[10], status="booked")
    return row, slots, booking


def test_narrower_working_hours_withdraw_free_slots_and_flag_booked_ones(
    client, alpha, monday, django_user_model
):
    row, _slots, booking = monday
    desk = staff_of(django_user_model, alpha, "alpha-desk")
    client.force_login(desk)
    data = {
        "physician": row.physician_id,
        "location": row.location_id,
        "weekday": 0,
        "starts": "11:00",
        "ends": "12:00",
        "valid_from": "",
        "valid_until": "",
    }
    response = client.post(f"/admin/physician_schedules/edit/{row.pk}/", data, follow=True)
    assert response.status_code == 200
    remaining = set(AppointmentSlot.objects.values_list("starts_at", flat=True))
    assert remaining == {_at(10), _at(11)}  # 9:00 withdrawn; 10:00 booked, kept
    note = booking.timeline.get()
    assert note.kind == RequestNote.Kind.NOTE and note.author == desk
    assert "falls outside" in note.text
    html = response.content.decode()
    assert "1 free slot now outside the hours was withdrawn." in html
    assert booking.reference in html
    # Saving again flags nothing twice.
    client.post(f"/admin/physician_schedules/edit/{row.pk}/", data)
    assert booking.timeline.count() == 1


def test_closed_office_hours_withdraw_its_free_slots(alpha, monday, django_user_model):
    _, _slots, booking = monday
    office = alpha.extra["location"]
    office.hours.filter(weekday=0).update(opens=datetime.time(10), closes=datetime.time(17))
    request = RequestFactory().post("/")
    request.user = staff_of(django_user_model, alpha, "alpha-desk")
    request.session = {}
    request._messages = FallbackStorage(request)
    withdraw_slots_outside_new_hours(request, office)
    assert set(AppointmentSlot.objects.values_list("starts_at", flat=True)) == {_at(10), _at(11)}
    assert [str(m) for m in get_messages(request)] == [
        "1 free slot now outside the hours was withdrawn."
    ]
    assert not booking.timeline.exists()  # 10:00 is still inside the hours


def test_past_slots_are_left_alone(alpha, monday):
    past = AppointmentSlot.objects.create(
        site=alpha.site,
        location=alpha.extra["location"],
        starts_at=datetime.datetime(2020, 1, 4, 12, tzinfo=CHICAGO),  # a Saturday, closed
    )
    result = withdraw_slots_outside_hours(AppointmentSlot.objects.all())
    assert result.withdrawn == 0 and AppointmentSlot.objects.filter(pk=past.pk).exists()
