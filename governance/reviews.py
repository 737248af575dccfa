"""Finding medical pages whose clinical review is due, per clinic."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page, Site, get_page_models

from clinic_pages.core.models import MedicalReviewMixin

DUE_SOON_DAYS = 30


def medical_page_models() -> list[type[Page]]:
    """Every page type that carries review metadata (treatments, conditions, FAQs, ...)."""
    return [model for model in get_page_models() if issubclass(model, MedicalReviewMixin)]


@dataclass(frozen=True)
class DueReview:
    page: Page
    site: Site
    due: datetime.date | None

    @property
    def is_overdue(self) -> bool:
        return self.due is None or self.due < timezone.localdate()

    @property
    def state(self) -> str:
        if self.due is None:
            return "never reviewed"
        return "overdue" if self.is_overdue else "due soon"


def due_reviews(
    sites: QuerySet[Site] | list[Site], within_days: int = DUE_SOON_DAYS
) -> list[DueReview]:
    """Live medical pages of these sites never reviewed or due within `within_days`, soonest first."""
    horizon = timezone.localdate() + datetime.timedelta(days=within_days)
    found: list[DueReview] = []
    for site in sites:
        for model in medical_page_models():
            pages = (
                model.objects.live()
                .descendant_of(site.root_page, inclusive=True)
                .filter(Q(next_review_due__lte=horizon) | Q(next_review_due__isnull=True))
                .select_related("reviewed_by")
            )
            found.extend(DueReview(page, site, page.next_review_due) for page in pages)
    return sorted(found, key=lambda item: (item.due or datetime.date.min, item.page.title))


def overdue_reviews(sites: QuerySet[Site] | list[Site]) -> list[DueReview]:
    """Pages past their due date, or never reviewed."""
    return due_reviews(sites, within_days=-1)
