"""Admin additions every clinic page shares: discarding a draft (``core.drafts``)."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem

from clinic_pages.core.drafts import (
    DISCARD_ACTION,
    DiscardDraftView,
    has_discardable_draft,
    may_discard_draft,
)


@hooks.register("register_admin_urls")
def register_discard_draft_url():
    return [
        path(
            "pages/<int:page_id>/discard-draft/",
            DiscardDraftView.as_view(),
            name="clinic_pages_discard_draft",
        )
    ]


class DiscardDraftMenuItem(ActionMenuItem):
    """In the editor's action menu of a live page that has a draft."""

    label = _("Discard draft (back to live version)")
    name = "action-discard-draft"
    icon_name = "undo"

    def is_shown(self, context):
        if context["view"] != "edit" or context.get("locked_for_user"):
            return False
        page = context["page"]
        return has_discardable_draft(page) and may_discard_draft(page, context["request"].user)

    def get_url(self, context):
        return reverse("clinic_pages_discard_draft", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_discard_draft_menu_item():
    return DiscardDraftMenuItem(order=60)


@hooks.register("register_log_actions")
def register_discard_draft_log_action(actions):
    actions.register_action(DISCARD_ACTION, _("Discard draft"), _("Draft discarded"))
