"""The clinical-review workflow task."""

from __future__ import annotations

from wagtail.models import GroupApprovalTask

from clinic_pages.governance.stamping import stamp_review


class ClinicalReviewTask(GroupApprovalTask):
    """A clinician of the clinic approves the page; approval stamps the page's review metadata.

    The stamp is written into the revision being approved, before Wagtail publishes it, so the
    live page and its history agree on who reviewed it and when.
    """

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            stamp_review(task_state.revision, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    class Meta:
        verbose_name = "clinical review task"
        verbose_name_plural = "clinical review tasks"


def is_clinical_reviewer(user, page) -> bool:
    """Whether the user is one of the reviewers of the clinical-review workflow on this page."""
    workflow = page.get_workflow()
    if workflow is None or not user.is_authenticated:
        return False
    return ClinicalReviewTask.objects.filter(
        workflow_tasks__workflow=workflow, groups__in=user.groups.all()
    ).exists()
