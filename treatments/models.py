"""Treatment overview pages and their structured relations (conditions, references, status)."""

from __future__ import annotations

from django.db import models
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from clinic_pages.clinics.chooser_panels import PageChooserWithAddPanel
from clinic_pages.clinics.models import Location
from clinic_pages.clinics.pages import ClinicPage
from clinic_pages.core.blocks import LIMITED_RICH_TEXT, MedicalContentBlock
from clinic_pages.core.card_fallbacks import load_card_images
from clinic_pages.core.child_rows import rows_together
from clinic_pages.core.generation import cached_for_live_page
from clinic_pages.core.images import ImageSpecs, cards, figures
from clinic_pages.core.models import (
    PAGE_CARD_FIELDS,
    PAGE_LINK_FIELDS,
    MedicalReviewMixin,
    fields_of,
)
from clinic_pages.core.pagination import paginate
from clinic_pages.core.preload import preloadable_choices
from clinic_pages.core.visibility import public_pages
from clinic_pages.references.citations import ReferenceList
from clinic_pages.references.models import Reference
from clinic_pages.references.preload import listed_and_cited, numbered, page_references
from clinic_pages.treatments.page_lists import (
    TreatmentLists,
    lists_available,
    treatment_page_lists,
)

TREATMENTS_PER_PAGE = 12
# The parts of TreatmentPage._body_rows that are the page's own, not objects its body chooses.
BODY_OWN_ROWS = ("references", "regulatory", "offices")


class TreatmentIndexPage(ClinicPage):
    """Lists the clinic's treatments in the order editors arrange them (the treatment series)."""

    template = "clinic_pages/treatments/treatment_index_page.html"

    intro = RichTextField(
        features=LIMITED_RICH_TEXT, blank=True, help_text=_("Shown above the list.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["clinic_pages_home.HomePage"]
    subpage_types = ["clinic_pages_treatments.TreatmentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("treatments index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        treatments = public_pages(TreatmentPage.objects.child_of(self).live(), request)
        context["treatments"] = paginate(
            treatments.select_related("listing_image").only(*PAGE_CARD_FIELDS, "listing_image"),
            TREATMENTS_PER_PAGE,
            request.GET.get("page"),
        )
        return context

    def rendered_images(self, context) -> ImageSpecs:
        return [*super().rendered_images(context), *cards(context["treatments"])]


class TreatmentPage(MedicalReviewMixin, ClinicPage):
    """A treatment overview: what it is, how it works, evidence, risks, protocol and FAQs."""

    template = "clinic_pages/treatments/treatment_page.html"

    summary = models.TextField(
        max_length=600,
        help_text=_("Two or three sentences that say what the treatment is and for whom."),
    )
    alternate_names = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Other names patients search for, separated by commas."),
    )
    body = StreamField(
        MedicalContentBlock(),
        help_text=_(
            "Build the page from sections, key facts, protocol, evidence, risks, myths, FAQs."
        ),
    )
    show_default_cta = models.BooleanField(
        default=True, help_text=_("Show the clinic's appointment call to action at the end.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("alternate_names"),
        InlinePanel("condition_links", heading=_("Conditions it treats"), label=_("Condition")),
        InlinePanel(
            "regulatory_statuses",
            heading=_("Regulatory status"),
            label=_("Status"),
            help_text=_("For example FDA-approved as an anesthetic; off-label for chronic pain."),
        ),
        FieldPanel("body"),
        InlinePanel(
            "reference_links",
            heading=_("References"),
            label=_("Reference"),
            help_text=_(
                "The numbered reference list. Sources cited in evidence blocks are added "
                "automatically."
            ),
        ),
        InlinePanel("related_links", heading=_("Related treatments"), label=_("Treatment")),
        FieldPanel("show_default_cta"),
        *MedicalReviewMixin.review_panels,
    ]
    search_fields = [
        *ClinicPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("alternate_names"),
        index.SearchField("body"),
    ]
    parent_page_types = ["clinic_pages_treatments.TreatmentIndexPage"]
    subpage_types: list[str] = []
    route_select_related = (*ClinicPage.route_select_related, "reviewed_by")

    class Meta:
        verbose_name = _("treatment")

    @cached_property
    def _body_rows(self) -> dict[str, list] | None:
        """Its references (listed and cited), the other snippets its body chooses (questions),
        its regulatory statuses and, when served, the clinic's offices for the footer, in one
        query; None for a preview's in-memory links."""
        links, statuses = self.reference_links.all(), self.regulatory_statuses.all()
        if not (isinstance(links, QuerySet) and isinstance(statuses, QuerySet)):
            return None
        chosen = preloadable_choices(self.body)
        parts = {
            "references": listed_and_cited(links, chosen.pop(Reference, [])),
            "regulatory": statuses,
        }
        if self._served_site_id is not None:
            parts["offices"] = Location.objects.filter(site_id=self._served_site_id)
        parts |= {
            model._meta.label: model.objects.filter(pk__in=ids) for model, ids in chosen.items()
        }
        return rows_together(parts)

    @cached_property
    def regulatory_status_list(self) -> list[TreatmentRegulatoryStatus]:
        """Read by the template and the JSON-LD alike."""
        if self._body_rows is not None:
            return self._body_rows["regulatory"]
        return list(self.regulatory_statuses.all())

    @cached_property
    def conditions(self) -> list[Page]:
        if self._page_lists is not None:
            return self._page_lists.conditions
        return [
            link.condition
            for link in self.condition_links.select_related("condition").only(
                "page_id", "sort_order", "condition_id", *fields_of("condition", PAGE_LINK_FIELDS)
            )
            if link.condition.live
        ]

    @cached_property
    def references(self) -> ReferenceList:
        """Numbered references: the listed ones first, then any cited only in the body."""
        rows = self._body_rows
        if rows is None:
            return page_references(self.reference_links, self.body)
        chosen = [row for name, part in rows.items() if name not in BODY_OWN_ROWS for row in part]
        return numbered(rows["references"], self.body, also=chosen)

    @cached_property
    def related_treatments(self) -> list[Page]:
        if self._page_lists is not None:
            return self._page_lists.related
        return [
            link.treatment
            for link in self.related_links.select_related(
                "treatment", "treatment__listing_image"
            ).only(
                "page_id",
                "sort_order",
                "treatment_id",
                "treatment__listing_image",
                *fields_of("treatment", PAGE_CARD_FIELDS),
            )
            if link.treatment.live
        ]

    def series_neighbours(self, request) -> tuple[Page | None, Page | None]:
        """Previous and next treatment in the clinic's series (the index's page order)."""
        if self._page_lists is not None:
            return self._page_lists.previous, self._page_lists.following
        siblings = list(
            public_pages(TreatmentPage.objects.sibling_of(self).live(), request)
            .only(*PAGE_LINK_FIELDS)
            .order_by("path")
        )
        ids = [page.id for page in siblings]
        if self.id not in ids:
            return None, None
        position = ids.index(self.id)
        previous = siblings[position - 1] if position > 0 else None
        following = siblings[position + 1] if position + 1 < len(siblings) else None
        return previous, following

    @cached_property
    def physicians(self) -> list[Page]:
        """Physicians of this clinic who offer the treatment."""
        if self._page_lists is not None:
            return self._page_lists.physicians
        return [
            link.page
            for link in self.physician_links.select_related("page").order_by("sort_order")
            if link.page.live
        ]

    # The linked pages of a served page, loaded together by get_context (treatments.page_lists).
    _page_lists: TreatmentLists | None = None
    # The Site it is served on, whose offices the footer shows (loaded with _body_rows).
    _served_site_id: int | None = None

    def _loaded_page_lists(self, request) -> TreatmentLists:
        lists = treatment_page_lists(self, request)
        load_card_images(lists.related)  # kept with them: the cards' fallback images
        return lists

    def get_context(self, request, *args, **kwargs):
        site = Site.find_for_request(request)
        self._served_site_id = site.pk if site is not None else None
        if lists_available(self):
            self._page_lists, self.__dict__["_body_rows"] = cached_for_live_page(
                self,
                self._served_site_id,
                "treatment-rows",
                lambda: (self._loaded_page_lists(request), self._body_rows),
                request,
            )
        context = super().get_context(request, *args, **kwargs)
        context["reference_numbers"] = self.references.numbers
        if self._body_rows is not None and "offices" in self._body_rows:
            context["footer_offices"] = self._body_rows["offices"]
        context["previous_treatment"], context["next_treatment"] = self.series_neighbours(request)
        return context

    def rendered_images(self, context) -> ImageSpecs:
        return [
            *super().rendered_images(context),
            *cards(self.related_treatments),
            *figures(self.body),
        ]


class TreatmentCondition(Orderable):
    """Links a treatment to a condition it is used for; read from both pages."""

    page = ParentalKey(TreatmentPage, on_delete=models.CASCADE, related_name="condition_links")
    condition = models.ForeignKey(
        "clinic_pages_conditions.ConditionPage",
        on_delete=models.CASCADE,
        related_name="treatment_links",
    )

    # With a link to add a condition page when the one wanted is not there yet.
    panels = [PageChooserWithAddPanel("condition")]


class TreatmentRegulatoryStatus(Orderable):
    """One regulatory fact, e.g. 'FDA-approved: anesthesia' or 'Off-label: chronic pain'."""

    STATUS_CHOICES = [
        ("approved", "FDA-approved"),
        ("off_label", "Off-label use"),
        ("investigational", "Investigational"),
        ("cleared", "FDA-cleared device"),
        ("not_regulated", "Not regulated as a drug or device"),
    ]
    page = ParentalKey(TreatmentPage, on_delete=models.CASCADE, related_name="regulatory_statuses")
    status = models.CharField(max_length=20, choices=STATUS_CHOICES)
    indication = models.CharField(
        max_length=200, help_text=_("For what, e.g. 'general anesthesia' or 'chronic pain'.")
    )
    note = models.CharField(
        max_length=300, blank=True, help_text=_("e.g. 'Insurance coverage varies.'")
    )

    panels = [FieldPanel("status"), FieldPanel("indication"), FieldPanel("note")]

    def __str__(self) -> str:
        return f"{self.get_status_display()}: {self.indication}"


class TreatmentReference(Orderable):
    page = ParentalKey(TreatmentPage, on_delete=models.CASCADE, related_name="reference_links")
    reference = models.ForeignKey(
        "clinic_pages_references.Reference",
        on_delete=models.CASCADE,
        related_name="treatment_links",
    )

    panels = [FieldPanel("reference")]


class RelatedTreatment(Orderable):
    page = ParentalKey(TreatmentPage, on_delete=models.CASCADE, related_name="related_links")
    treatment = models.ForeignKey(TreatmentPage, on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("treatment")]
