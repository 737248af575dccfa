"""``{% page_readability page as readability %}``: a page's reading grade, for admin templates."""

from __future__ import annotations

from django import template
from wagtail.models import Page

from clinic_pages.governance.readability.assessment import (
    PageReadability,
    assess,
    is_readable_type,
)

register = template.Library()


@register.simple_tag
def page_readability(page: Page) -> PageReadability | None:
    """The reading grade of the page's latest revision; None for page types not measured."""
    if page is None or not is_readable_type(page.specific_class):
        return None
    return assess(page.get_latest_revision_as_object())
