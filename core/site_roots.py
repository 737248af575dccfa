"""Wagtail's site root paths, loaded in one query while no site has a translated root.

With ``WAGTAIL_I18N_ENABLED`` Wagtail's ``Site.get_site_root_paths`` asks each Site for its root
page's translations: one query per site (six for the demo's five clinics) on every cold cache,
before any page is served. Here the Sites come with their root pages, locales and whether any
root has a translation, in one query; the translations of every root come in a second one only
when some root has one. The result is the same list, kept under Wagtail's own cache key, so
Wagtail's callers find it, and Wagtail's own invalidation (a Site saved, a root page or its new
translation saved) clears it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef
from wagtail.models import Page, Site
from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
    SiteRootPath,
)

# Wagtail keeps its list for an hour (wagtail.models.sites.Site.get_site_root_paths).
TIMEOUT = 3600


def site_root_paths() -> list[SiteRootPath]:
    """``Site.get_site_root_paths()``, most specific path first, built in one or two queries."""
    result = cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    if result is None:
        result = _load()
        cache.set(SITE_ROOT_PATHS_CACHE_KEY, result, TIMEOUT, version=SITE_ROOT_PATHS_CACHE_VERSION)
    return result


def _load() -> list[SiteRootPath]:
    i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    sites = Site.objects.select_related("root_page", "root_page__locale").order_by(
        "-root_page__url_path", "-is_default_site", "hostname"
    )
    if i18n:
        others = Page.objects.filter(translation_key=OuterRef("root_page__translation_key"))
        sites = sites.annotate(translated=Exists(others.exclude(pk=OuterRef("root_page_id"))))
    sites = list(sites)
    translations: dict = {}
    if any(getattr(site, "translated", False) for site in sites):
        keys = {site.root_page.translation_key for site in sites if site.translated}
        for page in (
            Page.objects.filter(translation_key__in=keys).select_related("locale").order_by("path")
        ):
            translations.setdefault(page.translation_key, []).append(page)
    result = []
    for site in sites:
        roots = translations.get(site.root_page.translation_key, [site.root_page])
        result += [
            SiteRootPath(site.id, root.url_path, site.root_url, root.locale.language_code)
            for root in roots
        ]
    return result
