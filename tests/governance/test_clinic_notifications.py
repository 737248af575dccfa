"""Workflow e-mails reach the clinic's own reviewers, never every superuser, and link to the
clinic's own host, not the install's WAGTAILADMIN_BASE_URL."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.governance.test_review_workflow import _live

pytestmark = pytest.mark.django_db


def _links(message) -> set[str]:
    return set(re.findall(r"https?://[^\s]+", message.body))


@pytest.fixture(autouse=True)
def _an_empty_outbox():
    mail.outbox = []


def test_the_review_request_goes_to_the_clinics_reviewers_only(w, submit):
    response = submit(w.a.users["editor"], w.a.treatment, "Ketamine infusion, revised")

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[w.a.users["reviewer"].email]]
    recipients = {address for message in mail.outbox for address in message.to}
    assert w.superuser.email not in recipients
    assert w.b.users["reviewer"].email not in recipients


def test_the_review_request_links_to_the_clinics_own_host(w, submit, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://admin.network.example"
    submit(w.a.users["editor"], w.a.treatment, "Ketamine infusion, revised")

    (message,) = mail.outbox
    edit_url = reverse("wagtailadmin_pages:edit", args=[w.a.treatment.pk])
    assert f"http://{w.a.site.hostname}{edit_url}" in _links(message)
    assert all(link.startswith(f"http://{w.a.site.hostname}/") for link in _links(message))
    assert "admin.network.example" not in message.body


def test_the_approval_tells_the_editor_with_a_link_on_the_clinics_host(w, submit, act):
    submit(w.a.users["editor"], w.a.treatment, "Ketamine infusion, revised")
    mail.outbox = []

    act(w.a.users["reviewer"], _live(w.a.treatment), "approve")

    (message,) = mail.outbox
    assert message.to == [w.a.users["editor"].email]
    assert _links(message)
    assert all(link.startswith(f"http://{w.a.site.hostname}/") for link in _links(message))


def test_a_superuser_in_no_clinic_group_gets_no_clinics_review_request(w, submit):
    submit(w.b.users["editor"], w.b.treatment, "Birchwood treatment, revised")

    recipients = [address for message in mail.outbox for address in message.to]
    assert recipients == [w.b.users["reviewer"].email]


def test_the_html_version_links_to_the_clinics_own_host_too(w, submit, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://admin.network.example"
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    submit(w.a.users["editor"], w.a.treatment, "Ketamine infusion, revised")

    (message,) = mail.outbox
    html, _ = message.alternatives[0]
    edit_url = reverse("wagtailadmin_pages:edit", args=[w.a.treatment.pk])
    assert f'href="http://{w.a.site.hostname}{edit_url}"' in html
    assert 'href="https://admin.network.example' not in html
