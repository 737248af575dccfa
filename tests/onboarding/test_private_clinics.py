"""A new clinic is private until launch: only its staff (and superusers) see it, nothing of it is
cached, and launching (or closing it again) takes effect at once, past the page cache."""

from __future__ import annotations

import pytest
from django.test import Client

from clinic_pages.clinics.launch import set_launched
from clinic_pages.core.page_cache import STATUS_HEADER
from tests.onboarding.conftest import onboard

HERO = "Care for lasting pain at Lakeside Pain Care."


def _home(client: Client, clinic):
    return client.get("/", HTTP_HOST=clinic.site.hostname)


def test_visitors_get_coming_soon_without_the_clinics_content(lakeside):
    response = _home(Client(), lakeside)

    assert response.status_code == 404
    body = response.content.decode()
    assert "Coming soon" in body
    assert HERO not in body and "Lakeside Pain Care" not in body
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    booking = Client().get(
        lakeside.sections["appointments"].url_path.removeprefix(lakeside.home.url_path[:-1]),
        HTTP_HOST=lakeside.site.hostname,
    )
    assert booking.status_code == 404
    assert "Request an appointment" not in booking.content.decode()


def test_nothing_of_a_private_clinic_is_cached(lakeside):
    for _ in range(2):
        response = _home(Client(), lakeside)
        assert response.status_code == 404
        assert STATUS_HEADER not in response


@pytest.mark.parametrize("role", ["editors", "reviewers", "front desk"])
def test_the_clinics_staff_see_the_site_uncached(lakeside, staff_of, role):
    client = Client()
    client.force_login(staff_of(lakeside, role))

    response = _home(client, lakeside)

    assert response.status_code == 200
    assert HERO in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_superuser_sees_it_and_another_clinics_staff_do_not(lakeside, staff_of, superuser):
    harbor = onboard(slug="harbor", name="Harbor Spine Center")
    network, outsider = Client(), Client()
    network.force_login(superuser)
    outsider.force_login(staff_of(harbor, "reviewers"))

    assert _home(network, lakeside).status_code == 200
    response = _home(outsider, lakeside)
    assert response.status_code == 404
    assert HERO not in response.content.decode()


def test_launch_opens_the_site_to_visitors_and_the_cache(lakeside):
    set_launched(lakeside.settings, True)

    first, second = _home(Client(), lakeside), _home(Client(), lakeside)

    assert first.status_code == second.status_code == 200
    assert HERO in first.content.decode()
    assert (first[STATUS_HEADER], second[STATUS_HEADER]) == ("miss", "hit")


def test_taking_a_clinic_private_again_is_not_undone_by_the_cache(lakeside):
    set_launched(lakeside.settings, True)
    assert _home(Client(), lakeside).status_code == 200  # now in the page cache

    set_launched(lakeside.settings, False)

    response = _home(Client(), lakeside)
    assert response.status_code == 404
    assert HERO not in response.content.decode()


def test_clinics_made_before_launch_existed_stay_public(clinic):
    response = clinic.get(Client(), clinic.home)

    assert response.status_code == 200
    assert clinic.settings.launched is True
