"""A page chooser that links to adding a page of its type, in the clinic being edited.

Wagtail's page chooser can only pick pages that exist. A treatment's editor who needs a
condition the clinic has not written up yet would leave the page, find the conditions index,
add the condition and come back. This panel puts a link under the chooser to Wagtail's own
"add page" form, under the index of the clinic whose page is being edited (so the new page is
that clinic's, with its review workflow), in a new tab; back in the editor the new page can be
chosen. The link appears only to a user who may add pages there.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Page

CLINIC_HOME_DEPTH = 2  # clinic home pages sit directly under Wagtail's root


def _edited_page_path(instance, request) -> str | None:
    """The path of the page being edited (or, while creating one, of its parent)."""
    page = getattr(instance, "page", None) if not isinstance(instance, Page) else instance
    if page is not None and getattr(page, "path", None):
        return page.path
    match = getattr(request, "resolver_match", None)
    page_id = match and (match.kwargs.get("page_id") or match.kwargs.get("parent_page_id"))
    if page_id:
        return Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
    return None


def add_page_url(page_model: type[Page], instance, request) -> str:
    """Wagtail's "add page" URL for ``page_model`` in the edited page's clinic, or ""."""
    path = _edited_page_path(instance, request)
    parents = page_model.allowed_parent_page_models()
    if not path or len(path) < CLINIC_HOME_DEPTH * Page.steplen or not parents:
        return ""
    home_path = path[: CLINIC_HOME_DEPTH * Page.steplen]
    for parent_model in parents:
        index = (
            Page.objects.type(parent_model)
            .filter(path__startswith=home_path)
            .order_by("path")
            .first()
        )
        if index is not None and index.permissions_for_user(request.user).can_add_subpage():
            meta = page_model._meta
            return reverse(
                "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, index.pk]
            )
    return ""


class PageChooserWithAddPanel(PageChooserPanel):
    """``PageChooserPanel`` plus a link to add a page of the chosen type (see module)."""

    class BoundPanel(PageChooserPanel.BoundPanel):
        def render_html(self, parent_context=None):
            html = super().render_html(parent_context)
            model = self.panel.db_field.related_model
            url = add_page_url(model, self.instance, self.request)
            if not url:
                return html
            link = format_html(
                '<p class="help"><a href="{}" target="_blank" rel="noopener">{}'
                '<span class="w-sr-only"> {}</span></a></p>',
                url,
                _("Not in the list? Add a new %(type)s page") % {"type": model._meta.verbose_name},
                _("(opens in a new tab)"),
            )
            return html + link
