"""Admin panels of the clinic settings."""

from __future__ import annotations

from django.utils.text import capfirst
from wagtail.admin.panels import FieldPanel


class GovernedFieldPanel(FieldPanel):
    """A governance field (``clinics.forms.GOVERNANCE_FIELDS``) that shows as read-only text to a
    user the form took it from.

    A disabled form field keeps its stored value, but a StreamField's editor would still let the
    user type into it, only for the change to be dropped; so ``ClinicSettingsForm`` removes such
    a field for anyone but the clinic's reviewers, and this panel shows them what it holds.
    """

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is not None and self.bound_field is None:
                self.read_only = True
                self.heading = self.panel.heading or capfirst(self.panel.db_field.verbose_name)
                notes = getattr(self.form, "governance_notes", [])
                self.help_text = " ".join(
                    [str(self.panel.help_text or capfirst(self.panel.db_field.help_text)), *notes]
                )
