"""Discard a live page's draft: the page goes back to its live version for editors too.

Wagtail keeps every draft as a revision and offers "Review this version" on older ones, but
bringing the live version back that way saves yet another draft, and the page stays marked as
having unpublished changes. Discarding makes the live revision the latest again: the editor's
form opens on what visitors see, the draft stays in the history, a review of it in progress is
cancelled and a publication scheduled from it is called off. Visitors see no change, so the
content generation is left alone.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import Page

DISCARD_ACTION = "clinic_pages.discard_draft"


def has_discardable_draft(page: Page) -> bool:
    return bool(page.live and page.has_unpublished_changes and page.live_revision_id)


def may_discard_draft(page: Page, user) -> bool:
    """Anyone who may edit the page, unless someone else holds its lock."""
    lock = page.get_lock()
    return page.permissions_for_user(user).can_edit() and not (lock and lock.for_user(user))


def discard_draft(page: Page, user) -> None:
    """Make the live revision the page's latest again (``has_discardable_draft`` must hold)."""
    with transaction.atomic():
        workflow_state = page.current_workflow_state
        if workflow_state is not None:
            workflow_state.cancel(user=user)
        page.revisions.exclude(pk=page.live_revision_id).filter(
            approved_go_live_at__isnull=False
        ).update(approved_go_live_at=None)
        page.latest_revision_id = page.live_revision_id
        page.has_unpublished_changes = False
        page.draft_title = page.title
        page.save(
            update_fields=["latest_revision", "has_unpublished_changes", "draft_title"],
            clean=False,
        )
        log(instance=page, action=DISCARD_ACTION, user=user, revision=page.live_revision)


class DiscardDraftView(WagtailAdminTemplateMixin, TemplateView):
    """Asks first (GET), then discards (POST) and opens the editor on the live version."""

    template_name = "clinic_pages/core/admin/discard_draft.html"
    page_title = gettext_lazy("Discard draft")
    header_icon = "doc-empty-inverse"

    def dispatch(self, request, page_id: int):
        self.page = get_object_or_404(Page, pk=page_id).specific_deferred
        if not may_discard_draft(self.page, request.user):
            raise PermissionDenied
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        if not has_discardable_draft(self.page):
            messages.info(request, _("This page has no draft to discard."))
            return redirect(self.edit_url)
        return super().dispatch(request, page_id=page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "page": self.page, "edit_url": self.edit_url}

    def post(self, request, page_id: int):
        discard_draft(self.page, request.user)
        messages.success(
            request,
            _("The draft of '%(title)s' was discarded; the live version is back.")
            % {"title": self.page.get_admin_display_title()},
        )
        return redirect(self.edit_url)
