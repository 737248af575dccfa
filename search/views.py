"""Search within the current clinic's site only."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from clinic_pages.core.visibility import public_pages

MAX_QUERY_LENGTH = 100
RESULTS_PER_PAGE = 10


def normalise_query(raw: str) -> str:
    """Bound the query and drop an unpaired double quote, which full-text engines reject."""
    query = raw.strip()[:MAX_QUERY_LENGTH]
    if query.count('"') % 2:
        query = query.replace('"', " ").strip()
    return query


def search(request):
    query = normalise_query(request.GET.get("q", ""))
    site = Site.find_for_request(request)
    results = Page.objects.none()
    if query and site is not None:
        # The search backend takes plain field filters, so the view-restriction check goes in
        # as a subquery of ids rather than an EXISTS on the searched rows.
        public = public_pages(Page.objects.in_site(site), request).values("pk")
        pages = Page.objects.live().in_site(site).exclude(depth__lte=1).filter(pk__in=public)
        results = pages.search(query)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "clinic_pages/search/search.html", {"search_query": query, "search_results": page}
    )
