"""Panels whose fields are left out of the reviewer's "compare versions" view.

A comparison should show what an editor changed in the content. The medical-review stamps are
set by the review workflow when a clinician approves, so every approved version would show
them as "changed" beside the real edits; they stay visible (read only) in the editor.
"""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel


class UncomparedFieldPanel(FieldPanel):
    """A field panel that takes no part in revision comparisons."""

    def get_comparison_class(self):
        return None
