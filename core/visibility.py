"""Which pages anyone may see, decided inside the query that lists them.

Wagtail's ``PageQuerySet.public()`` first loads every view restriction of the install (one query
per call) and then excludes their subtrees. A page that lists treatments, shows a menu and links
its neighbours called it three times per render. ``public_pages`` asks the same question as a
subquery of the listing itself, so it costs no query of its own, whatever the number of
restrictions or clinics.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


def restriction_on_page_or_ancestor(path_field: str = "path") -> Exists:
    """True for a page under a view restriction: one on the page itself or on an ancestor.

    A restricted page's materialised path is a prefix of the path of every page below it.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef(path_field), 1, Length("page__path"))
        )
    )


def public_pages(pages: PageQuerySet) -> PageQuerySet:
    """``pages.public()`` in the same query: pages outside every restricted section."""
    return pages.exclude(restriction_on_page_or_ancestor())
