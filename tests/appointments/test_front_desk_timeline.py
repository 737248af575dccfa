"""The notes timeline: each note kept with its author and time, newest first, audited by
reference only; the old single notes field's text moved into it."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import ModelLogEntry

from clinic_pages.appointments.models import AppointmentRequest, RequestNote
from tests.appointments.conftest import staff_of
from tests.appointments.front_desk_support import INBOX, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client, alpha, django_user_model):
    user = staff_of(django_user_model, alpha, "alpha-desk")
    user.first_name, user.last_name = "Robin", "Desk"
    user.save()
    client.force_login(user)
    return user


def _edit(client, booking, **data):
    data.setdefault("status", booking.status)
    return client.post(f"{INBOX}edit/{booking.pk}/", data)


def test_each_note_is_kept_with_author_and_time(client, alpha, desk):
    booking = make_request(alpha)
    assert _edit(client, booking, add_note="Left a voicemail.").status_code == 302
    assert _edit(client, booking, add_note="Called back, prefers Tuesdays.").status_code == 302
    assert _edit(client, booking).status_code == 302  # no note: nothing added
    notes = list(booking.timeline.order_by("created_at", "pk"))
    assert [n.text for n in notes] == ["Left a voicemail.", "Called back, prefers Tuesdays."]
    assert {n.author for n in notes} == {desk}
    assert all(n.kind == RequestNote.Kind.NOTE for n in notes)


def test_the_timeline_shows_newest_first_in_the_office_zone(client, alpha, desk):
    alpha.extra["location"].time_zone = "America/Denver"
    alpha.extra["location"].save()
    booking = make_request(alpha)
    older = RequestNote.objects.create(request=booking, author=desk, text="First call.")
    newer = RequestNote.objects.create(request=booking, author=desk, text="Second call.")
    moment = datetime.datetime(2026, 7, 1, 18, 5, tzinfo=datetime.UTC)  # 12:05 PM in Denver
    RequestNote.objects.filter(pk=older.pk).update(created_at=moment)
    RequestNote.objects.filter(pk=newer.pk).update(created_at=moment + datetime.timedelta(hours=1))
    for view in ("inspect", "edit"):
        html = client.get(f"{INBOX}{view}/{booking.pk}/").content.decode()
        assert html.index("Second call.") < html.index("First call.")
        assert "12:05 PM MDT" in html and "1:05 PM MDT" in html
        assert "Robin Desk" in html
        assert "Mountain Time" in html


def test_a_note_is_audited_without_its_text(client, alpha, desk):
    booking = make_request(alpha)
    _edit(client, booking, add_note="Spoke to Casey about parking.")
    entry = ModelLogEntry.objects.get(action="clinic_pages.appointments.note_added")
    assert entry.user == desk and entry.object_id == str(booking.pk)
    assert "Casey" not in str(entry.data) and "parking" not in str(entry.data)
    assert entry.label == booking.reference


def test_notes_go_with_an_erased_request(alpha, desk):
    booking = make_request(alpha)
    RequestNote.objects.create(request=booking, author=desk, text="Call back.")
    booking.delete()
    assert not RequestNote.objects.exists()


@pytest.mark.transactional
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_moves_the_old_notes_field_into_the_timeline():
    app = "clinic_pages_appointments"
    before, after = (app, "0007_appointment_request_language"), (app, "0008_request_notes_timeline")
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    old_apps = executor.loader.project_state([before]).apps
    site = old_apps.get_model("wagtailcore", "Site").objects.first() or old_apps.get_model(
        "wagtailcore", "Site"
    ).objects.create(hostname="old.localhost", root_page_id=1)
    OldRequest = old_apps.get_model(app, "AppointmentRequest")
    common = {
        "site_id": site.pk,
        "name": "Old Patient",
        "email": "old@example.org",
        "contact_method": "email",
        "patient_status": "new",
        "consented_at": timezone.now(),
    }
    noted = OldRequest.objects.create(
        reference="OLDN-0001", submission_token="00000000-0000-0000-0000-000000000001",
        staff_notes="Prefers mornings.", **common,
    )  # fmt: skip
    OldRequest.objects.create(
        reference="OLDN-0002", submission_token="00000000-0000-0000-0000-000000000002",
        staff_notes="", **common,
    )  # fmt: skip
    executor = MigrationExecutor(connection)
    executor.migrate([after])
    [note] = RequestNote.objects.all()
    assert note.request_id == noted.pk and note.text == "Prefers mornings."
    assert note.author is None
    assert AppointmentRequest.objects.get(pk=noted.pk).timeline.get() == note
