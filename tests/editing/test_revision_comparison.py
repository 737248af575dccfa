"""The reviewer's comparison of two versions shows the content, not the review stamps."""

from __future__ import annotations

import datetime

from django.urls import reverse
from wagtail.models import Page


def test_comparing_versions_leaves_the_review_stamps_out(w, client_for):
    page = Page.objects.get(pk=w.a.treatment.pk).specific  # fresh: tests share the world
    first = page.save_revision(user=w.superuser)
    changed = page.get_latest_revision_as_object()
    changed.title = "Ketamine infusion, revised"
    changed.last_reviewed = datetime.date(2026, 3, 2)
    changed.next_review_due = datetime.date(2027, 3, 2)
    second = changed.save_revision(user=w.superuser)

    url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    html = client_for(w.superuser).get(url).content.decode()
    assert "Ketamine infusion, revised" in html  # the edit is shown
    assert "Last reviewed" not in html and "Next review due" not in html
    assert "2027" not in html
