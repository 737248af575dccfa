"""The booking page's queries with every cache cleared: its choices come from one query per list,
however many offices, physicians, treatments and free slots a clinic has.

The page's own queries: offices (each marked offered or not) with their hours 1, treatments 1,
reasons 1, free slots with their physicians' names 1; physicians 1 more when the page offers a
call back instead of slots; the form sent back with errors 1 more (the submission token's
earlier request, if any); the confirmation 2 (the session and the request). The rest is the
routing and layout every page shares (site, page tree, view restrictions, clinic settings).
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clinic_pages.appointments.models import AppointmentReason, AppointmentSlot
from tests import factories
from tests.appointments.conftest import form_url, post_form, valid_data

pytestmark = pytest.mark.django_db

FORM_BUDGET = 10
ERRORS_BUDGET = 10
CONFIRMATION_BUDGET = 7


def _grow(clinic, size: int, slots: int, days: int = 1) -> None:
    """Bring the clinic to ``size`` offices, physicians, treatments and reasons and add
    ``slots`` free slots spread over them, from ``days`` ahead."""
    offices = [clinic.extra["location"]]
    offices += [factories.LocationFactory(site=clinic.site) for _ in range(size - 1)]
    doctors = [clinic.extra["physician"]]
    doctors += [
        factories.PhysicianPageFactory(parent=clinic.physicians, family_name=f"Doc{i}")
        for i in range(size - 1)
    ]
    for i in range(size - 1):
        factories.TreatmentPageFactory(parent=clinic.treatments, title=f"Treatment {i}")
        AppointmentReason.objects.create(page=clinic.appointment, label=f"Reason {i}")
    start = timezone.now() + datetime.timedelta(days=days)
    AppointmentSlot.objects.bulk_create(
        AppointmentSlot(
            site=clinic.site,
            location=offices[i % len(offices)],
            physician=doctors[i % len(doctors)],
            starts_at=start + datetime.timedelta(minutes=30 * i),
        )
        for i in range(slots)
    )


def _count(send) -> tuple[int, object]:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = send()
    return len(queries.captured_queries), response


def _booking_queries(clinic) -> tuple[int, int, int]:
    """Queries of the form, the form sent back with errors, and the confirmation, for a new
    visitor (a returning one's session cookie costs the layout's user lookup one query)."""
    client = Client()
    url = form_url(clinic)  # outside the count: it looks the Site up for a dummy request
    form, response = _count(lambda: client.get(url, HTTP_HOST=clinic.host))
    html = response.content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    errors, response = _count(
        lambda: post_form(client, clinic, {"form_token": token, "name": ""}, path=url)
    )
    assert response.status_code == 200
    assert "Enter your name." in response.content.decode()
    data = valid_data(clinic, token)
    if 'name="slot"' in html:
        data["slot"] = re.search(r'name="slot" value="(\d+)"', html)[1]
    sent = post_form(client, clinic, data)
    assert sent.status_code == 303, sent.content.decode()[:2000]
    confirmation, response = _count(lambda: client.get(sent["Location"], HTTP_HOST=clinic.host))
    assert response.status_code == 200
    assert "Your reference is" in response.content.decode()
    return form, errors, confirmation


@pytest.mark.parametrize("slots", [0, 3, 150])
def test_booking_pages_stay_within_their_query_budget(
    client, alpha, slots, django_assert_max_num_queries
):
    _grow(alpha, 3, slots)
    url = form_url(alpha)  # outside the count: it looks the Site up for a dummy request
    cache.clear()
    with django_assert_max_num_queries(FORM_BUDGET):
        response = client.get(url, HTTP_HOST=alpha.host)
    html = response.content.decode()
    # Every free slot is on offer to the picker (which shows one office's day at a time).
    assert len(re.findall(r"\[&quot;\d+&quot;", html)) == slots
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    cache.clear()
    with django_assert_max_num_queries(ERRORS_BUDGET):
        response = post_form(client, alpha, {"form_token": token, "name": ""}, path=url)
    assert response.status_code == 200
    data = valid_data(alpha, token)
    if slots:
        data["slot"] = re.search(r'name="slot" value="(\d+)"', html).group(1)
    response = post_form(client, alpha, data)
    assert response.status_code == 303, response.content.decode()[:2000]
    cache.clear()
    with django_assert_max_num_queries(CONFIRMATION_BUDGET):
        assert client.get(response["Location"], HTTP_HOST=alpha.host).status_code == 200


@pytest.mark.parametrize("slots", [0, 100])
def test_booking_queries_do_not_grow_with_the_clinic(alpha, slots):
    """From 1 to 100 offices, physicians, treatments and reasons (and slots, when it has them),
    the same number of queries."""
    _grow(alpha, 1, min(slots, 1))
    small = _booking_queries(alpha)
    _grow(alpha, 100, slots, days=2)
    large = _booking_queries(alpha)
    assert large == small
    form, errors, confirmation = large
    assert form <= FORM_BUDGET
    assert errors <= ERRORS_BUDGET
    assert confirmation <= CONFIRMATION_BUDGET


def test_kept_choices_follow_what_editors_publish(client, alpha):
    """The choice lists are kept under the clinic's content generation: a warm render reads
    them from the cache, and a publish or an office's change shows on the next one."""
    url = form_url(alpha)
    client.get(url, HTTP_HOST=alpha.host)  # fills the cache
    with CaptureQueriesContext(connection) as warm:
        html = client.get(url, HTTP_HOST=alpha.host).content.decode()
    tables = " ".join(query["sql"] for query in warm.captured_queries)
    assert "clinic_pages_appointments_appointmentreason" not in tables
    assert "Ketamine infusion" in html

    factories.TreatmentPageFactory(parent=alpha.treatments, title="Nerve block")
    office = alpha.extra["location"]
    office.name = "Renamed office"
    office.save()
    html = client.get(url, HTTP_HOST=alpha.host).content.decode()
    assert "Nerve block" in html
    assert "Renamed office" in html

    alpha.appointment.offered_treatments.set([alpha.extra["treatment"]])
    alpha.appointment.save_revision().publish()
    form = client.get(url, HTTP_HOST=alpha.host).content.decode().split("booking-form", 1)[1]
    assert "Ketamine infusion" in form
    assert "Nerve block" not in form
