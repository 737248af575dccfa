"""A page's versions in the clinic's languages: for ``hreflang`` links and the language switcher.

The versions are the page's live translations (same ``translation_key``) in the request's site,
in the languages the clinic publishes in (its settings), each with its language read from the
tree it sits in (Wagtail's cached site root paths: no query for the language or the URL). A
clinic with one language, or a page with no published translation, has none: no query at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from django.http import HttpRequest
from wagtail.coreutils import get_content_languages
from wagtail.models import Page, Site

from clinic_pages.clinics.languages import clinic_languages, default_language
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.core.models import PAGE_LINK_FIELDS
from clinic_pages.core.site_roots import site_root_paths
from clinic_pages.core.visibility import public_pages
from clinic_pages.home.sites import is_clinic_site

REQUEST_ATTRIBUTE = "_clinic_pages_language_versions"


@dataclass(frozen=True)
class LanguageVersion:
    """One language's version of a page: its code, its name in that language, its address."""

    code: str
    name: str
    url: str
    current: bool
    default: bool  # the main language's, also the one for every other visitor (x-default)


def tree_roots(site: Site, request: HttpRequest) -> dict[str, str]:
    """``url_path`` of the site's root in each language it publishes in: language -> path.

    A clinic publishes in the languages of its settings (loaded with the Site by
    ``home.sites``); a host project's own site in every content language. A site with no
    translated root needs neither (no query).
    """
    roots = {
        root.language_code: root.root_path for root in site_root_paths() if root.site_id == site.pk
    }
    if len(roots) > 1 and is_clinic_site(site):
        languages = clinic_languages(ClinicSettings.for_request(request))
    else:
        languages = list(get_content_languages())
    return {code: roots[code] for code in languages if code in roots}


def language_of(url_path: str, roots: dict[str, str]) -> str | None:
    return next((code for code, root in roots.items() if url_path.startswith(root)), None)


def language_versions(page: Page, request: HttpRequest | None) -> list[LanguageVersion]:
    """The page's published versions, the clinic's main language first; empty when only one."""
    if request is None or not page.pk:
        return []
    kept = getattr(request, REQUEST_ATTRIBUTE, {})
    if page.pk not in kept:
        kept[page.pk] = _versions(page, request)
        setattr(request, REQUEST_ATTRIBUTE, kept)
    return kept[page.pk]


def _versions(page: Page, request: HttpRequest) -> list[LanguageVersion]:
    site = Site.find_for_request(request)
    if site is None:
        return []
    roots = tree_roots(site, request)
    if len(roots) < 2:
        return []
    in_trees = reduce(or_, (Q(url_path__startswith=root) for root in roots.values()))
    rows = public_pages(
        Page.objects.filter(in_trees, translation_key=page.translation_key, live=True), request
    ).only(*PAGE_LINK_FIELDS)
    by_language = {language_of(row.url_path, roots): row for row in rows}
    if len(by_language) < 2:
        return []
    names, main = get_content_languages(), default_language()
    return [
        LanguageVersion(
            code=code,
            name=names.get(code, code),
            url=by_language[code].get_full_url(request) or "",
            current=by_language[code].pk == page.pk,
            default=code == main,
        )
        for code in roots
        if code in by_language
    ]
