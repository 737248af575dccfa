"""Settings → Clinics: superusers onboard, move and launch clinics; nobody else gets in."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Site

from clinic_pages.clinics.models import ClinicSettings

ADD = reverse("clinic_pages_onboarding:add")
INDEX = reverse("clinic_pages_onboarding:index")

VALID = {
    "practice_name": "Harbor Spine Center",
    "slug": "harbor-spine",
    "hostname": "Harbor.Example.com",
    "time_zone": "America/Denver",
    "phone": "(312) 555-0199",
    "languages": ["en", "es"],
}


@pytest.fixture
def admin(client, superuser):
    client.force_login(superuser)
    return client


def test_the_form_shows_its_fields(admin):
    response = admin.get(ADD)

    assert response.status_code == 200
    for label in ("Practice name", "Short name", "Host name", "Time zone", "Phone", "Languages"):
        assert label in response.content.decode()


def test_a_valid_form_onboards_one_private_clinic(admin):
    sites_before = Site.objects.count()

    response = admin.post(ADD, VALID)

    assert response.status_code == 302
    assert Site.objects.count() == sites_before + 1
    site = Site.objects.get(hostname="harbor.example.com")
    settings = ClinicSettings.objects.get(site=site)
    assert (settings.practice_name, settings.phone, settings.time_zone) == (
        "Harbor Spine Center",
        "(312) 555-0199",
        "America/Denver",
    )
    assert settings.launched is False
    assert settings.languages == ["en", "es"]
    assert site.root_page.slug == "harbor-spine"
    assert Group.objects.filter(name="Harbor Spine Center reviewers").exists()
    listing = admin.get(INDEX).content.decode()
    assert "Harbor Spine Center" in listing
    assert "Private (not launched)" in listing


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("hostname", "http://harbor.example.com/", "Enter a host name"),
        ("hostname", "*.example.com", "Enter a host name"),
        ("hostname", "lakeside.test", "already used by the site"),
        ("slug", "lakeside", "exists already"),
        ("slug", "no spaces", "Enter a valid"),
        ("time_zone", "Mars/Olympus", "Select a valid choice"),
        ("phone", "call us", "Enter a phone number"),
        ("practice_name", "x" * 121, "at most 120 characters"),
        ("languages", ["es"], "Keep English"),
        ("languages", ["en", "xx"], "Select a valid choice"),
    ],
)
def test_an_invalid_form_shows_the_error_and_creates_nothing(admin, lakeside, field, value, error):
    sites_before = Site.objects.count()

    response = admin.post(ADD, {**VALID, field: value})

    assert response.status_code == 200
    assert error in response.content.decode()
    assert Site.objects.count() == sites_before


def test_changing_the_hostname_moves_the_clinics_site(admin, lakeside):
    url = reverse("clinic_pages_onboarding:hostname", args=[lakeside.site.pk])

    response = admin.post(url, {"hostname": "lakeside-pain.example.com"})

    assert response.status_code == 302
    site = Site.objects.get(pk=lakeside.site.pk)
    assert site.hostname == "lakeside-pain.example.com"
    assert not Site.objects.filter(hostname="lakeside.test").exists()
    assert ClinicSettings.objects.get(site=site).pk == lakeside.settings.pk


def test_a_hostname_of_another_site_is_a_form_error(admin, lakeside, make_clinic):
    other = make_clinic("harbor")
    url = reverse("clinic_pages_onboarding:hostname", args=[lakeside.site.pk])

    response = admin.post(url, {"hostname": other.site.hostname})

    assert response.status_code == 200
    assert "already used by the site" in response.content.decode()
    assert Site.objects.get(pk=lakeside.site.pk).hostname == "lakeside.test"


def test_launch_makes_the_clinic_public_and_only_by_post(admin, lakeside):
    url = reverse("clinic_pages_onboarding:launch", args=[lakeside.site.pk])

    assert admin.get(url).status_code == 405
    assert admin.post(url).status_code == 302
    assert ClinicSettings.objects.get(pk=lakeside.settings.pk).launched is True
    assert "Public" in admin.get(INDEX).content.decode()

    private = reverse("clinic_pages_onboarding:make_private", args=[lakeside.site.pk])
    admin.post(private)
    assert ClinicSettings.objects.get(pk=lakeside.settings.pk).launched is False


@pytest.mark.parametrize("role", ["editors", "reviewers", "front desk"])
def test_clinic_staff_may_not_onboard_move_or_launch(client, lakeside, staff_of, role):
    client.force_login(staff_of(lakeside, role))
    sites_before = Site.objects.count()

    assert client.get(INDEX).status_code == 403
    assert client.post(ADD, VALID).status_code == 403
    hostname = reverse("clinic_pages_onboarding:hostname", args=[lakeside.site.pk])
    assert client.post(hostname, {"hostname": "elsewhere.test"}).status_code == 403
    launch = reverse("clinic_pages_onboarding:launch", args=[lakeside.site.pk])
    assert client.post(launch).status_code == 403

    assert Site.objects.count() == sites_before
    assert Site.objects.get(pk=lakeside.site.pk).hostname == "lakeside.test"
    assert ClinicSettings.objects.get(pk=lakeside.settings.pk).launched is False
    assert "Clinics" not in client.get(reverse("wagtailadmin_home")).content.decode()
