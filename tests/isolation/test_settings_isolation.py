"""Clinic settings: each clinic's staff edit their own, whatever host they use the admin from."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from clinic_pages.clinics.models import ClinicSettings
from tests.isolation import payloads
from tests.isolation.responses import assert_nothing_of, assert_refused, assert_works, body, fetch

SETTINGS = ("clinic_pages_clinics", "clinicsettings")


def _client_on_host(client: Client, host: str) -> Client:
    client.defaults["HTTP_HOST"] = host
    return client


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_settings_menu_opens_the_own_clinic_even_from_the_other_clinics_host(w, client_for, role):
    client = _client_on_host(client_for(w.a.users[role]), w.b.site.hostname)
    response = client.get(reverse("wagtailsettings:edit", args=SETTINGS))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailsettings:edit", args=[*SETTINGS, w.a.site.pk])


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_own_settings_show_no_switch_to_the_other_clinic(w, client_for, role):
    response = fetch(
        client_for(w.a.users[role]), reverse("wagtailsettings:edit", args=[*SETTINGS, w.a.site.pk])
    )
    assert_works(response)
    assert w.a.settings.practice_name in body(response)
    assert w.b.settings.practice_name not in body(response)
    assert_nothing_of(w.b, response)


def test_front_desk_cannot_open_settings(w, client_for):
    client = client_for(w.a.users["front_desk"])
    assert_refused(fetch(client, reverse("wagtailsettings:edit", args=SETTINGS)))
    assert_refused(fetch(client, reverse("wagtailsettings:edit", args=[*SETTINGS, w.a.site.pk])))


def test_review_interval_is_set_per_clinic(w, client_for):
    data = payloads.settings_data(w.a.settings, practice_name=w.a.settings.practice_name)
    data["review_interval_days"] = 90
    response = client_for(w.a.users["reviewer"]).post(
        reverse("wagtailsettings:edit", args=[*SETTINGS, w.a.site.pk]), data
    )
    assert response.status_code == 302
    assert ClinicSettings.for_site(w.a.site).review_interval_days == 90
    assert ClinicSettings.objects.get(site=w.b.site).review_interval_days == 365
