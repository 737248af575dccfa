"""The abstract base of every clinic page type.

It lives in the tenancy layer because its admin form keeps every chooser inside the clinic being
edited. It is abstract on purpose: a concrete base page would cost one more join on every load.
"""

from __future__ import annotations

from django.utils.functional import cached_property
from wagtail.models import Page
from wagtail.search import index

from clinic_pages.clinics.forms import ClinicPageForm
from clinic_pages.core.models import ListingMixin


class ClinicPage(ListingMixin, Page):
    """Abstract base of every public page: listing fields, search fields and common panels."""

    base_form_class = ClinicPageForm
    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]
    promote_panels = [*Page.promote_panels, *ListingMixin.listing_panels]

    class Meta:
        abstract = True

    @cached_property
    def breadcrumbs(self) -> list[Page]:
        """Ancestors from the clinic home down, for the breadcrumb trail (one query)."""
        return list(self.get_ancestors().filter(depth__gt=1))
