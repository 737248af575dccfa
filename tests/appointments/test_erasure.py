"""Erasure: staff find one person's requests by e-mail or phone and delete them together."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import ModelLogEntry

from clinic_pages.appointments.models import AppointmentRequest
from tests.appointments.conftest import staff_of

pytestmark = pytest.mark.django_db

BASE = "/admin/appointment_requests/"
BULK_DELETE = "/admin/bulk/clinic_pages_appointments/appointmentrequest/delete/"


@pytest.fixture
def one_person_at_two_clinics(alpha, beta, book, client):
    book(alpha, name="Pat One", email="pat@example.org", phone="(312) 555-0142")
    client.cookies.clear()
    book(alpha, name="Pat Again", email="PAT@example.org", phone="", contact_method="email")
    client.cookies.clear()
    book(beta, name="Pat Elsewhere", email="other@example.org", phone="312.555.0142")
    client.cookies.clear()
    book(alpha, name="Someone Else", email="else@example.org", phone="(773) 555-0100")
    client.cookies.clear()
    return AppointmentRequest.objects.all()


@pytest.fixture
def alpha_staff(client, alpha, django_user_model):
    user = staff_of(django_user_model, alpha, "alpha-staff")
    client.force_login(user)
    return user


@pytest.mark.parametrize("query", ["pat@example.org", "3125550142", "(312) 555-0142"])
def test_staff_find_a_persons_requests_by_email_or_phone_in_their_clinics(
    client, one_person_at_two_clinics, alpha_staff, query
):
    html = client.get(BASE, {"q": query}).content.decode()
    assert "Pat One" in html
    assert "Someone Else" not in html
    assert "Pat Elsewhere" not in html  # another clinic's, even though the phone matches


def test_bulk_delete_removes_the_ticked_requests_and_logs_each(
    client, one_person_at_two_clinics, alpha_staff
):
    mine = list(
        AppointmentRequest.objects.filter(name__startswith="Pat", site__hostname="alpha.localhost")
    )
    theirs = AppointmentRequest.objects.get(name="Pat Elsewhere")
    ids = "&".join(f"id={b.pk}" for b in [*mine, theirs])
    confirm = client.get(f"{BULK_DELETE}?{ids}")
    html = confirm.content.decode()
    assert confirm.status_code == 200
    assert all(b.reference in html for b in mine)
    assert theirs.reference not in html  # never shown, not even as refused
    response = client.post(f"{BULK_DELETE}?{ids}")
    assert response.status_code == 302
    assert not AppointmentRequest.objects.filter(pk__in=[b.pk for b in mine]).exists()
    assert AppointmentRequest.objects.filter(pk=theirs.pk).exists()
    entries = ModelLogEntry.objects.filter(action="wagtail.delete", user=alpha_staff)
    assert sorted(e.label for e in entries) == sorted(b.reference for b in mine)


def test_bulk_delete_of_only_other_clinics_or_hostile_ids_is_404(
    client, one_person_at_two_clinics, alpha_staff
):
    theirs = AppointmentRequest.objects.get(name="Pat Elsewhere")
    assert client.post(f"{BULK_DELETE}?id={theirs.pk}").status_code == 404
    assert client.post(f"{BULK_DELETE}?id={'9' * 40}&id=%C2%B2").status_code == 404
    assert AppointmentRequest.objects.count() == 4


def test_erase_command_dry_run_lists_and_keeps(one_person_at_two_clinics):
    out = StringIO()
    call_command("erase_patient_requests", "--phone", "312-555-0142", "--dry-run", stdout=out)
    assert "2 requests would be deleted" in out.getvalue()
    assert AppointmentRequest.objects.count() == 4


def test_erase_command_deletes_across_clinics_and_logs(one_person_at_two_clinics):
    references = set(
        AppointmentRequest.objects.exclude(name="Someone Else").values_list("reference", flat=True)
    )
    call_command(
        "erase_patient_requests",
        "--email",
        "Pat@Example.org",
        "--phone",
        "3125550142",
        stdout=StringIO(),
    )
    assert list(AppointmentRequest.objects.values_list("name", flat=True)) == ["Someone Else"]
    logged = set(
        ModelLogEntry.objects.filter(action="wagtail.delete").values_list("label", flat=True)
    )
    assert logged == references


@pytest.mark.parametrize("args", [[], ["--email", "pat"], ["--phone", "555"]])
def test_erase_command_refuses_vague_input(one_person_at_two_clinics, args):
    with pytest.raises(CommandError):
        call_command("erase_patient_requests", *args, stdout=StringIO())
    assert AppointmentRequest.objects.count() == 4
