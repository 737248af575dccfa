"""One schema.org JSON-LD graph per page, built from the fields the visitor reads.

``build_graph`` picks the builder for the page's type; each builder returns a list of nodes
(plain dicts) that a :class:`~seo.jsonld.base.Graph` merges by ``@id``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.http import HttpRequest
from wagtail.models import Page, Site

from clinic_pages.appointments.models import AppointmentPage
from clinic_pages.articles.models import ArticleIndexPage, ArticlePage
from clinic_pages.conditions.models import ConditionIndexPage, ConditionPage
from clinic_pages.faqs.models import FAQPage
from clinic_pages.home.models import HomePage
from clinic_pages.home.offices import OfficeIndexPage
from clinic_pages.physicians.models import PhysicianIndexPage, PhysicianPage
from clinic_pages.treatments.models import TreatmentIndexPage, TreatmentPage

from .articles import build_article_page
from .base import Graph, Node, PageContext, site_nodes
from .conditions import build_condition_page
from .faqs import build_faq_page
from .offices import build_office_index_page
from .pages import build_appointment_page, build_home_page, build_index_page, build_web_page
from .physicians import build_physician_page
from .treatments import build_treatment_page

Builder = Callable[[PageContext], list[Node]]

BUILDERS: dict[type[Page], Builder] = {
    HomePage: build_home_page,
    TreatmentPage: build_treatment_page,
    ConditionPage: build_condition_page,
    PhysicianPage: build_physician_page,
    ArticlePage: build_article_page,
    FAQPage: build_faq_page,
    AppointmentPage: build_appointment_page,
    TreatmentIndexPage: build_index_page,
    ConditionIndexPage: build_index_page,
    PhysicianIndexPage: build_index_page,
    ArticleIndexPage: build_index_page,
    OfficeIndexPage: build_office_index_page,
}


def builder_for(page: Page) -> Builder:
    for page_type in type(page).__mro__:
        if page_type in BUILDERS:
            return BUILDERS[page_type]
    return build_web_page


def build_graph(
    page: Page | None,
    request: HttpRequest | None,
    context: Mapping[str, Any] | None = None,
    site: Site | None = None,
) -> Node | None:
    """The page's graph; without a page (search results, errors) only the site and practice.

    Returns None when no clinic site can be found for the request.
    """
    if site is None:
        site = Site.find_for_request(request) if request is not None else None
    if site is None and page is not None:
        site = page.get_site()
    if site is None:
        return None
    ctx = PageContext(page=page, request=request, site=site, extra=context or {})
    graph = Graph()
    graph.extend(builder_for(page)(ctx) if page is not None else site_nodes(ctx))
    return graph.as_jsonld()
