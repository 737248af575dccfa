"""The clinic home page: hero, featured treatments, conditions, physicians, articles, offices."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site

from clinic_pages.articles.models import ArticleIndexPage, ArticlePage
from clinic_pages.clinics.models import Location
from clinic_pages.clinics.pages import ClinicPage
from clinic_pages.conditions.models import ConditionIndexPage, ConditionPage
from clinic_pages.core.card_fallbacks import load_card_images
from clinic_pages.core.child_rows import with_children
from clinic_pages.core.generation import cached_for_live_page
from clinic_pages.core.images import (
    PORTRAIT_CARD,
    ImageSpecs,
    cards,
    load_image_fields,
)
from clinic_pages.core.themes import theme_spec
from clinic_pages.core.visibility import public_pages
from clinic_pages.home.notices import NoticeKind, language_taglines
from clinic_pages.home.offices import OfficeIndexPage  # noqa: F401  (a page type of this app)
from clinic_pages.physicians.models import PhysicianIndexPage, PhysicianPage
from clinic_pages.treatments.models import TreatmentIndexPage, TreatmentPage

# What the home page shows of each listing; each section links to its index for the rest.
FEATURED_TREATMENTS_COUNT = 6
CONDITIONS_COUNT = 12
PHYSICIANS_COUNT = 6
LATEST_ARTICLES_COUNT = 3


class HomePage(ClinicPage):
    """A clinic's home page; everything below the hero is drawn from the page tree."""

    template = "clinic_pages/home/home_page.html"

    hero_heading = models.CharField(
        max_length=120, help_text=_("The main message, e.g. 'Relief for nerve pain that lingers'.")
    )
    hero_text = models.TextField(
        max_length=400, help_text=_("One or two sentences under the heading.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide, calm photo or illustration (decorative; it gets no alt text)."),
    )
    welcome = models.TextField(
        max_length=1200, blank=True, help_text=_("A short paragraph introducing the practice.")
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("welcome"),
        InlinePanel(
            "featured_treatment_links",
            heading=_("Featured treatments"),
            label=_("Treatment"),
            max_num=6,
            help_text=_("Leave empty to show the first treatments of the treatments index."),
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
        "clinic_pages_stories.PatientStoriesPage",
        "clinic_pages_home.NoticePage",
        "clinic_pages_home.OfficeIndexPage",
    ]

    class Meta:
        verbose_name = _("clinic home page")

    def featured_treatments(self, request) -> list[TreatmentPage]:
        """The treatments editors chose, else the first of the treatments index."""
        links = self.featured_treatment_links.filter(treatment__live=True)
        chosen = [
            link.treatment
            for link in public_pages(links, request, "treatment__path")
            .select_related("treatment", "treatment__listing_image")
            .defer("treatment__body")[:FEATURED_TREATMENTS_COUNT]
        ]
        if chosen:
            return chosen
        return list(
            self._live_public(TreatmentPage, request)
            .select_related("listing_image")
            .defer_streamfields()[:FEATURED_TREATMENTS_COUNT]
        )

    def _live_public(self, model, request):
        return public_pages(model.objects.descendant_of(self).live(), request)

    def section_urls(self, request) -> dict[str, str]:
        """Where each listing's "See all" link leads: the index pages below the home page."""
        sections = self.routed_sections()
        if sections is None:
            sections = list(public_pages(self.get_children().live(), request))
        kinds = {
            TreatmentIndexPage: "treatments",
            ConditionIndexPage: "conditions",
            PhysicianIndexPage: "physicians",
            ArticleIndexPage: "articles",
        }
        urls: dict[str, str] = {}
        for section in sections:
            kind = kinds.get(section.specific_class)
            if kind and kind not in urls:
                urls[kind] = section.get_url(request) or ""
        return urls

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        load_image_fields(self, "hero_image", "listing_image")
        context["section_urls"] = self.section_urls(request)
        site = Site.find_for_request(request) or self.get_site()
        context |= cached_for_live_page(
            self, site.pk, "home-listings", lambda: self.listings(request, site), request
        )
        return context

    def listings(self, request, site: Site) -> dict[str, list]:
        """What the home page lists: the same for every visitor until one of them changes."""
        # Links only: the base page's title and URL are all the list shows.
        conditions = Page.objects.descendant_of(self).live().type(ConditionPage)
        featured = self.featured_treatments(request)
        articles = list(
            self._live_public(ArticlePage, request)
            .select_related("author", "listing_image")
            .defer_streamfields()
            .order_by("-date", "-pk")[:LATEST_ARTICLES_COUNT]
        )
        load_card_images([*featured, *articles])  # kept with them: the cards' fallback images
        return {
            "featured_treatments": featured,
            "conditions": list(
                public_pages(conditions, request).order_by("path")[:CONDITIONS_COUNT]
            ),
            "physicians": list(
                self._live_public(PhysicianPage, request)
                .select_related("photo")
                .order_by("path")[:PHYSICIANS_COUNT]
            ),
            "latest_articles": articles,
            # The offices and their opening hours in one query; the footer reuses them.
            "locations": with_children(Location.objects.filter(site=site), "hours"),
        }

    def rendered_images(self, context) -> ImageSpecs:
        return [
            *super().rendered_images(context),
            # The hero's crops depend on the clinic's theme (home/hero.html).
            *self.hero_images(context.get("clinic_settings")),
            *cards(context["featured_treatments"]),
            *cards(context["physicians"], "photo", PORTRAIT_CARD),
            *cards(context["latest_articles"]),
        ]

    def hero_images(self, clinic) -> ImageSpecs:
        theme = theme_spec(getattr(clinic, "theme", None))
        return [(self.hero_image, theme.hero_wide), (self.hero_image, theme.hero_narrow)]


class HomeFeaturedTreatment(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_treatment_links")
    treatment = models.ForeignKey(
        "clinic_pages_treatments.TreatmentPage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("treatment")]


# Notices run long (a Notice of Privacy Practices has many parts): headings and lists.
NOTICE_RICH_TEXT = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class NoticePage(ClinicPage):
    """A notice linked from every footer: Notice of Privacy Practices, non-discrimination with
    language-assistance taglines, the accessibility statement. Onboarding creates drafts for
    the clinic to complete."""

    template = "clinic_pages/home/notice_page.html"
    is_site_notice = True  # linked from the footer (core.outline)

    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    body = RichTextField(features=NOTICE_RICH_TEXT)
    last_updated = models.DateField(
        default=timezone.localdate, help_text=_("Shown to readers; change it with the text.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("body"),
        FieldPanel("last_updated"),
    ]
    parent_page_types = ["clinic_pages_home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("notice")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.kind == NoticeKind.NONDISCRIMINATION:
            context["taglines"] = language_taglines()
        return context
