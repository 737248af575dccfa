"""Purging a CDN or reverse proxy (``WAGTAILFRONTENDCACHE``) when a clinic's pages change.

Wagtail's own frontend cache app purges the one page that was published. A clinic page also
shows other pages (the menu, listings, cards, breadcrumbs), its settings, offices, references and
images, so the page cache (``core.page_cache``) keys every page by its site's content
generation. The proxy in front follows the same rule: whenever a site's generation moves
(``core.generation``), every public URL of that site is purged: its live pages, robots.txt and
the sitemap. A change that every clinic shows (a shared reference, an image) purges them all.

The purge runs in a background task after the change commits, so an editor's publish never
waits for the CDN, and many bumps in one transaction (a publish saves the page, its revision
and its settings) make one purge. Wagtail's backends (HTTP PURGE for Varnish or nginx,
Cloudflare, CloudFront, Azure) do the sending, each limited to its ``HOSTNAMES``; with no
``WAGTAILFRONTENDCACHE`` setting nothing is queued at all.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django_tasks import task
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from clinic_pages.core.conf import clinic_pages_settings
from clinic_pages.core.site_roots import site_root_paths

logger = logging.getLogger("clinic_pages.purge")

# Sites waiting for the current transaction to commit; ALL_SITES stands for every site. Sites
# of a transaction that rolled back stay here until the next commit purges them: one purge too
# many, never one too few.
ALL_SITES = 0
_pending = threading.local()


def purging_enabled() -> bool:
    return bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
        or getattr(settings, "WAGTAILFRONTENDCACHE_LOCATION", None)
    )


def request_purge(site_ids: Iterable[int] | None) -> None:
    """Purge these sites' URLs (None: every site) once the current transaction commits."""
    if not purging_enabled():
        return
    pending: set[int] = getattr(_pending, "sites", None) or set()
    pending.update([ALL_SITES] if site_ids is None else site_ids)
    _pending.sites = pending
    transaction.on_commit(_enqueue_pending)


def _enqueue_pending() -> None:
    pending: set[int] = getattr(_pending, "sites", None) or set()
    _pending.sites = set()
    if not pending:
        return  # an earlier callback of the same commit took them
    ids = None if ALL_SITES in pending else sorted(pending)
    try:
        purge_sites.using(backend=clinic_pages_settings.PURGE_TASK_BACKEND).enqueue(ids)
    except Exception as exc:  # the change is saved; a stale proxy is not worth an error page
        logger.error("Could not queue the frontend cache purge (%s).", type(exc).__name__)


def _plugin_paths() -> list[str]:
    paths = []
    for name in ("clinic_pages:robots_txt", "clinic_pages:sitemap"):
        try:
            paths.append(reverse(name, urlconf="clinic_pages.site_urls"))
        except NoReverseMatch:
            continue
    return paths


def _language_prefix(language_code: str) -> str:
    """``es/`` for a page of the Spanish tree (``i18n_patterns``); none for the main language."""
    main = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return "" if language_code == main else f"{language_code}/"


def site_urls(site: Site) -> list[str]:
    """Every URL of the site a proxy may hold: its live pages, in each language's tree (its
    home page's and each translation's), and the plugin's public routes."""
    root_url = site.root_url
    urls = []
    for root in (root for root in site_root_paths() if root.site_id == site.pk):
        prefix = _language_prefix(root.language_code)
        page_paths = (
            Page.objects.live()
            .filter(url_path__startswith=root.root_path)
            .values_list("url_path", flat=True)
        )
        urls += [
            root_url + "/" + prefix + url_path[len(root.root_path) :] for url_path in page_paths
        ]
    urls += [root_url + path for path in _plugin_paths()]
    return urls


# After the booking e-mails, ahead of bulk indexing: an editor waits to see the publish.
@task(priority=20)
def purge_sites(site_ids: list[int] | None) -> int:
    """Purge every URL of these sites (None: all sites); returns how many URLs were sent."""
    sites = Site.objects.select_related("root_page")
    if site_ids is not None:
        sites = sites.filter(pk__in=site_ids)
    batch = PurgeBatch()
    for site in sites:
        batch.add_urls(site_urls(site))
    batch.purge()
    return len(batch.urls)
