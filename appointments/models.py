"""The appointment page every call to action leads to."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.blocks import LIMITED_RICH_TEXT
from core.models import ClinicPage


class AppointmentPage(ClinicPage):
    """How to book: phone, offices with hours, and what to have ready; one per clinic."""

    intro = RichTextField(
        features=LIMITED_RICH_TEXT, help_text="What happens when a patient gets in touch."
    )
    what_to_bring = RichTextField(
        features=LIMITED_RICH_TEXT,
        blank=True,
        help_text="What to have ready for the first visit: referral, imaging, medication list.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("what_to_bring")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "appointment page"

    def get_context(self, request, *args, **kwargs):
        from clinics.models import Location

        context = super().get_context(request, *args, **kwargs)
        context["locations"] = Location.objects.for_site(self.get_site())
        return context
