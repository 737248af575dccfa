"""The retention command removes old requests and keeps young ones."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from clinic_pages.appointments.models import AppointmentRequest

pytestmark = pytest.mark.django_db


def _age(booking, days):
    AppointmentRequest.objects.filter(pk=booking.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


@pytest.fixture
def young_and_old(alpha, book, client):
    book(alpha)
    client.cookies.clear()
    book(alpha, phone="(312) 555-0111")
    young, old = AppointmentRequest.objects.order_by("pk")
    _age(young, 10)
    _age(old, 200)
    return young, old


def test_dry_run_deletes_nothing(young_and_old):
    out = StringIO()
    call_command("purge_appointment_requests", "--older-than-days", "180", "--dry-run", stdout=out)
    assert "1 requests" in out.getvalue()
    assert AppointmentRequest.objects.count() == 2


def test_purge_keeps_young_and_removes_old(young_and_old, settings):
    settings.CLINIC_PAGES_APPOINTMENT_RETENTION_DAYS = 180
    young, _old = young_and_old
    call_command("purge_appointment_requests", stdout=StringIO())
    assert list(AppointmentRequest.objects.values_list("pk", flat=True)) == [young.pk]


def test_an_absurd_age_is_a_clear_error_not_a_traceback():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="between 1 and 36500"):
        call_command("purge_appointment_requests", "--older-than-days", "1000000000")
