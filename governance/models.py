"""The clinical-review workflow task, and the one rule for when going live signs a page off."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, Page, Revision

from clinic_pages.core.models import MedicalReviewMixin
from clinic_pages.governance.stamping import stamp_review


class ClinicalReviewTask(GroupApprovalTask):
    """A clinician of the clinic approves the page; approval stamps the page's review metadata.

    When the workflow finishes Wagtail publishes the page's *latest* revision, which is not always
    the one the task was started on: "Approve and publish" in the page editor first saves the
    reviewer's form as a new revision, copied from the page as it was before the approval. So the
    stamp goes into the latest revision -- the very object Wagtail goes on to publish -- and the
    live page and its history agree on who reviewed it and when.
    """

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            # The same instances Wagtail's finish action reads (workflow state -> page -> latest
            # revision), so the revision stamped here is the revision published.
            page = task_state.workflow_state.content_object
            sign_off(page, user, page.get_latest_revision())
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_actions(self, obj, user):
        """Wagtail's actions, with "Approve" opening the form that shows the reading grade.

        Wagtail's plain "Approve" (the dashboard's one-click approve, the editor's approve menu
        item) publishes without a form, so the reviewer would approve without seeing the grade;
        here it opens the approve form, whose comment is optional, so "Approve with comment"
        adds nothing and is left out.
        """
        actions = super().get_actions(obj, user)
        if not actions:
            return actions
        kept = [(name, label, modal) for name, label, modal in actions if name != "approve"]
        return [*kept, ("approve", _("Approve"), True)]

    def get_template_for_action(self, action):
        # The approve and request-changes forms show the reviewer the page's reading grade.
        return "clinic_pages/governance/readability/review_action_modal.html"

    class Meta:
        verbose_name = _("clinical review task")
        verbose_name_plural = _("clinical review tasks")


def is_clinical_reviewer(user, page) -> bool:
    """Whether the user is one of the reviewers of the clinical-review workflow on this page."""
    workflow = page.get_workflow()
    if workflow is None or not user.is_authenticated:
        return False
    return ClinicalReviewTask.objects.filter(
        workflow_tasks__workflow=workflow, groups__in=user.groups.all()
    ).exists()


def signs_off(user, page: Page) -> bool:
    """Whether this user putting this page live is a medical review of it.

    Only a clinical reviewer of the page's clinic signs off, whichever way the page goes live
    (workflow approval, direct or bulk publication). Anyone else who may publish -- a superuser
    approving or publishing -- leaves the existing stamps alone rather than claim a review.
    """
    return issubclass(page.specific_class, MedicalReviewMixin) and is_clinical_reviewer(user, page)


def sign_off(page: Page, user, revision: Revision | None) -> bool:
    """Stamp the review into the revision about to go live, if this is a sign-off."""
    if revision is None or not signs_off(user, page):
        return False
    stamp_review(revision, user)
    return True
