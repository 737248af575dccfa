"""Dated articles (blog and news) written or reviewed by the clinic's physicians."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from clinic_pages.articles.related import related_articles
from clinic_pages.clinics.pages import ClinicPage
from clinic_pages.core.blocks import LIMITED_RICH_TEXT, ArticleContentBlock
from clinic_pages.core.images import ImageSpecs, cards, figures
from clinic_pages.core.models import PAGE_LINK_FIELDS, fields_of
from clinic_pages.core.pagination import paginate
from clinic_pages.core.visibility import public_pages

ARTICLES_PER_PAGE = 12


class ArticleIndexPage(ClinicPage):
    """The clinic's blog: newest articles first, paginated; one per clinic."""

    template = "clinic_pages/articles/article_index_page.html"

    intro = RichTextField(
        features=LIMITED_RICH_TEXT, blank=True, help_text=_("Shown above the list.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["clinic_pages_home.HomePage"]
    subpage_types = ["clinic_pages_articles.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("articles index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = public_pages(ArticlePage.objects.child_of(self).live(), request)
        context["articles"] = paginate(
            articles.select_related("author", "listing_image")
            .defer_streamfields()
            .order_by("-date", "-pk"),
            ARTICLES_PER_PAGE,
            request.GET.get("page"),
        )
        return context

    def rendered_images(self, context) -> ImageSpecs:
        return [*super().rendered_images(context), *cards(context["articles"])]


class ArticlePage(ClinicPage):
    """An article with its date, author physician and the treatments it is about."""

    template = "clinic_pages/articles/article_page.html"

    date = models.DateField(
        default=timezone.localdate, help_text=_("Publication date shown to readers.")
    )
    author = models.ForeignKey(
        "clinic_pages_physicians.PhysicianPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("The physician who wrote or reviewed the article."),
    )
    summary = models.TextField(max_length=600, help_text=_("What the article is about, in brief."))
    body = StreamField(ArticleContentBlock(), help_text=_("The article's text."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        PageChooserPanel("author", "clinic_pages_physicians.PhysicianPage"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel(
            "related_treatment_links", heading=_("Related treatments"), label=_("Treatment")
        ),
    ]
    search_fields = [
        *ClinicPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["clinic_pages_articles.ArticleIndexPage"]
    subpage_types: list[str] = []
    route_select_related = (*ClinicPage.route_select_related, "author")

    class Meta:
        verbose_name = _("article")

    @cached_property
    def related_treatments(self) -> list[Page]:
        return [
            link.treatment
            for link in self.related_treatment_links.select_related("treatment").only(
                "page_id", "sort_order", "treatment_id", *fields_of("treatment", PAGE_LINK_FIELDS)
            )
            if link.treatment.live
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_articles"] = related_articles(self, request)
        return context

    def rendered_images(self, context) -> ImageSpecs:
        # The share image (the listing image) is also the article's JSON-LD image.
        return [
            *super().rendered_images(context),
            *figures(self.body),
            *cards(context.get("related_articles") or ()),
        ]


class ArticleRelatedTreatment(Orderable):
    page = ParentalKey(
        ArticlePage, on_delete=models.CASCADE, related_name="related_treatment_links"
    )
    treatment = models.ForeignKey(
        "clinic_pages_treatments.TreatmentPage",
        on_delete=models.CASCADE,
        related_name="article_links",
    )

    panels = [PageChooserPanel("treatment")]
