"""Condition pages: plain-language descriptions, symptoms and causes, linked to treatments."""

from __future__ import annotations

from django.db import models
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from clinic_pages.clinics.pages import ClinicPage
from clinic_pages.core.blocks import LIMITED_RICH_TEXT, MedicalContentBlock
from clinic_pages.core.child_rows import child_lists
from clinic_pages.core.images import ImageSpecs, cards, figures
from clinic_pages.core.models import (
    PAGE_CARD_FIELDS,
    MedicalReviewMixin,
    fields_of,
)
from clinic_pages.core.pagination import paginate
from clinic_pages.core.preload import with_choices
from clinic_pages.core.visibility import public_pages

CONDITIONS_PER_PAGE = 24


class ConditionIndexPage(ClinicPage):
    """Lists the conditions the clinic treats; one per clinic."""

    template = "clinic_pages/conditions/condition_index_page.html"

    intro = RichTextField(
        features=LIMITED_RICH_TEXT, blank=True, help_text=_("Shown above the list.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["clinic_pages_home.HomePage"]
    subpage_types = ["clinic_pages_conditions.ConditionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("conditions index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        conditions = public_pages(ConditionPage.objects.child_of(self).live(), request)
        context["conditions"] = paginate(
            conditions.select_related("listing_image").only(*PAGE_CARD_FIELDS, "listing_image"),
            CONDITIONS_PER_PAGE,
            request.GET.get("page"),
        )
        return context

    def rendered_images(self, context) -> ImageSpecs:
        return [*super().rendered_images(context), *cards(context["conditions"])]


class ConditionPage(MedicalReviewMixin, ClinicPage):
    """A condition explained for patients, with the clinic's treatments for it."""

    template = "clinic_pages/conditions/condition_page.html"

    summary = models.TextField(
        max_length=600, help_text=_("What the condition is, in two or three plain sentences.")
    )
    alternate_names = models.CharField(
        max_length=200, blank=True, help_text=_("Other names or abbreviations, e.g. 'PHN'.")
    )
    body = StreamField(
        MedicalContentBlock(),
        blank=True,
        help_text=_("More about the condition: how it is diagnosed, outlook, evidence."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("alternate_names"),
        InlinePanel("symptoms", heading=_("Signs and symptoms"), label=_("Symptom")),
        InlinePanel("causes", heading=_("Causes and risk factors"), label=_("Cause")),
        FieldPanel("body"),
        *MedicalReviewMixin.review_panels,
    ]
    search_fields = [
        *ClinicPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("alternate_names"),
        index.SearchField("body"),
    ]
    parent_page_types = ["clinic_pages_conditions.ConditionIndexPage"]
    subpage_types: list[str] = []
    route_select_related = (*ClinicPage.route_select_related, "reviewed_by")

    class Meta:
        verbose_name = _("condition")

    # Read by the template and the JSON-LD alike: both lists in one query per render.
    @cached_property
    def _child_lists(self) -> dict[str, list]:
        """Symptoms, causes and the snippets the body chooses (references, questions)."""
        symptoms, causes = self.symptoms.all(), self.causes.all()
        if isinstance(symptoms, QuerySet) and isinstance(causes, QuerySet):
            return with_choices(self.body, {"symptoms": symptoms, "causes": causes})
        return child_lists(self, "symptoms", "causes")  # a preview's, in memory

    @property
    def symptom_list(self) -> list[ConditionSymptom]:
        return self._child_lists["symptoms"]

    @property
    def cause_list(self) -> list[ConditionCause]:
        return self._child_lists["causes"]

    @cached_property
    def treatments(self) -> list[Page]:
        """Live treatments that name this condition (the other side of the treatment link)."""
        links = (
            self.treatment_links.select_related("page", "page__listing_image")
            .only(
                "page_id",
                "condition_id",
                "page__listing_image",
                *fields_of("page", PAGE_CARD_FIELDS),
            )
            .order_by("page__path")
        )
        return [link.page for link in links if link.page.live]

    def get_context(self, request, *args, **kwargs):
        self._child_lists  # noqa: B018 -- the body's choices load with the lists, before rendering
        return super().get_context(request, *args, **kwargs)

    def rendered_images(self, context) -> ImageSpecs:
        return [*super().rendered_images(context), *cards(self.treatments), *figures(self.body)]


class ConditionSymptom(Orderable):
    page = ParentalKey(ConditionPage, on_delete=models.CASCADE, related_name="symptoms")
    name = models.CharField(max_length=160, help_text=_("e.g. 'Burning or stabbing pain'."))

    panels = [FieldPanel("name")]

    def __str__(self) -> str:
        return self.name


class ConditionCause(Orderable):
    page = ParentalKey(ConditionPage, on_delete=models.CASCADE, related_name="causes")
    name = models.CharField(
        max_length=160, help_text=_("e.g. 'Shingles (varicella-zoster virus)'.")
    )
    description = models.CharField(max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    def __str__(self) -> str:
        return self.name
