"""Workflow e-mails that stay within the clinic: its own host in links, its own reviewers.

Wagtail's notifiers link every e-mail to ``WAGTAILADMIN_BASE_URL`` (one host for the whole
install) and send each "submitted for approval" e-mail to every superuser as well as to the
task's groups, so the network's superusers got every clinic's review requests, and a clinic's
reviewers got links to another clinic's host. These replace Wagtail's four workflow notifiers
(same signals, same ``dispatch_uid``):

- links: ``base_url`` in the e-mail's context is the root URL of the Site the page belongs to
  (the override of ``wagtailadmin/notifications/base.txt`` in this app lets it win over the
  setting); an object of no clinic keeps the setting's host;
- a review task's "submitted" e-mail goes to the members of the task's groups (for a clinic,
  its reviewers) and nobody else, and the workflow-level "submitted" e-mail, which Wagtail sends
  to superusers only, is not sent for a clinic's page: the task's e-mail already reached the
  people who act on it.

Approval and rejection e-mails still go to the editor who asked (Wagtail's choice of recipient),
with the clinic's links.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Model, QuerySet
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import Page, Site, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from clinic_pages.home.sites import is_clinic_site


def site_of(obj: Model | None) -> Site | None:
    """The Site a workflow's object belongs to: a page's site, or a clinic-owned model's."""
    if isinstance(obj, Page):
        return obj.get_site()
    site_id = getattr(obj, "site_id", None)
    return Site.objects.filter(pk=site_id).first() if site_id is not None else None


def clinic_site_of(obj: Model | None) -> Site | None:
    site = site_of(obj)
    return site if site is not None and is_clinic_site(site) else None


class ClinicLinksMixin:
    """``base_url``: the object's own site, so every link in the e-mail opens on its host."""

    def get_context(self, instance, **kwargs):
        context = super().get_context(instance, **kwargs)
        site = site_of(context.get("object"))
        if site is not None:
            context["base_url"] = site.root_url
        return context


class TaskSubmissionNotifier(ClinicLinksMixin, GroupApprovalTaskStateSubmissionEmailNotifier):
    """A review task's "submitted": the task's groups only (never every superuser)."""

    def get_recipient_users(self, task_state: TaskState, **kwargs) -> QuerySet:
        members = get_user_model().objects.filter(groups__in=task_state.task.specific.groups.all())
        user = kwargs.get("user")
        if user is not None:
            members = members.exclude(pk=user.pk)
        return members.distinct()


class WorkflowSubmissionNotifier(ClinicLinksMixin, WorkflowStateSubmissionEmailNotifier):
    """A workflow's "submitted": Wagtail's superusers-only e-mail, except for a clinic's page."""

    def get_recipient_users(self, workflow_state: WorkflowState, **kwargs) -> QuerySet:
        if clinic_site_of(workflow_state.content_object) is not None:
            return get_user_model().objects.none()
        return super().get_recipient_users(workflow_state, **kwargs)


class ApprovalNotifier(ClinicLinksMixin, WorkflowStateApprovalEmailNotifier):
    pass


class RejectionNotifier(ClinicLinksMixin, WorkflowStateRejectionEmailNotifier):
    pass


# (signal, sender, Wagtail's dispatch_uid, notifier): wagtail.admin.signal_handlers.
NOTIFIERS = (
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmissionNotifier(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmissionNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        RejectionNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        ApprovalNotifier(),
    ),
)


def replace_wagtail_notifiers() -> None:
    """Put these notifiers in Wagtail's place, whichever app's ``ready()`` runs first.

    Taking Wagtail's ``dispatch_uid`` means a later connect of Wagtail's own is ignored.
    """
    for signal, sender, uid, notifier in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(notifier, sender=sender, dispatch_uid=uid)
