"""Search within the current clinic's site only: its pages and the answers of its FAQ."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from wagtail.models import Site

from clinic_pages.clinics.languages import active_language, language_of_url_prefix
from clinic_pages.search.query import MAX_QUERY_LENGTH, normalise_query
from clinic_pages.search.results import Outcome, search_site, with_pages

RESULTS_PER_PAGE = 10


def search(request: HttpRequest, language: str | None = None) -> TemplateResponse:
    """The search in the active language: ``/es/search/`` is Spanish when the clinic publishes
    in Spanish (``home.languages`` activated it from the prefix), and not found otherwise."""
    active = active_language()
    if language is not None and language_of_url_prefix(language) != active:
        raise Http404
    query = normalise_query(request.GET.get("q", ""))
    site = Site.find_for_request(request)
    outcome = search_site(site, request, query, active) if query and site is not None else Outcome()
    results = Paginator(outcome.hits, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    results.object_list = with_pages(results.object_list)
    return TemplateResponse(
        request,
        "clinic_pages/search/search.html",
        {
            "search_query": query,
            "search_results": results,
            "corrected_query": outcome.corrected_query,
            "partial": outcome.partial,
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )
