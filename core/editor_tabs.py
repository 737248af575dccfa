"""Editor tabs that apps above the page types add to the clinic pages' editor.

The page types sit below the apps that consume them (governance reads every page type), so they
cannot import those apps' panels. Instead a consumer registers a function under the Wagtail hook
``EDITOR_TABS_HOOK``; it is called with each page class and returns the tabs (``ObjectList``
panels) to add after the page's own, or an empty list.
"""

from __future__ import annotations

from wagtail import hooks
from wagtail.admin.panels import Panel, TabbedInterface
from wagtail.utils.decorators import cached_classmethod

EDITOR_TABS_HOOK = "clinic_pages_editor_tabs"


def registered_tabs(page_class: type) -> list[Panel]:
    return [tab for tabs_for in hooks.get_hooks(EDITOR_TABS_HOOK) for tab in tabs_for(page_class)]


class EditorTabsMixin:
    """Adds the tabs registered under ``EDITOR_TABS_HOOK`` to Wagtail's edit handler."""

    @cached_classmethod
    def get_edit_handler(cls):
        # Wagtail's handler for the class: its Content, Promote and Settings tabs, bound.
        handler = super().get_edit_handler()
        extra = registered_tabs(cls)
        if not extra or not isinstance(handler, TabbedInterface):
            return handler
        return TabbedInterface(
            [*handler.children, *extra], base_form_class=handler.base_form_class
        ).bind_to_model(cls)
