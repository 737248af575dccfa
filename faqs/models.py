"""Reusable questions and answers per clinic, and the FAQ page that groups them by topic."""

from __future__ import annotations

from itertools import groupby

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    Page,
    PreviewableMixin,
    RevisionMixin,
    Site,
)
from wagtail.search import index

from clinic_pages.clinics.admin_scoping import ClinicOwnedForm
from clinic_pages.clinics.languages import default_language, language_choices
from clinic_pages.clinics.pages import ClinicPage
from clinic_pages.core.blocks import LIMITED_RICH_TEXT
from clinic_pages.core.generation import bumps_site_generation
from clinic_pages.core.models import MedicalReviewMixin
from clinic_pages.core.preload import PreloadingQuerySet


@bumps_site_generation(lambda question: [question.site_id])
class Question(DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    """One question and its answer, written once and shown on the FAQ page and treatment pages.

    Answers are medical content, so they have drafts, revisions and a preview: an edit reaches
    visitors only when it is published.
    """

    base_form_class = ClinicOwnedForm

    site = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="faq_questions",
        help_text=_("The clinic this question belongs to."),
    )
    topic = models.CharField(
        max_length=80,
        help_text=_("Questions are grouped by topic on the FAQ page, e.g. 'Ketamine'."),
    )
    question = models.CharField(max_length=250, help_text=_("As a patient would ask it."))
    # A question is written in one language and listed on the FAQ page of that language only
    # (docs/i18n.md); a page's FAQ block shows the questions its editor chose.
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=language_choices,
        default=default_language,
        help_text=_("The language the question and answer are written in."),
    )
    answer = RichTextField(features=LIMITED_RICH_TEXT, help_text=_("A short, direct answer."))
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Lower numbers come first within a topic.")
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="faq_question")

    # Questions chosen in a page's body load with its other rows (clinic_pages.core.preload).
    objects = PreloadingQuerySet.as_manager()

    panels = [
        FieldPanel("site"),
        FieldPanel("topic"),
        FieldPanel("language"),
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("question"),
        index.SearchField("answer"),
        index.AutocompleteField("question"),
        index.FilterField("site_id"),
        index.FilterField("language"),
        index.FilterField("live"),  # the site search finds published answers only
    ]

    class Meta:
        ordering = ["topic", "sort_order", "question"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "question"], name="unique_faq_question_per_clinic"
            )
        ]

    def __str__(self) -> str:
        return self.question

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "clinic_pages/faqs/previews/question.html"


class FAQPage(MedicalReviewMixin, ClinicPage):
    """The clinic's FAQ page: all its questions, grouped by topic; one per clinic."""

    template = "clinic_pages/faqs/faq_page.html"

    intro = RichTextField(
        features=LIMITED_RICH_TEXT, blank=True, help_text=_("Shown above the questions.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), *MedicalReviewMixin.review_panels]
    parent_page_types = ["clinic_pages_home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("FAQ page")

    def topics(self, site: Site) -> list[tuple[str, list[Question]]]:
        """The clinic's published questions in this page's language, grouped by topic."""
        # The page's language as a subquery: no query of its own for the page's locale.
        language = Locale.objects.filter(pk=self.locale_id).values("language_code")
        questions = Question.objects.filter(
            site=site, live=True, language=Subquery(language[:1])
        ).order_by("topic", "sort_order", "question")
        return [(topic, list(items)) for topic, items in groupby(questions, key=lambda q: q.topic)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The request's site is known without a query; Page.get_site() looks it up again.
        context["topics"] = self.topics(Site.find_for_request(request) or self.get_site())
        return context
