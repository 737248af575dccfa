"""The pieces every page's graph shares: the site, the practice, breadcrumbs and the web page.

Builders return plain dicts (schema.org nodes). Nodes that several pages mention get a stable
``@id`` (a page's full URL plus a fragment), so search engines can join what different pages say.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import get_language
from wagtail.models import Page, Site

from clinic_pages.clinics.languages import language_of_url_path
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.core.images import LOGO_JSONLD

from .nodes import Node, compact, ref
from .trust import trust_properties

SCHEMA = "https://schema.org"
SCHEMA_DAY = "https://schema.org/"
WHITESPACE = re.compile(r"\s+")


def plain_text(rich_text: str) -> str:
    """Rich text as the one line of plain text structured data wants."""
    return WHITESPACE.sub(" ", html.unescape(strip_tags(rich_text or ""))).strip()


def split_names(text: str) -> list[str]:
    """'Ketamine infusion, IV ketamine' -> ['Ketamine infusion', 'IV ketamine']."""
    return [name.strip() for name in (text or "").split(",") if name.strip()]


@dataclass
class Graph:
    """The nodes of one page, merged by ``@id`` so a physician named twice is one node."""

    nodes: list[Node] = field(default_factory=list)
    _by_id: dict[str, Node] = field(default_factory=dict)

    def add(self, node: Node) -> Node:
        node_id = node.get("@id")
        if node_id and node_id in self._by_id:
            existing = self._by_id[node_id]
            for key, value in node.items():
                existing.setdefault(key, value)
            return existing
        self.nodes.append(node)
        if node_id:
            self._by_id[node_id] = node
        return node

    def extend(self, nodes: Iterable[Node]) -> None:
        for node in nodes:
            self.add(node)

    def as_jsonld(self) -> Node:
        return {"@context": SCHEMA, "@graph": self.nodes}


@dataclass
class PageContext:
    """What every builder needs: the page, the request, the clinic and the template context.

    ``extra`` is the template context: builders reuse what the page's ``get_context`` already
    loaded (locations, FAQ topics) instead of querying again.
    """

    page: Page | None
    request: HttpRequest | None
    site: Site
    extra: Mapping[str, Any] = field(default_factory=dict)

    @cached_property
    def settings(self) -> ClinicSettings:
        if self.request is not None:
            return ClinicSettings.for_request(self.request)
        return ClinicSettings.for_site(self.site)

    @cached_property
    def root_url(self) -> str:
        """The clinic home page's URL, e.g. 'https://urban-spine.example/'."""
        return self.site.root_url.rstrip("/") + "/"

    @property
    def website_id(self) -> str:
        return self.root_url + "#website"

    @property
    def organization_id(self) -> str:
        return self.root_url + "#organization"

    @cached_property
    def page_url(self) -> str:
        return self.url_of(self.page) if self.page is not None else self.root_url

    @property
    def webpage_id(self) -> str:
        return self.page_url + "#webpage"

    @property
    def breadcrumb_id(self) -> str:
        return self.page_url + "#breadcrumb"

    @cached_property
    def language(self) -> str:
        """The page's language (its tree's, ``clinics.languages``), else the active one; BCP 47,
        as schema.org wants: Django's 'en-us' becomes 'en-US'."""
        code = language_of_url_path(self.page.url_path or "") if self.page is not None else None
        language, _, region = (code or get_language() or "en").partition("-")
        return f"{language}-{region.upper()}" if region else language

    def url_of(self, page: Page) -> str:
        """Absolute URL of a page; the request caches the site roots, so this costs no query."""
        return page.get_full_url(self.request) or ""

    def absolute(self, url: str) -> str:
        """Rendition URLs are relative with local storage and absolute with S3."""
        if not url or url.startswith(("http://", "https://")):
            return url
        return self.root_url.rstrip("/") + url

    def image_url(self, image, filter_spec: str) -> str:
        return self.absolute(image.get_rendition(filter_spec).url) if image else ""

    @cached_property
    def appointment_url(self) -> str:
        booking_page = self.settings.booking_page
        return self.url_of(booking_page) if booking_page else ""


def page_description(page: Page) -> str:
    """The description a visitor reads in listings, from the most specific field filled in."""
    for attribute in ("summary", "search_description", "listing_summary"):
        value = getattr(page, attribute, "")
        if value:
            return value
    return ""


def website(ctx: PageContext) -> Node:
    search_url = (
        ctx.root_url.rstrip("/") + reverse("clinic_pages:search") + "?q={search_term_string}"
    )
    return compact(
        {
            "@type": "WebSite",
            "@id": ctx.website_id,
            "url": ctx.root_url,
            "name": ctx.settings.practice_name,
            "description": ctx.settings.tagline,
            "inLanguage": ctx.language,
            "publisher": ref(ctx.organization_id),
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": search_url},
                "query-input": "required name=search_term_string",
            },
        }
    )


def organization(ctx: PageContext) -> Node:
    """The practice as a whole; each office is a MedicalClinic that belongs to it."""
    clinic = ctx.settings
    return compact(
        {
            "@type": "MedicalOrganization",
            "@id": ctx.organization_id,
            "name": clinic.practice_name,
            "url": ctx.root_url,
            "slogan": clinic.tagline,
            "telephone": clinic.phone,
            "email": clinic.email,
            "logo": ctx.image_url(clinic.logo, LOGO_JSONLD),
            "sameAs": [url for _, url in clinic.social_links],
            **trust_properties(clinic, ctx.organization_id),
        }
    )


def breadcrumb_list(ctx: PageContext) -> Node:
    """The visible breadcrumb trail (ancestors from the clinic home) followed by the page."""
    page = ctx.page
    trail = [*getattr(page, "breadcrumbs", []), page] if page is not None else []
    items = [
        {"@type": "ListItem", "position": position, "name": crumb.title, "item": ctx.url_of(crumb)}
        for position, crumb in enumerate(trail, 1)
    ]
    return {"@type": "BreadcrumbList", "@id": ctx.breadcrumb_id, "itemListElement": items}


def web_page(ctx: PageContext, schema_type: str | list[str] = "WebPage", **properties) -> Node:
    """The page itself: part of the website, with its breadcrumb; builders add the rest."""
    page = ctx.page
    return compact(
        {
            "@type": schema_type,
            "@id": ctx.webpage_id,
            "url": ctx.page_url,
            "name": (page.seo_title or page.title) if page is not None else "",
            "description": page_description(page) if page is not None else "",
            "inLanguage": ctx.language,
            "isPartOf": ref(ctx.website_id),
            "breadcrumb": ref(ctx.breadcrumb_id),
            **properties,
        }
    )


def site_nodes(ctx: PageContext) -> list[Node]:
    """Nodes every page carries: the website, the practice and (with a page) the breadcrumbs."""
    nodes = [website(ctx), organization(ctx)]
    if ctx.page is not None:
        nodes.append(breadcrumb_list(ctx))
    return nodes
