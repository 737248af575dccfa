"""Abstract page mixins shared by every page type.

They are abstract on purpose: a concrete base page would cost one more join on every page load.
The base page itself, which knows about clinics, is ``clinic_pages.clinics.pages.ClinicPage``.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from clinic_pages.core import card_fallbacks
from clinic_pages.core.panels import UncomparedFieldPanel

# What a link to a page reads: its title, its URL (from url_path) and whether it is live. Link
# lists load only these columns; a page row has some forty, most of them for the admin.
PAGE_LINK_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "live",
    "content_type_id",
    "locale_id",
)
# What a card adds (includes/page_card.html): the summary and the listing image, and the page's
# own summary for a card whose listing summary is empty (core.card_fallbacks). Every carded page
# type (treatments, conditions, articles) has one.
PAGE_CARD_FIELDS = (
    *PAGE_LINK_FIELDS,
    "search_description",
    "listing_summary",
    "listing_image_id",
    "summary",
)


def fields_of(relation: str, fields: tuple[str, ...]) -> list[str]:
    """``only()`` names for fields of a related page: ``fields_of("treatment", LINK)``."""
    return [f"{relation}__{name}" for name in fields]


class ListingMixin(models.Model):
    """What a page shows when it is listed elsewhere (cards, search results, sharing)."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards that link to this page and when it is shared."),
    )
    listing_summary = models.CharField(
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences for cards and search results. "
            "Falls back to the search description."
        ),
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")],
            heading=_("Listings and sharing"),
            help_text=_(
                "Left empty, cards show the page's own summary and the first image of its body."
            ),
        )
    ]

    class Meta:
        abstract = True

    @property
    def card_summary(self) -> str:
        """The listing summary, else the search description, else the page's own summary."""
        return (
            self.listing_summary
            or getattr(self, "search_description", "")
            or card_fallbacks.fallback_summary(self)
        )

    @property
    def card_image(self):
        """The listing image, else the body's first image (``core.card_fallbacks``)."""
        return self.listing_image or card_fallbacks.fallback_image(self)


class MedicalReviewMixin(models.Model):
    """Who reviewed a medical page and when, shown to visitors as a mark of trust."""

    reviewed_by = models.ForeignKey(
        "clinic_pages_physicians.PhysicianPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The physician who checked this page's medical content."),
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text=_("The date of the last medical review.")
    )
    next_review_due = models.DateField(
        null=True, blank=True, help_text=_("When the content must be checked again.")
    )

    review_panels = [
        MultiFieldPanel(
            [
                UncomparedFieldPanel("reviewed_by", read_only=True),
                UncomparedFieldPanel("last_reviewed", read_only=True),
                UncomparedFieldPanel("next_review_due", read_only=True),
            ],
            heading=_("Medical review"),
            help_text=_("Set by the clinical-review workflow when a clinician approves the page."),
        )
    ]

    class Meta:
        abstract = True

    @property
    def review_is_overdue(self) -> bool:
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())

    def content_expires_at(self) -> datetime.datetime | None:
        """When the page changes with time alone: the review notice turns overdue that day."""
        if not self.next_review_due or self.review_is_overdue:
            return None
        day_after = self.next_review_due + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(day_after, datetime.time.min))

    def schedule_next_review(self, reviewed_on: datetime.date, interval_days: int) -> None:
        self.last_reviewed = reviewed_on
        self.next_review_due = reviewed_on + datetime.timedelta(days=interval_days)
