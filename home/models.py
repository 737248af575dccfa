"""The clinic home page: hero, featured treatments, conditions, physicians, articles, offices."""

from __future__ import annotations

from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable, Page

from clinic_pages.articles.models import ArticlePage
from clinic_pages.clinics.models import Location
from clinic_pages.clinics.pages import ClinicPage
from clinic_pages.conditions.models import ConditionPage
from clinic_pages.physicians.models import PhysicianPage
from clinic_pages.treatments.models import TreatmentPage

FEATURED_FALLBACK_COUNT = 6
LATEST_ARTICLES_COUNT = 3


class HomePage(ClinicPage):
    """A clinic's home page; everything below the hero is drawn from the page tree."""

    template = "clinic_pages/home/home_page.html"

    hero_heading = models.CharField(
        max_length=120, help_text="The main message, e.g. 'Relief for nerve pain that lingers'."
    )
    hero_text = models.TextField(
        max_length=400, help_text="One or two sentences under the heading."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide, calm photo or illustration (decorative; it gets no alt text).",
    )
    welcome = models.TextField(
        max_length=1200, blank=True, help_text="A short paragraph introducing the practice."
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading="Hero",
        ),
        FieldPanel("welcome"),
        InlinePanel(
            "featured_treatment_links",
            heading="Featured treatments",
            label="Treatment",
            max_num=6,
            help_text="Leave empty to show the first treatments of the treatments index.",
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "clinic_pages_treatments.TreatmentIndexPage",
        "clinic_pages_conditions.ConditionIndexPage",
        "clinic_pages_physicians.PhysicianIndexPage",
        "clinic_pages_faqs.FAQPage",
        "clinic_pages_articles.ArticleIndexPage",
        "clinic_pages_appointments.AppointmentPage",
    ]

    class Meta:
        verbose_name = "clinic home page"

    @cached_property
    def featured_treatments(self) -> list[TreatmentPage]:
        chosen = [
            link.treatment
            for link in self.featured_treatment_links.select_related(
                "treatment", "treatment__listing_image"
            )
            if link.treatment.live
        ]
        if chosen:
            return chosen
        return list(
            TreatmentPage.objects.descendant_of(self)
            .live()
            .public()
            .select_related("listing_image")[:FEATURED_FALLBACK_COUNT]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conditions"] = ConditionPage.objects.descendant_of(self).live().public()
        context["physicians"] = (
            PhysicianPage.objects.descendant_of(self).live().public().select_related("photo")
        )
        context["latest_articles"] = (
            ArticlePage.objects.descendant_of(self)
            .live()
            .public()
            .select_related("author")
            .order_by("-date", "-pk")[:LATEST_ARTICLES_COUNT]
        )
        context["locations"] = Location.objects.for_site(self.get_site())
        return context


class HomeFeaturedTreatment(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_treatment_links")
    treatment = models.ForeignKey(
        "clinic_pages_treatments.TreatmentPage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("treatment")]
