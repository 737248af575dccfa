"""Times are stored in UTC and shown on the office's clock, naming the zone, wherever they appear."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from clinic_pages.appointments.models import AppointmentRequest, AppointmentSlot
from clinic_pages.appointments.models.availability import Availability
from clinic_pages.clinics.models import Location
from tests import factories
from tests.appointments.conftest import staff_of

pytestmark = pytest.mark.django_db

DENVER = zoneinfo.ZoneInfo("America/Denver")
UTC = datetime.UTC


def _denver(alpha) -> Location:
    office = alpha.extra["location"]
    office.time_zone = "America/Denver"
    office.save()
    return office


def _slot_at_ten_denver(alpha, days=3) -> AppointmentSlot:
    office = _denver(alpha)
    day = (datetime.datetime.now(DENVER) + datetime.timedelta(days=days)).date()
    return AppointmentSlot.objects.create(
        location=office,
        physician=alpha.extra["physician"],
        starts_at=datetime.datetime.combine(day, datetime.time(10), tzinfo=DENVER),
    )


def _abbreviation(slot) -> str:
    return slot.starts_at.astimezone(DENVER).tzname()  # MST or MDT, whichever that day is


def test_an_office_takes_its_clinics_zone_unless_it_has_its_own(alpha):
    alpha.settings.time_zone = "America/New_York"
    alpha.settings.save()
    office = factories.LocationFactory(site=alpha.site)
    assert office.time_zone == "America/New_York"
    office.time_zone = "America/Denver"
    office.save()
    office.refresh_from_db()
    assert office.time_zone == "America/Denver"


def test_offices_on_the_clinics_old_zone_follow_a_new_clinic_zone(alpha, beta):
    alpha.settings.time_zone = "America/Chicago"
    alpha.settings.save()
    following = factories.LocationFactory(site=alpha.site)
    chosen = factories.LocationFactory(site=alpha.site, time_zone="America/Denver")
    elsewhere = factories.LocationFactory(site=beta.site, time_zone="America/Chicago")

    alpha.settings.time_zone = "America/New_York"
    alpha.settings.save()

    following.refresh_from_db(), chosen.refresh_from_db(), elsewhere.refresh_from_db()
    assert following.time_zone == "America/New_York"
    assert chosen.time_zone == "America/Denver"
    assert elsewhere.time_zone == "America/Chicago"


def test_an_unknown_zone_is_refused(alpha):
    office = alpha.extra["location"]
    office.time_zone = "Mountain"
    with pytest.raises(ValidationError) as error:
        office.full_clean()
    assert "time_zone" in error.value.message_dict


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (datetime.date(2026, 3, 6), datetime.date(2026, 3, 9)),  # clocks go forward 8 March
        (datetime.date(2026, 10, 30), datetime.date(2026, 11, 2)),  # and back 1 November
    ],
)
def test_a_weekly_pattern_keeps_nine_oclock_across_daylight_saving(alpha, before, after):
    office = factories.LocationFactory(
        site=alpha.site,
        time_zone="America/Chicago",
        hours=[(day, datetime.time(9), datetime.time(10)) for day in range(5)],
    )
    starts = Availability(office).start_times(before, after, 60)
    chicago = zoneinfo.ZoneInfo("America/Chicago")
    assert [(s.date(), s.astimezone(chicago).time()) for s in starts] == [
        (before, datetime.time(9)),
        (after, datetime.time(9)),
    ]
    hours_utc = [s.astimezone(UTC).hour for s in starts]
    assert hours_utc[0] != hours_utc[1]  # the stored moment moves by an hour instead


def test_booking_form_offers_the_denver_office_on_mountain_time(client, alpha):
    slot = _slot_at_ten_denver(alpha)
    html = client.get(alpha.url(alpha.appointment), HTTP_HOST=alpha.host).content.decode()
    assert f"10:00 AM {_abbreviation(slot)}" in html
    assert slot.starts_at.astimezone(UTC).hour in (16, 17)  # stored in UTC


def test_confirmation_and_patient_email_name_the_office_time(
    alpha, book, task_queue, django_capture_on_commit_callbacks
):
    slot = _slot_at_ten_denver(alpha)
    with django_capture_on_commit_callbacks(execute=True):
        response = book(alpha, slot=str(slot.pk), follow=True)
    expected = f"10:00 AM {_abbreviation(slot)}"
    assert expected in response.content.decode()
    task_queue.run_all()
    patient_mail = next(m for m in mail.outbox if m.to == ["jordan@example.org"])
    assert expected in patient_mail.body


def test_admin_list_inspect_and_export_show_the_office_time(client, alpha, book, django_user_model):
    slot = _slot_at_ten_denver(alpha)
    book(alpha, slot=str(slot.pk))
    booking = AppointmentRequest.objects.get()
    sent = datetime.datetime(2026, 1, 15, 21, 12, tzinfo=UTC)  # 2:12 PM in Denver (MST)
    AppointmentRequest.objects.filter(pk=booking.pk).update(created_at=sent)
    client.force_login(staff_of(django_user_model, alpha, "front-desk"))
    base = "/admin/appointment_requests/"

    listing = client.get(base).content.decode()
    assert "2:12 PM MST" in listing
    assert f"10:00 AM {_abbreviation(slot)}" in listing

    inspect = client.get(f"{base}inspect/{booking.pk}/").content.decode()
    assert "Thursday 15 January 2026, 2:12 PM MST" in inspect
    assert "8:12" not in inspect and "3:12 PM" not in inspect

    export = b"".join(client.get(base + "?export=csv").streaming_content).decode()
    assert "2026-01-15 14:12 MST" in export
    local_day = slot.starts_at.astimezone(DENVER).date()
    assert f"{local_day:%Y-%m-%d} 10:00 {_abbreviation(slot)}" in export
    assert "21:12" not in export


def test_slot_admin_reads_and_writes_the_office_clock(client, alpha, django_user_model):
    office = _denver(alpha)
    client.force_login(staff_of(django_user_model, alpha, "scheduler"))
    monday = datetime.date(2030, 1, 7)
    response = client.post(
        "/admin/appointment_slots/new/",
        {
            "location": office.pk,
            "physician": "",
            "starts_at": f"{monday:%Y-%m-%d} 10:00",
            "duration_minutes": 30,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    slot = AppointmentSlot.objects.get(location=office)
    assert slot.starts_at == datetime.datetime(2030, 1, 7, 17, 0, tzinfo=UTC)
    edit = client.get(f"/admin/appointment_slots/edit/{slot.pk}/").content.decode()
    assert 'value="2030-01-07 10:00"' in edit
    listing = client.get("/admin/appointment_slots/").content.decode()
    assert "10:00 AM MST" in listing
    day = client.get(f"/admin/appointment_slots/day/?date={monday:%Y-%m-%d}").content.decode()
    assert "10:00 AM MST" in day
