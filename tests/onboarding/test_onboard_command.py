"""`manage.py onboard_clinic`: the admin's onboarding from the shell, run again to move a clinic."""

from __future__ import annotations

import datetime
import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Site

from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.clinics.models import ClinicSettings, Location
from tests import factories

pytestmark = pytest.mark.django_db

ARGS = ["lakeside", "Lakeside Pain Care"]


def _run(*args: str) -> str:
    out = StringIO()
    call_command("onboard_clinic", *args, stdout=out)
    return out.getvalue()


def test_a_new_clinic_is_private_unless_launched():
    assert "private until launched" in _run(*ARGS, "lakeside.test")
    assert ClinicSettings.objects.get(site__hostname="lakeside.test").launched is False

    assert "public" in _run(*ARGS, "lakeside.test", "--launch")
    assert ClinicSettings.objects.get(site__hostname="lakeside.test").launched is True


def test_running_again_with_a_new_hostname_moves_the_clinic_with_all_it_owns():
    _run(*ARGS, "lakeside.test", "--time-zone", "America/New_York")
    site = Site.objects.get(hostname="lakeside.test")
    settings = ClinicSettings.objects.get(site=site)
    office = factories.LocationFactory(site=site, name="Lakeside office")
    request = AppointmentRequest.objects.create(
        site=site,
        name="Pat Example",
        phone="(312) 555-0100",
        submission_token=uuid.uuid4(),
        consented_at=timezone.now() - datetime.timedelta(minutes=5),
    )
    sites_before = Site.objects.count()

    _run(*ARGS, "Lakeside.Example.com")

    assert Site.objects.count() == sites_before
    moved = Site.objects.get(pk=site.pk)
    assert moved.hostname == "lakeside.example.com"
    assert ClinicSettings.objects.get(site=moved).pk == settings.pk
    assert ClinicSettings.objects.get(site=moved).time_zone == "America/New_York"
    assert Location.objects.get(pk=office.pk).site_id == moved.pk
    assert AppointmentRequest.objects.get(pk=request.pk).site_id == moved.pk


def test_another_sites_hostname_is_refused_with_a_clear_message(make_clinic):
    other = make_clinic("harbor")

    with pytest.raises(CommandError, match="already belongs to the site"):
        _run(*ARGS, other.site.hostname)

    assert not ClinicSettings.objects.filter(practice_name="Lakeside Pain Care").exists()


def test_languages_are_set_up_and_only_ever_added():
    assert "languages: en, es" in _run(*ARGS, "lakeside.test", "--language", "es")
    settings = ClinicSettings.objects.get(site__hostname="lakeside.test")
    assert settings.languages == ["en", "es"]

    assert "languages: en, es" in _run(*ARGS, "lakeside.test")  # run again without: kept
    assert "languages: en" in _run("harbor", "Harbor Spine", "harbor.test")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lakeside.test/admin"], "Invalid host name"),
        (["lakeside.test", "--time-zone", "Lakeside/Time"], "Invalid time zone"),
        (["lakeside.test", "--phone", "call us"], "Invalid phone number"),
        (["lakeside.test", "--language", "xx"], "Unknown language xx"),
    ],
)
def test_invalid_input_is_refused_before_anything_is_made(args, message):
    sites_before = Site.objects.count()

    with pytest.raises(CommandError, match=message):
        _run(*ARGS, *args)

    assert Site.objects.count() == sites_before
