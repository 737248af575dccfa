"""Reviewers see the page's reading grade in the approve and request-changes forms."""

from __future__ import annotations

import re

from django.urls import reverse

from clinic_pages.governance.readability.assessment import assess
from tests.readability.texts import GRADE_12


def test_reviewer_sees_the_grade_when_approving(w, client_for, write):
    page = write(w.a.condition, GRADE_12)  # awaiting review since the clinic was built
    task_state = w.a.condition.current_workflow_state.current_task_state
    for action in ("approve", "reject"):
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        response = client_for(w.a.users["reviewer"]).get(url)
        assert response.status_code == 200
        html = response.json()["html"]
        assert "Reading level" in html
        assert f"<strong>{assess(page).grade:.1f}</strong>" in html
        assert "Grade 8 or below" in html
        assert 'name="comment"' in html


def test_the_dashboards_approve_opens_the_form_with_the_grade(w, client_for, write):
    """Wagtail's one-click "Approve" would publish unseen; it opens the form with the grade."""
    page = write(w.a.condition, GRADE_12)
    task_state = w.a.condition.current_workflow_state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    reviewer = client_for(w.a.users["reviewer"])
    html = reviewer.get(reverse("wagtailadmin_home")).content.decode()
    buttons = re.findall(
        rf'<button data-workflow-action-url="{approve}"[^>]*>([^<]*)</button>', html
    )
    assert buttons == ["Approve"]
    assert f'<button data-workflow-action-url="{approve}" data-launch-modal>' in html
    form = reviewer.get(approve).json()["html"]
    assert f"<strong>{assess(page).grade:.1f}</strong>" in form
