"""Review stamps: who reviewed a medical page, when, and when it is next due."""

from __future__ import annotations

import logging

from django.utils import timezone
from wagtail.models import Revision

from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.core.models import MedicalReviewMixin
from clinic_pages.physicians.models import PhysicianPage

logger = logging.getLogger("clinic_pages.governance")


def reviewer_physician(user, site, locale_id: int | None = None):
    """The physician page of this clinic that belongs to the approving user, if any: its live
    translation in the reviewed page's locale when there is one (a Spanish page names the
    reviewer's Spanish profile), else the one in the clinic's main tree."""
    physician = (
        PhysicianPage.objects.live()
        .descendant_of(site.root_page)
        .filter(account=user)
        .order_by("path")
        .first()
    )
    if physician is None or locale_id is None or physician.locale_id == locale_id:
        return physician
    translation = (
        PhysicianPage.objects.live()
        .filter(translation_key=physician.translation_key, locale_id=locale_id)
        .first()
    )
    return translation or physician


def stamp_review(revision: Revision, user) -> None:
    """Write reviewed-by, last-reviewed (today: the day of the sign-off) and next-review-due into
    the revision about to be published.

    Callers pass the revision Wagtail will publish (see governance.models.sign_off); the content
    is updated in place as well as saved, so a caller holding the same object publishes the stamp.
    """
    page = revision.as_object()
    if not isinstance(page, MedicalReviewMixin):
        return
    site = page.get_site()
    interval = ClinicSettings.for_site(site).review_interval_days
    physician = reviewer_physician(user, site, page.locale_id)
    if physician is None:
        # Keeping the previous reviewer would credit them with a review they did not do.
        logger.warning(
            "Page %s approved by user %s, who has no physician page on %s; 'reviewed by' cleared.",
            page.pk,
            user.pk,
            site.hostname,
        )
    page.reviewed_by = physician
    page.schedule_next_review(timezone.localdate(), interval)
    revision.content = page.serializable_data()
    revision.save(update_fields=["content"])
