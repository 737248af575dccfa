"""A clinic reviewer who publishes a medical page directly signs it, as a workflow approval does;
anyone else who may publish (a superuser) leaves the existing stamps alone."""

from __future__ import annotations

import datetime

from django.urls import reverse
from wagtail.models import Page

from clinic_pages.clinics.models import ClinicSettings
from tests.isolation import payloads
from tests.isolation.two_clinics import today


def _publish(client, page, title):
    data = {**payloads.page_data(page, title), "action-publish": "on"}
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_a_reviewers_direct_publication_is_stamped(w, client_for):
    page = w.a.treatment
    reviewer = w.a.users["reviewer"]
    _publish(client_for(reviewer), page, "Ketamine infusion, reviewed and published")
    live = Page.objects.get(pk=page.pk).specific
    assert live.title == "Ketamine infusion, reviewed and published"
    interval = ClinicSettings.for_site(w.a.site).review_interval_days
    assert live.last_reviewed == today()
    assert live.next_review_due == today() + datetime.timedelta(days=interval)
    assert live.reviewed_by is not None
    assert live.reviewed_by.account_id == reviewer.pk


def test_a_superusers_publication_leaves_the_review_stamps_alone(w, client_for):
    page = w.a.treatment
    before = Page.objects.get(pk=page.pk).specific
    _publish(client_for(w.superuser), page, "Ketamine infusion, typo fixed")
    live = Page.objects.get(pk=page.pk).specific
    assert live.title == "Ketamine infusion, typo fixed"
    assert (live.last_reviewed, live.next_review_due) == (
        before.last_reviewed,
        before.next_review_due,
    )
