"""Pages of a listing whose total comes with its rows, not from a COUNT query of its own.

Django's ``Paginator`` counts the rows first and then loads the page: two queries per listing.
``paginate`` adds the total as a window function (``COUNT(*) OVER ()``) to the page's own query,
and counts separately only when asked for a page past the end (to send the visitor to the last).
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window

TOTAL = "_listing_total"


def _number(raw) -> int:
    try:
        return max(int(raw), 1)
    except (TypeError, ValueError):
        return 1


def paginate(queryset: QuerySet, per_page: int, raw_number=None) -> Page:
    """The requested page of ``queryset`` (1 when missing or invalid, the last when past it)."""
    number = _number(raw_number)
    counted = queryset.annotate(**{TOTAL: Window(Count("pk"))})
    rows = list(counted[(number - 1) * per_page : number * per_page])
    if rows:
        total = getattr(rows[0], TOTAL)
    else:
        total = queryset.count()
        if total and number > 1:
            number = (total + per_page - 1) // per_page
            rows = list(counted[(number - 1) * per_page : number * per_page])
    paginator = Paginator(rows, per_page)
    paginator.count = total  # a cached property: set, it is never computed from the rows
    return Page(rows, number, paginator)
