"""Clinic staff see and act on their own clinic's requests only; every access is audited."""

from __future__ import annotations

import pytest
from wagtail.models import ModelLogEntry

from clinic_pages.appointments.models import AppointmentRequest
from tests.appointments.conftest import staff_of

pytestmark = pytest.mark.django_db

BASE = "/admin/appointment_requests/"


@pytest.fixture
def requests_of_both(alpha, beta, book, client):
    book(alpha, name="Alpha Patient")
    client.cookies.clear()
    book(beta, name="Beta Patient", phone="(312) 555-0123")
    return (
        AppointmentRequest.objects.get(site=alpha.site),
        AppointmentRequest.objects.get(site=beta.site),
    )


@pytest.fixture
def alpha_staff(client, alpha, django_user_model):
    user = staff_of(django_user_model, alpha, "alpha-staff")
    client.force_login(user)
    return user


def test_listing_shows_only_own_clinic(client, requests_of_both, alpha_staff):
    html = client.get(BASE).content.decode()
    assert "Alpha Patient" in html
    assert "Beta Patient" not in html


def test_export_holds_only_own_clinic_and_is_logged(client, requests_of_both, alpha_staff):
    mine, theirs = requests_of_both
    response = client.get(BASE + "?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert "Alpha Patient" in body and "Beta Patient" not in body
    assert ModelLogEntry.objects.filter(
        action="clinic_pages.appointments.export", object_id=str(mine.pk)
    ).exists()
    assert not ModelLogEntry.objects.filter(object_id=str(theirs.pk)).exists()


def test_export_neutralises_spreadsheet_formulas(client, alpha, book, alpha_staff):
    book(alpha, name="=HYPERLINK(1)")
    body = b"".join(client.get(BASE + "?export=csv").streaming_content).decode()
    assert "'=HYPERLINK(1)" in body


@pytest.mark.parametrize("view", ["inspect", "edit", "delete", "history"])
def test_other_clinics_request_is_404_and_unchanged(client, requests_of_both, alpha_staff, view):
    _, theirs = requests_of_both
    before = AppointmentRequest.objects.values().get(pk=theirs.pk)
    url = f"{BASE}{view}/{theirs.pk}/"
    assert client.get(url).status_code == 404
    post = {"status": "declined", "add_note": "x"} if view == "edit" else {}
    assert client.post(url, post).status_code == 404
    assert AppointmentRequest.objects.values().get(pk=theirs.pk) == before


def test_filters_narrow_the_listing(client, requests_of_both, alpha_staff):
    mine, _ = requests_of_both
    mine.status = "contacted"
    mine.save()
    assert "Alpha Patient" in client.get(BASE + "?status=contacted").content.decode()
    assert "Alpha Patient" not in client.get(BASE + "?status=booked").content.decode()


def test_view_status_change_and_delete_are_audited(client, requests_of_both, alpha_staff):
    mine, _ = requests_of_both
    assert client.get(f"{BASE}inspect/{mine.pk}/").status_code == 200
    response = client.post(f"{BASE}edit/{mine.pk}/", {"status": "booked", "add_note": "Tue"})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.status, mine.timeline.get(kind="note").text) == ("booked", "Tue")
    change = ModelLogEntry.objects.get(action="clinic_pages.appointments.status_change")
    assert change.data == {"from": "new", "to": "booked"}
    assert change.user == alpha_staff
    assert ModelLogEntry.objects.filter(
        action="clinic_pages.appointments.view", user=alpha_staff
    ).exists()
    assert client.post(f"{BASE}delete/{mine.pk}/").status_code == 302
    assert not AppointmentRequest.objects.filter(pk=mine.pk).exists()
    deletion = ModelLogEntry.objects.get(action="wagtail.delete", object_id=str(mine.pk))
    assert deletion.label == mine.reference  # no patient name in the audit log


def test_no_one_adds_requests_in_the_admin(client, alpha_staff):
    assert client.get(BASE + "new/").status_code == 404


def test_page_editors_without_booking_permissions_see_nothing(
    client, requests_of_both, alpha, django_user_model
):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name="writers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=alpha.home, permission=Permission.objects.get(codename="change_page")
    )
    writer = django_user_model.objects.create_user("writer", password="x")
    writer.groups.add(group)
    client.force_login(writer)
    mine, _ = requests_of_both
    assert client.get(BASE).status_code in (302, 403)
    assert client.get(f"{BASE}inspect/{mine.pk}/").status_code in (302, 403)


def test_anonymous_users_are_sent_to_login(client, requests_of_both):
    assert client.get(BASE).status_code == 302


def test_slot_pattern_creates_slots_for_own_offices_only(client, alpha, beta, alpha_staff):
    import datetime

    from clinic_pages.appointments.models import AppointmentSlot, PhysicianSchedule

    for weekday in (0, 2):  # slots are made only while the physician works at the office
        PhysicianSchedule.objects.create(
            physician=alpha.extra["physician"],
            location=alpha.extra["location"],
            weekday=weekday,
            starts=datetime.time(9),
            ends=datetime.time(17),
        )
    start = datetime.date.today() + datetime.timedelta(days=7)
    data = {
        "location": alpha.extra["location"].pk,
        "physician": alpha.extra["physician"].pk,
        "weekdays": ["0", "2"],
        "first_day": start.isoformat(),
        "last_day": (start + datetime.timedelta(days=13)).isoformat(),
        "day_starts": "09:00",
        "day_ends": "11:00",
        "duration_minutes": "30",
    }
    assert client.post("/admin/appointment_slots/pattern/", data).status_code == 302
    assert AppointmentSlot.objects.filter(site=alpha.site).count() == 16  # 4 days x 4 slots
    client.post("/admin/appointment_slots/pattern/", data)  # again: nothing doubled
    assert AppointmentSlot.objects.count() == 16
    data["location"] = beta.extra["location"].pk
    assert client.post("/admin/appointment_slots/pattern/", data).status_code == 200
    assert not AppointmentSlot.objects.filter(site=beta.site).exists()
    day = client.get(f"/admin/appointment_slots/day/?date={start.isoformat()}")
    assert day.status_code == 200
