"""A page's reading grade against its clinic's target, in words an editor can act on."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from clinic_pages.articles.models import ArticlePage
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.conditions.models import ConditionPage
from clinic_pages.faqs.models import FAQPage
from clinic_pages.governance.readability.scoring import (
    MIN_WORDS,
    Readability,
    is_supported,
    readability,
)
from clinic_pages.governance.readability.text import page_segments
from clinic_pages.home.models import HomePage
from clinic_pages.physicians.models import PhysicianPage
from clinic_pages.treatments.models import TreatmentPage

# The page types patients read from top to bottom; index and booking pages are mostly lists.
READABLE_PAGE_TYPES: tuple[type[Page], ...] = (
    HomePage,
    TreatmentPage,
    ConditionPage,
    FAQPage,
    ArticlePage,
    PhysicianPage,
)
DEFAULT_TARGET = 8


def is_readable_type(page_class: type) -> bool:
    return issubclass(page_class, READABLE_PAGE_TYPES)


def target_grade(site: Site | None) -> int:
    if site is None:
        return DEFAULT_TARGET
    return ClinicSettings.for_site(site).reading_grade_target


def page_language(page: Page) -> str:
    """The language of the page's Wagtail locale ("en" when it has none yet)."""
    locale = page.locale if page.locale_id else None
    return locale.language_code if locale is not None else "en"


@dataclass
class PageReadability:
    """The reading grade of one version of a page, and how it compares with the target."""

    page: Page
    target: int
    language: str
    site: Site | None = None  # the clinic, where a listing of several clinics needs it

    @cached_property
    def result(self) -> Readability | None:
        return readability(page_segments(self.page), self.language)

    @property
    def grade(self) -> float | None:
        return self.result.grade if self.result else None

    @property
    def is_above_target(self) -> bool:
        return self.result is not None and self.result.grade > self.target

    @property
    def verdict(self) -> str:
        if not is_supported(self.language):
            return _("There is no reading-grade formula here for this page's language (%s).") % (
                self.language
            )
        if self.result is None:
            return _(
                "Too little text to measure: a reading grade needs at least %(count)d words."
            ) % {"count": MIN_WORDS}
        if self.is_above_target:
            return _(
                "Harder than your clinic's target. Split the longest sentences and use "
                "everyday words in place of the hardest ones."
            )
        return _("Plain enough: at or below your clinic's target.")


def assess(page: Page, target: int | None = None) -> PageReadability:
    """The page as given (for the editor: its latest revision), against its clinic's target."""
    if target is None:
        target = target_grade(page.get_site() if page.pk else None)
    return PageReadability(page=page, target=target, language=page_language(page))
