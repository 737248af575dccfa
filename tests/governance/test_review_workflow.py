"""Clinical review: a medical page an editor changes goes live only when a reviewer of the same
clinic approves it, and the approval stamps who reviewed it, when, and when it is next due."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.governance.models import ClinicalReviewTask
from tests.isolation import payloads
from tests.isolation.two_clinics import today

STAMPS = ("reviewed_by", "last_reviewed", "next_review_due")


def _live(page):
    return Page.objects.get(pk=page.pk).specific


def _state(page):
    return WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-pk").first()


@pytest.fixture
def submitted(w, submit):
    """Clinic A's treatment page, changed by A's editor and submitted for clinical review."""
    page = w.a.treatment
    response = submit(w.a.users["editor"], page, "Ketamine infusion, revised")
    assert response.status_code == 302
    return _live(page)


def test_the_medical_pages_use_their_own_clinics_review_workflow(w):
    for clinic in (w.a, w.b):
        for page in (clinic.treatment, clinic.condition, clinic.sections["faq"]):
            workflow = page.get_workflow()
            assert workflow == clinic.workflow
            [task] = [task.specific for task in workflow.tasks.all()]
            assert isinstance(task, ClinicalReviewTask)
            assert list(task.groups.all()) == [clinic.group("reviewer")]


def test_an_editors_change_does_not_go_live_on_submission(w, submitted):
    assert submitted.title == "Alderbrook ketamine infusion"
    assert submitted.get_latest_revision().content["title"] == "Ketamine infusion, revised"
    state = _state(submitted)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert isinstance(state.current_task_state.task.specific, ClinicalReviewTask)


def test_an_editor_cannot_publish_a_medical_page_directly(w, client_for):
    page = w.a.treatment
    data = {**payloads.page_data(page, "Published by an editor"), "action-publish": "on"}
    client_for(w.a.users["editor"]).post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert _live(page).title == "Alderbrook ketamine infusion"


@pytest.mark.parametrize(("clinic", "role"), [("b", "reviewer"), ("b", "editor"), ("a", "editor")])
def test_only_a_reviewer_of_the_same_clinic_may_approve(w, submitted, act, clinic, role):
    user = getattr(w, clinic).users[role]
    task_state = _state(submitted).current_task_state
    assert task_state.task.specific.get_actions(submitted, user) == []

    act(user, submitted, "approve")

    assert _state(submitted).status == WorkflowState.STATUS_IN_PROGRESS
    page = _live(submitted)
    assert page.title == "Alderbrook ketamine infusion"
    assert (page.reviewed_by, page.last_reviewed) == (None, None)


def test_the_clinics_reviewer_approves_and_the_review_is_stamped(w, submitted, act):
    reviewer = w.a.users["reviewer"]
    ClinicSettings.objects.filter(site=w.a.site).update(review_interval_days=90)
    actions = [
        name
        for name, *_ in _state(submitted).current_task_state.task.specific.get_actions(
            submitted, reviewer
        )
    ]
    assert "approve" in actions

    response = act(reviewer, submitted, "approve")

    assert response.status_code == 302
    assert _state(submitted).status == WorkflowState.STATUS_APPROVED
    page = _live(submitted)
    assert page.title == "Ketamine infusion, revised"
    assert page.reviewed_by_id == w.a.physician.pk
    assert page.last_reviewed == today()
    assert page.next_review_due == today() + datetime.timedelta(days=90)
    # The stamp is in the published revision too, so history agrees with the live page.
    content = page.live_revision.content
    assert (content["reviewed_by"], content["last_reviewed"]) == (
        w.a.physician.pk,
        today().isoformat(),
    )


def test_the_interval_is_the_clinics_own(w, submitted, act, submit):
    ClinicSettings.objects.filter(site=w.a.site).update(review_interval_days=30)
    ClinicSettings.objects.filter(site=w.b.site).update(review_interval_days=700)
    act(w.a.users["reviewer"], submitted, "approve")
    assert _live(submitted).next_review_due == today() + datetime.timedelta(days=30)

    submit(w.b.users["editor"], w.b.treatment, "Birchwood ketamine, revised")
    act(w.b.users["reviewer"], _live(w.b.treatment), "approve")
    page = _live(w.b.treatment)
    assert page.reviewed_by_id == w.b.physician.pk
    assert page.next_review_due == today() + datetime.timedelta(days=700)


def test_rejection_sends_the_page_back_unstamped(w, submitted, act):
    act(w.a.users["reviewer"], submitted, "reject")
    assert _state(submitted).status == WorkflowState.STATUS_NEEDS_CHANGES
    page = _live(submitted)
    assert page.title == "Alderbrook ketamine infusion"
    assert (page.reviewed_by, page.last_reviewed, page.next_review_due) == (None, None, None)


def test_a_reviewer_without_a_physician_page_leaves_no_stale_name(w, submit, act):
    """The dates are stamped; the previous reviewer is not credited with this review."""
    page = _live(w.a.treatment)
    page.reviewed_by = w.a.physician
    page.save_revision().publish()
    physician = _live(w.a.physician)
    physician.account = None
    physician.save_revision().publish()
    submit(w.a.users["editor"], page, "Ketamine infusion, revised")

    act(w.a.users["reviewer"], _live(page), "approve")

    page = _live(page)
    assert page.title == "Ketamine infusion, revised"
    assert page.reviewed_by is None
    assert page.last_reviewed == today()


def test_the_edit_form_shows_the_stamps_read_only(w, client_for):
    page = w.a.treatment.specific
    form_class = page.get_edit_handler().get_form_class()
    assert not set(STAMPS) & set(form_class.base_fields)
    response = client_for(w.a.users["editor"]).get(
        reverse("wagtailadmin_pages:edit", args=[page.pk])
    )
    assert "Medical review" in response.content.decode()


@pytest.mark.parametrize("action", [None, "action-submit"])
def test_an_editor_cannot_stamp_a_review_by_hand(w, client_for, action):
    page = w.a.treatment
    data = payloads.page_data(page, "Self-reviewed")
    data.update(
        reviewed_by=w.a.physician.pk,
        last_reviewed="2026-01-01",
        next_review_due="2099-01-01",
    )
    if action:
        data[action] = action
    response = client_for(w.a.users["editor"]).post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data
    )
    assert response.status_code == 302
    draft = Page.objects.get(pk=page.pk).get_latest_revision().as_object()
    assert draft.title == "Self-reviewed"
    assert (draft.reviewed_by_id, draft.last_reviewed, draft.next_review_due) == (None, None, None)
