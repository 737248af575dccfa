"""Patient stories, each kept with the written consent that allows it to be shown.

A story is a row of the clinic's one stories page, so it is written, reviewed and published like
every page (the clinic's page permissions and clinical review apply). A row cannot be saved
without the consent behind it: the date the patient signed, what they agreed to, and their
approval of the exact text. Beside each story visitors see any material connection (the FTC's
Endorsement Guides, 16 CFR Part 255, and its rule on reviews, Part 465: free care, payment,
employment) and, where a clinician judges it so, that the result is not typical. When consent
expires the story stops showing that day, with no editor involved. No review or rating markup
is emitted: search engines treat a business's own testimonials as self-serving.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from clinic_pages.clinics.pages import ClinicPage
from clinic_pages.core.blocks import LIMITED_RICH_TEXT


class MaterialConnection(models.TextChoices):
    NONE = "none", _("None: the patient paid as usual and has no tie to the clinic")
    FREE_CARE = "free_care", _("Received free or discounted care")
    PAYMENT = "payment", _("Was paid or given something of value for the story")
    STAFF = "staff", _("Works for the clinic or is related to someone who does")
    OTHER = "other", _("Another connection (described below)")


# What visitors read beside a story, for each connection the clinic records.
CONNECTION_DISCLOSURES = {
    MaterialConnection.FREE_CARE: _("This patient received free or discounted care."),
    MaterialConnection.PAYMENT: _("This patient was paid or given something of value."),
    MaterialConnection.STAFF: _("This patient works for the clinic or is related to staff."),
}


class PatientStoriesPage(ClinicPage):
    """The clinic's patient stories: each shown only while its written consent holds."""

    template = "clinic_pages/stories/patient_stories_page.html"

    intro = RichTextField(
        features=LIMITED_RICH_TEXT, blank=True, help_text=_("Shown above the stories.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("stories", heading=_("Stories"), label=_("Story")),
    ]
    parent_page_types = ["clinic_pages_home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("patient stories page")

    @cached_property
    def _story_rows(self) -> list[PatientStory]:
        """Every row with its treatment, read once per render (the list and its expiry)."""
        rows = self.stories.all()
        if isinstance(rows, QuerySet):  # a preview's rows are in memory
            rows = rows.select_related("treatment")
        return list(rows)

    def stories_shown_on(self, day: datetime.date) -> list[PatientStory]:
        return [story for story in self._story_rows if story.is_shown_on(day)]

    def content_expires_at(self) -> datetime.datetime | None:
        """Midnight after the first consent that ends: the page changes then with no edit."""
        today = timezone.localdate()
        ends = [
            story.consent_expires_on
            for story in self._story_rows
            if story.consent_expires_on and story.consent_expires_on >= today
        ]
        if not ends:
            return None
        day_after = min(ends) + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(day_after, datetime.time.min))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = self.stories_shown_on(timezone.localdate())
        return context


class PatientStory(Orderable):
    """One patient's story, as they approved it, with the consent that lets the clinic show it."""

    page = ParentalKey(PatientStoriesPage, on_delete=models.CASCADE, related_name="stories")
    shown_name = models.CharField(
        _("name shown"),
        max_length=60,
        help_text=_(
            "Only what the patient agreed to, e.g. 'Maria, 54' or 'A patient from Evanston'."
        ),
    )
    story = models.TextField(
        max_length=1500,
        help_text=_("Exactly the text the patient approved, with no health details beyond it."),
    )
    treatment = models.ForeignKey(
        "clinic_pages_treatments.TreatmentPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The treatment the story is about, if the patient agreed to name it."),
    )
    consent_recorded_on = models.DateField(
        _("written consent signed on"), help_text=_("Keep the signed form in the patient's file.")
    )
    consent_scope = models.CharField(
        _("what the patient agreed to"),
        max_length=200,
        help_text=_("e.g. 'This text, first name and age, on the clinic's website only'."),
    )
    consent_expires_on = models.DateField(
        _("consent ends on"),
        null=True,
        blank=True,
        help_text=_("From the day after, the story is no longer shown. Leave empty if open-ended."),
    )
    text_approved = models.BooleanField(
        _("the patient approved this exact text"),
        default=False,
        help_text=_("Required: a story is shown only in the words the patient approved."),
    )
    material_connection = models.CharField(
        max_length=20,
        choices=MaterialConnection.choices,
        help_text=_("Shown beside the story, as the FTC's rules on endorsements require."),
    )
    connection_details = models.CharField(
        max_length=200, blank=True, help_text=_("Describe any other connection; shown as written.")
    )
    results_not_typical = models.BooleanField(
        _("a clinician judges this result not typical"),
        default=False,
        help_text=_("Shows 'This result is not typical' beside the story."),
    )

    panels = [
        FieldRowPanel([FieldPanel("shown_name"), FieldPanel("treatment")]),
        FieldPanel("story"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("consent_recorded_on"), FieldPanel("consent_expires_on")]
                ),
                FieldPanel("consent_scope"),
                FieldPanel("text_approved"),
            ],
            heading=_("Written consent"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("material_connection"),
                FieldPanel("connection_details"),
                FieldPanel("results_not_typical"),
            ],
            heading=_("Disclosures"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("patient story")

    def __str__(self) -> str:
        return self.shown_name

    def clean(self) -> None:
        errors: dict[str, str] = {}
        today = timezone.localdate()
        if not self.text_approved:
            errors["text_approved"] = _("A story is shown only once the patient approved its text.")
        if self.consent_recorded_on and self.consent_recorded_on > today:
            errors["consent_recorded_on"] = _("Consent cannot be signed in the future.")
        if (
            self.consent_recorded_on
            and self.consent_expires_on
            and self.consent_expires_on < self.consent_recorded_on
        ):
            errors["consent_expires_on"] = _("Consent cannot end before it was given.")
        if self.material_connection == MaterialConnection.OTHER and not self.connection_details:
            errors["connection_details"] = _("Describe the connection: visitors see it.")
        if errors:
            raise ValidationError(errors)

    def is_shown_on(self, day: datetime.date) -> bool:
        return (
            self.text_approved
            and self.consent_recorded_on <= day
            and (self.consent_expires_on is None or day <= self.consent_expires_on)
        )

    @property
    def disclosures(self) -> list[str]:
        """What visitors read beside the story, in plain words."""
        lines = []
        if self.material_connection == MaterialConnection.OTHER:
            lines.append(self.connection_details)
        elif self.material_connection in CONNECTION_DISCLOSURES:
            lines.append(str(CONNECTION_DISCLOSURES[self.material_connection]))
        if self.results_not_typical:
            lines.append(str(_("This result is not typical. Results vary from person to person.")))
        return lines
