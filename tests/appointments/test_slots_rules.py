"""Slots are true: inside the office's hours and the physician's working hours, never during a
closure, never two at once for one physician."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from clinic_pages.appointments.models import AppointmentSlot, PhysicianSchedule, SlotOverlapError
from clinic_pages.appointments.models.availability import Availability
from clinic_pages.clinics.models import LocationClosure
from clinic_pages.demo.slots import create_demo_slots
from tests import factories
from tests.appointments.conftest import staff_of

pytestmark = pytest.mark.django_db

CHICAGO = zoneinfo.ZoneInfo("America/Chicago")
MONDAY = datetime.date(2030, 1, 7)
NINE, NOON, FIVE = datetime.time(9), datetime.time(12), datetime.time(17)


def _at(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=CHICAGO)


@pytest.fixture
def two_offices(alpha):
    """Glenview open Monday to Friday; Evanston only Mondays and Wednesdays; Dr Lee works
    Monday mornings in Glenview and Monday afternoons in Evanston."""
    glenview = alpha.extra["location"]
    evanston = factories.LocationFactory(
        site=alpha.site, name="Evanston", hours=[(0, NINE, FIVE), (2, NINE, FIVE)]
    )
    physician = alpha.extra["physician"]
    PhysicianSchedule.objects.create(
        physician=physician, location=glenview, weekday=0, starts=NINE, ends=NOON
    )
    PhysicianSchedule.objects.create(
        physician=physician, location=evanston, weekday=0, starts=NOON, ends=FIVE
    )
    return glenview, evanston, physician


def test_a_closed_office_offers_nothing(two_offices):
    _, evanston, _ = two_offices
    starts = Availability(evanston).start_times(MONDAY, MONDAY + datetime.timedelta(days=6), 60)
    assert {start.weekday() for start in starts} == {0, 2}
    assert min(start.time() for start in starts) == NINE
    assert max(start.time() for start in starts) == datetime.time(16)

    LocationClosure.objects.create(location=evanston, first_day=MONDAY, last_day=MONDAY)
    starts = Availability(evanston).start_times(MONDAY, MONDAY + datetime.timedelta(days=6), 60)
    assert {start.weekday() for start in starts} == {2}


def test_a_closure_added_later_withdraws_free_slots_from_the_form(alpha, two_offices):
    glenview, _, _ = two_offices
    day = timezone.localdate() + datetime.timedelta(days=5)
    slot = AppointmentSlot.objects.create(location=glenview, starts_at=_at(day, NINE))
    assert AppointmentSlot.objects.open_for_booking(alpha.site).filter(pk=slot.pk).exists()
    LocationClosure.objects.create(location=glenview, first_day=day, last_day=day)
    assert not AppointmentSlot.objects.open_for_booking(alpha.site).filter(pk=slot.pk).exists()


def test_a_physician_is_offered_only_where_and_when_they_work(two_offices):
    glenview, evanston, physician = two_offices
    week = (MONDAY, MONDAY + datetime.timedelta(days=6), 60)
    at_glenview = Availability(glenview, physician.pk).start_times(*week)
    at_evanston = Availability(evanston, physician.pk).start_times(*week)
    assert [s.time() for s in at_glenview] == [NINE, datetime.time(10), datetime.time(11)]
    assert [s.time() for s in at_evanston] == [datetime.time(h) for h in range(12, 17)]
    assert {s.date() for s in at_glenview + at_evanston} == {MONDAY}


def test_the_physician_is_never_booked_in_two_places_at_once(two_offices):
    glenview, evanston, physician = two_offices
    AppointmentSlot.objects.create(
        location=glenview, physician=physician, starts_at=_at(MONDAY, NINE), duration_minutes=60
    )
    with pytest.raises(SlotOverlapError):
        AppointmentSlot.objects.create(
            location=evanston, physician=physician, starts_at=_at(MONDAY, datetime.time(9, 30))
        )
    # Back to back is fine; the bulk tool skips what overlaps instead of doubling up.
    AppointmentSlot.objects.create(
        location=evanston, physician=physician, starts_at=_at(MONDAY, datetime.time(10))
    )
    starts = [_at(MONDAY, datetime.time(h)) for h in (9, 10, 11)]
    assert AppointmentSlot.objects.add_free(glenview, physician, starts, 60) == (1, 2)
    assert not AppointmentSlot.objects.with_overlaps().exists()


def test_slot_validation_names_what_is_wrong(two_offices):
    _glenview, evanston, physician = two_offices
    closed = AppointmentSlot(location=evanston, starts_at=_at(MONDAY + datetime.timedelta(1), NINE))
    not_working = AppointmentSlot(
        location=evanston, physician=physician, starts_at=_at(MONDAY, NINE)
    )
    for slot, words in ((closed, "office is closed"), (not_working, "does not work")):
        with pytest.raises(ValidationError) as error:
            slot.full_clean()
        assert words in str(error.value.message_dict["starts_at"])


def test_working_hours_cannot_overlap_across_offices(two_offices):
    _glenview, evanston, physician = two_offices
    row = PhysicianSchedule(
        physician=physician, location=evanston, weekday=0, starts=datetime.time(11), ends=FIVE
    )
    with pytest.raises(ValidationError, match="already works"):
        row.full_clean()


def test_the_pattern_tool_makes_slots_inside_the_hours(
    client, alpha, two_offices, django_user_model
):
    _glenview, evanston, physician = two_offices
    client.force_login(staff_of(django_user_model, alpha, "scheduler"))
    data = {
        "location": evanston.pk,
        "physician": physician.pk,
        "first_day": MONDAY,
        "last_day": MONDAY + datetime.timedelta(days=13),
        "duration_minutes": 60,
    }
    response = client.post("/admin/appointment_slots/pattern/", data, follow=True)
    assert "10 slots created at Evanston (Central Time)" in response.content.decode()
    made = AppointmentSlot.objects.filter(location=evanston)
    assert {s.starts_at.astimezone(CHICAGO).weekday() for s in made} == {0}
    assert min(s.starts_at.astimezone(CHICAGO).time() for s in made) == NOON

    other = factories.LocationFactory(site=alpha.site, name="Skokie")
    response = client.post("/admin/appointment_slots/pattern/", {**data, "location": other.pk})
    assert "no working hours at this office" in response.content.decode()
    assert not AppointmentSlot.objects.filter(location=other).exists()


def test_demo_slots_follow_the_rules(alpha):
    glenview = alpha.extra["location"]
    evanston = factories.LocationFactory(
        site=alpha.site, name="Evanston", sort_order=1, hours=[(0, NINE, FIVE), (2, NINE, FIVE)]
    )
    physician = alpha.extra["physician"]
    assert create_demo_slots(alpha.site, glenview, physician) > 0
    assert create_demo_slots(alpha.site, evanston, physician) > 0
    assert create_demo_slots(alpha.site, glenview, physician) == 0  # idempotent
    assert not AppointmentSlot.objects.with_overlaps().exists()
    for slot in AppointmentSlot.objects.select_related("location"):
        assert Availability(slot.location, physician.pk).fits(slot.starts_at, slot.duration_minutes)
    evanston_days = {
        s.local_starts_at.weekday() for s in AppointmentSlot.objects.filter(location=evanston)
    }
    assert evanston_days <= {0, 2}
