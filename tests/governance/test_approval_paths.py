"""Every way a medical page goes live signs it off the same way.

The dashboard's approval, "Approve and publish" in the page editor, a reviewer's direct or bulk
publication and a scheduled publication all leave the live page, its published revision and the
visitor's "Medically reviewed by ... on ..." line saying who signed it off and on the day they did:
never the previous review's date, never the later go-live date. Someone who is not one of the
clinic's reviewers puts the page live without claiming a review.
"""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from clinic_pages.clinics.models import ClinicSettings
from tests import factories
from tests.isolation import payloads
from tests.isolation.two_clinics import today

INTERVAL = 120
PREVIOUS_REVIEW = datetime.date(2025, 1, 15)
PREVIOUS_DUE = datetime.date(2025, 5, 15)
REVISED = "Ketamine infusion, revised"


def _live(page):
    return Page.objects.get(pk=page.pk).specific


def _time(day: datetime.date) -> str:
    return f'<time datetime="{day.isoformat()}">{day:%B} {day.day}, {day.year}</time>'


def _review_line(w, page) -> str:
    """The review notice of the live page, as a visitor of the clinic's site receives it."""
    response = Client().get(page.relative_url(w.a.site), HTTP_HOST=w.a.site.hostname)
    assert response.status_code == 200
    _, found, rest = response.content.decode().partition('<div class="review-meta">')
    assert found
    return rest.partition("</div>")[0]


@pytest.fixture
def page(w):
    """Clinic A's treatment, live with an earlier review by nobody now on staff, 120-day interval."""
    ClinicSettings.objects.filter(site=w.a.site).update(review_interval_days=INTERVAL)
    page = _live(w.a.treatment)
    page.reviewed_by = None
    page.last_reviewed, page.next_review_due = PREVIOUS_REVIEW, PREVIOUS_DUE
    page.save_revision().publish()
    return _live(page)


def assert_signed_off(w, page, title: str, on: datetime.date) -> None:
    """The live page, its published revision and its review line name A's reviewer and `on`."""
    live = _live(page)
    due = on + datetime.timedelta(days=INTERVAL)
    assert live.title == title
    assert (live.reviewed_by_id, live.last_reviewed, live.next_review_due) == (
        w.a.physician.pk,
        on,
        due,
    )
    content = live.live_revision.content
    assert (content["reviewed_by"], content["last_reviewed"], content["next_review_due"]) == (
        w.a.physician.pk,
        on.isoformat(),
        due.isoformat(),
    )
    html = _review_line(w, live)
    assert f">{w.a.physician.display_name}</a> on {_time(on)}" in html
    assert f"Next review due {_time(due)}" in html
    assert PREVIOUS_REVIEW.isoformat() not in html


def assert_no_review_claimed(w, page, title: str) -> None:
    """Live with the new content, still showing only the review that really happened."""
    live = _live(page)
    assert live.title == title
    assert (live.reviewed_by_id, live.last_reviewed, live.next_review_due) == (
        None,
        PREVIOUS_REVIEW,
        PREVIOUS_DUE,
    )
    html = _review_line(w, live)
    assert f"Medically reviewed on {_time(PREVIOUS_REVIEW)}" in html
    assert today().isoformat() not in html


def _edit(client, page, title: str, **extra):
    data = {**payloads.page_data(page, title), **extra}
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def _editor_publish(client, page) -> None:
    assert _edit(client, page, REVISED, **{"action-publish": "on"}).status_code == 302


def _bulk_publish(client, page) -> None:
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    assert client.post(f"{url}?id={page.pk}&next=/admin/", {}).status_code == 302


def _api_publish(client, page) -> None:
    url = reverse("wagtailadmin_api:pages:action", args=[page.pk, "publish"])
    assert client.post(url, {}, content_type="application/json").status_code == 200


def _save_draft(page, user=None) -> None:
    """An unpublished change, which bulk and API publication put live (they publish the latest)."""
    draft = _live(page)
    draft.title = REVISED
    draft.save_revision(user=user)


def test_dashboard_approval(w, page, submit, act):
    submit(w.a.users["editor"], page, REVISED)
    assert act(w.a.users["reviewer"], _live(page), "approve").status_code == 302
    assert_signed_off(w, page, REVISED, today())


def test_page_editor_approval(w, page, submit, client_for):
    """ "Approve and publish" in the editor, with the reviewer's own correction saved first.

    This is where the e-mail sends reviewers. The edit view saves the reviewer's form as a new
    revision (copied from the page before the approval) and then approves, so the stamp must be
    in that new revision, the one published, not in the revision the editor submitted.
    """
    submit(w.a.users["editor"], page, REVISED)
    reviewer = client_for(w.a.users["reviewer"])
    response = _edit(
        reviewer,
        _live(page),
        "Ketamine infusion, revised and corrected",
        **{"action-workflow-action": "on", "workflow-action-name": "approve"},
    )
    assert response.status_code == 302
    state = WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-pk").first()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert_signed_off(w, page, "Ketamine infusion, revised and corrected", today())


def test_direct_publication_by_a_reviewer(w, page, client_for):
    response = _edit(client_for(w.a.users["reviewer"]), page, REVISED, **{"action-publish": "on"})
    assert response.status_code == 302
    assert_signed_off(w, page, REVISED, today())


@pytest.mark.parametrize("publish", [_bulk_publish, _api_publish], ids=["bulk", "admin-api"])
def test_bulk_and_api_publication_by_a_reviewer(w, page, client_for, publish):
    _save_draft(page, w.a.users["editor"])
    publish(client_for(w.a.users["reviewer"]), page)
    assert_signed_off(w, page, REVISED, today())


def test_bulk_publication_of_draft_descendants_by_a_reviewer(w, client_for):
    """ "Include descendants" publishes draft medical pages below the chosen one: each is signed."""
    ClinicSettings.objects.filter(site=w.a.site).update(review_interval_days=INTERVAL)
    section = w.a.sections["treatments"]
    child = factories.TreatmentPageFactory(
        parent=section, title="Alderbrook nerve block", slug="nerve-block", live=False
    )
    child.save_revision()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])

    response = client_for(w.a.users["reviewer"]).post(
        f"{url}?id={section.pk}&next=/admin/", {"include_descendants": "on"}
    )

    assert response.status_code == 302
    assert_signed_off(w, child, "Alderbrook nerve block", today())


def test_bulk_publication_of_a_page_without_revisions_by_a_reviewer(w, client_for):
    """Pages made in code (the demo loader, imports) may have no revision yet: the bulk action
    saves one from the page, and that one must be the stamped one."""
    ClinicSettings.objects.filter(site=w.a.site).update(review_interval_days=INTERVAL)
    page = factories.TreatmentPageFactory(
        parent=w.a.sections["treatments"], title="Alderbrook nerve block", slug="nerve-block"
    )
    assert page.get_latest_revision() is None

    _bulk_publish(client_for(w.a.users["reviewer"]), page)

    assert _live(page).revisions.count() == 1
    assert_signed_off(w, page, "Alderbrook nerve block", today())


def test_scheduled_publication_keeps_the_approval_date(w, page, submit, act):
    """Approved today to go live in three days: the review line says today, on go-live day too."""
    go_live = timezone.localtime() + datetime.timedelta(days=3)
    submit(w.a.users["editor"], page, REVISED, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    approved_on = today()
    act(w.a.users["reviewer"], _live(page), "approve")
    # Until then visitors see the previous content under the previous (real) review.
    assert_no_review_claimed(w, page, "Alderbrook ketamine infusion")

    later = timezone.now() + datetime.timedelta(days=3, hours=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)
        assert today() > approved_on
        assert_signed_off(w, page, REVISED, approved_on)


def test_a_superusers_approval_claims_no_review(w, page, submit, act):
    """Wagtail lets a superuser approve any task; that is not a clinician's review."""
    submit(w.a.users["editor"], page, REVISED)
    act(w.superuser, _live(page), "approve")
    assert_no_review_claimed(w, page, REVISED)


@pytest.mark.parametrize(
    "publish",
    [_editor_publish, _bulk_publish, _api_publish],
    ids=["editor", "bulk", "admin-api"],
)
def test_a_superusers_publication_claims_no_review(w, page, client_for, publish):
    _save_draft(page)
    publish(client_for(w.superuser), page)
    assert_no_review_claimed(w, page, REVISED)
