"""The front desk inbox: queues per clinic and office, a list that stacks on a phone, contact
links on the request, nothing of another clinic, nothing cached."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from clinic_pages.appointments.models import AppointmentRequest
from tests import factories
from tests.appointments.conftest import staff_of
from tests.appointments.front_desk_support import INBOX, make_request

pytestmark = pytest.mark.django_db

Status = AppointmentRequest.Status


@pytest.fixture
def desk(client, alpha, beta, django_user_model):
    user = staff_of(django_user_model, alpha, "alpha-desk")
    client.force_login(user)
    return user


def _tabs(html: str) -> dict[str, int]:
    nav = html.split('aria-label="Request queues"', 1)[1].split("</nav>", 1)[0]
    return {
        label.strip(): int(count)
        for label, count in re.findall(r'>\s*(\w+) <span class="w-status">(\d+)</span>', nav)
    }


def test_queues_count_only_the_front_desks_own_clinic(client, alpha, beta, desk):
    for status in (Status.NEW, Status.NEW, Status.CONTACTED, Status.BOOKED, Status.DECLINED):
        make_request(alpha, status=status)
    make_request(alpha, status=Status.CANCELLED)
    for _ in range(5):
        make_request(beta)  # another clinic's requests count nowhere here
    html = client.get(INBOX).content.decode()
    assert _tabs(html) == {"New": 2, "Contacted": 1, "Booked": 1, "Closed": 2}


def test_a_queue_lists_its_statuses_only(client, alpha, beta, desk):
    make_request(alpha, name="Newly Arrived")
    make_request(alpha, name="Turned Down", status=Status.DECLINED)
    make_request(alpha, name="Gave Up", status=Status.CANCELLED)
    make_request(beta, name="Beta Cancelled", status=Status.CANCELLED)
    html = client.get(INBOX + "?queue=closed").content.decode()
    assert "Turned Down" in html and "Gave Up" in html
    assert "Newly Arrived" not in html and "Beta Cancelled" not in html
    assert 'aria-current="page"' in html.split("Closed <span")[0].rsplit("<a", 1)[1]


def test_queues_per_office(client, alpha, desk):
    second = factories.LocationFactory(site=alpha.site, name="Lakeside office")
    make_request(alpha, name="Main Office Patient")
    make_request(alpha, name="Lakeside Patient", location=second)
    html = client.get(INBOX + f"?location={second.pk}&queue=new").content.decode()
    assert "Lakeside Patient" in html and "Main Office Patient" not in html
    assert _tabs(html)["New"] == 1
    # The tabs keep the office chosen.
    assert f"location={second.pk}&amp;queue=contacted" in html


def test_the_list_names_the_patient_and_the_office_time_first(client, alpha, desk):
    alpha.extra["location"].time_zone = "America/Denver"
    alpha.extra["location"].save()
    booking = make_request(alpha, name="Casey Example")
    response = client.get(INBOX)
    html = response.content.decode()
    assert "front_desk.css" in html and 'class="front-desk-inbox"' in html
    title_at = html.index(f'id="request_{booking.pk}_title"')
    row = html[html.rindex("<tr", 0, title_at) : html.index("</tr>", title_at)]
    # The name is the row's title; the time on the office's clock, naming its zone, comes
    # next; the reference after them (on a phone the cells stack in this order).
    zone = re.search(r"\d:\d\d [AP]M M[DS]T", row)
    assert zone, row
    assert row.index("Casey Example") < zone.start() < row.rindex(booking.reference)
    assert "no-store" in response["Cache-Control"]


def test_the_request_offers_click_to_call_and_mail_and_is_never_cached(client, alpha, desk):
    booking = make_request(alpha, phone="(312) 555-0142", email="casey@example.org")
    response = client.get(f"{INBOX}inspect/{booking.pk}/")
    html = response.content.decode()
    assert '<a href="tel:+13125550142">(312) 555-0142</a>' in html
    assert '<a href="mailto:casey@example.org">casey@example.org</a>' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    edit = client.get(f"{INBOX}edit/{booking.pk}/")
    assert 'href="tel:+13125550142"' in edit.content.decode()
    assert "no-store" in edit["Cache-Control"]


def test_another_clinics_request_stays_hidden(client, alpha, beta, desk):
    theirs = make_request(beta, name="Beta Hidden")
    assert "Beta Hidden" not in client.get(INBOX + "?queue=new").content.decode()
    assert client.get(f"{INBOX}inspect/{theirs.pk}/").status_code == 404
    response = client.post(f"{INBOX}edit/{theirs.pk}/", {"status": "booked", "add_note": "x"})
    assert response.status_code == 404
    assert not theirs.timeline.exists()


def test_an_editor_of_another_clinic_sees_nothing(client, alpha, beta, django_user_model):
    mine = make_request(alpha, name="Alpha Private")
    outsider = staff_of(django_user_model, beta, "beta-desk")
    client.force_login(outsider)
    assert "Alpha Private" not in client.get(INBOX).content.decode()
    assert client.get(f"{INBOX}inspect/{mine.pk}/").status_code == 404


def test_an_editor_without_booking_rights_gets_no_inbox(client, alpha, django_user_model):
    make_request(alpha)
    group = Group.objects.create(name="alpha writers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=alpha.home, permission=Permission.objects.get(codename="change_page")
    )
    writer = django_user_model.objects.create_user("writer", password="x")
    writer.groups.add(group)
    client.force_login(writer)
    assert client.get(INBOX + "?queue=new").status_code in (302, 403)
    assert client.get("/admin/appointment_slots/today/").status_code in (302, 403)
