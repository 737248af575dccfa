"""Fixtures for booking tests: a clinic with an office, a physician, a treatment and a reason."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission

from clinic_pages.appointments.models import AppointmentReason, AppointmentSlot
from clinic_pages.appointments.permissions import grant_booking_permissions
from tests import factories


@pytest.fixture(autouse=True)
def _fast_forms(settings):
    # The minimum fill time has its own test; elsewhere a test client is allowed to be quick.
    settings.CLINIC_PAGES_APPOINTMENT_MIN_FILL_SECONDS = 0
    settings.CLINIC_PAGES_APPOINTMENT_RATE_LIMIT = 100


def furnish(clinic):
    """Add the office, physician, treatment and reason the booking form offers."""
    location = factories.LocationFactory(site=clinic.site, name=f"{clinic.slug} office")
    treatment = factories.TreatmentPageFactory(parent=clinic.treatments, title="Ketamine infusion")
    physician = factories.PhysicianPageFactory(
        parent=clinic.physicians, family_name="Lee", locations=[location]
    )
    reason = AppointmentReason.objects.create(page=clinic.appointment, label="Second opinion")
    clinic.extra.update(location=location, treatment=treatment, physician=physician, reason=reason)
    return clinic


@pytest.fixture
def alpha(make_clinic):
    return furnish(make_clinic("alpha"))


@pytest.fixture
def beta(make_clinic, alpha):
    return furnish(make_clinic("beta"))


def add_slot(clinic, *, days=3, hour=10):
    start = timezone.localtime() + datetime.timedelta(days=days)
    start = start.replace(hour=hour, minute=0, second=0, microsecond=0)
    return AppointmentSlot.objects.create(
        site=clinic.site,
        location=clinic.extra["location"],
        physician=clinic.extra["physician"],
        starts_at=start,
    )


def form_url(clinic) -> str:
    return clinic.url(clinic.appointment)


def form_token(client, clinic, query="") -> str:
    response = client.get(form_url(clinic) + query, HTTP_HOST=clinic.host)
    match = re.search(r'name="form_token" value="([^"]+)"', response.content.decode())
    assert match, "the form carries a signed token"
    return match.group(1)


def valid_data(clinic, token, **overrides) -> dict:
    data = {
        "name": "Jordan Example",
        "phone": "(312) 555-0199",
        "email": "jordan@example.org",
        "contact_method": "phone",
        "patient_status": "new",
        "topic": f"treatment-{clinic.extra['treatment'].pk}",
        "location": clinic.extra["location"].pk,
        "physician": "",
        "preferred_days": ["mon", "wed"],
        "preferred_times": ["morning"],
        "note": "Wheelchair access please.",
        "consent": "on",
        "website": "",
        "form_token": token,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def post_form(client, clinic, data, *, path=None, **extra):
    """POST as a browser sends a form without files: url-encoded, not multipart."""
    return client.post(
        path or form_url(clinic),
        urlencode(data, doseq=True),
        content_type="application/x-www-form-urlencoded",
        HTTP_HOST=clinic.host,
        **extra,
    )


@pytest.fixture
def book(client):
    """``book(clinic, **overrides)`` loads the form, then posts it; returns the response."""

    def post(clinic, follow=False, **overrides):
        token = overrides.pop("form_token", None) or form_token(client, clinic)
        return post_form(client, clinic, valid_data(clinic, token, **overrides), follow=follow)

    return post


def staff_of(django_user_model, clinic, username):
    """A user whose group edits this clinic's pages and holds the booking permissions."""
    group = Group.objects.create(name=f"{username} staff")
    GroupPagePermission.objects.create(
        group=group, page=clinic.home, permission=Permission.objects.get(codename="change_page")
    )
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    grant_booking_permissions(group)
    user = django_user_model.objects.create_user(username=username, password="x")
    user.groups.add(group)
    return user


@pytest.fixture
def task_queue(settings):
    """A queue that keeps what is enqueued instead of running it, as a real worker's would
    until the worker picks it up. ``results`` are the booking e-mail tasks waiting (Wagtail
    queues its own tasks there too); ``take()`` hands them to the test, playing the worker."""
    from django_tasks import task_backends

    from clinic_pages.appointments.tasks import send_appointment_emails

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    class Queue:
        @property
        def results(self):
            return [
                result
                for result in task_backends["default"].results
                if result.task.func is send_appointment_emails.func
            ]

        def take(self):
            waiting = self.results
            for result in waiting:
                task_backends["default"].results.remove(result)
            return waiting

        def run_all(self):
            for result in self.take():
                result.task.call(*result.args, **result.kwargs)

    return Queue()
