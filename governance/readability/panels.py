"""The 'Readability' tab of the page editor: the reading grade of the page's latest revision."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, Panel

from clinic_pages.governance.readability.assessment import assess, is_readable_type


class ReadabilityPanel(Panel):
    """Shows the grade, the clinic's target, a verdict, the longest sentences and hardest words.

    Computed in the admin only, when the editor opens (or re-renders) the page's form: from the
    saved latest revision, so it tells what the editor last saved, never half-typed changes.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "clinic_pages/governance/readability/panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            if page.pk is None:
                context["readability"] = None
                return context
            if self.form is not None and self.form.is_bound:
                # A form shown again with errors carries the posted, unsaved values.
                page = page.get_latest_revision_as_object()
            context["readability"] = assess(page)
            return context


def readability_tabs(page_class: type) -> list[Panel]:
    """The tab for the page types patients read (core.editor_tabs hook)."""
    if not is_readable_type(page_class):
        return []
    return [ObjectList([ReadabilityPanel(heading=_("Reading level"))], heading=_("Readability"))]
