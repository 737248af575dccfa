"""Content generations: a number per clinic Site that changes whenever its visitors' pages may.

Caches of what visitors see (the menu, the footer's offices, JSON-LD graphs, and later whole pages)
put the generation of their site in their key. A change bumps the generation, so every entry built
before it is never read again and expires on its own: nothing has to find and delete the keys
that a change touches, so no key can be missed.

``content_generation(site_id)`` is the token to put in a key. It joins two counters: the site's
own, bumped by anything that belongs to one clinic (its pages, settings, offices, questions), and a
shared one, bumped by what every clinic may show (references, images). Both live in Django's
default cache without expiry; a counter the cache evicts starts again from the clock in
nanoseconds, far above any value it held before, so an old key is never reused.

What bumps, and from where:
- pages (save, publish, unpublish, move, delete), page view restrictions, Sites and images:
  ``connect_wagtail_signals()``, called from this app's ``ready()``;
- the plugin's own models: each app marks them with ``@bumps_site_generation(...)`` beside the
  model, e.g. locations and clinic settings (their site) or references (every site).

Saves that only record a draft (a new revision, a lock) do not bump: visitors cannot see them.
A bump inside a transaction is repeated when it commits, so a render that read the old rows while
the transaction was open cannot leave them in the cache under the new generation.

A whole-page cache builds its keys the same way: the page's site, ``content_generation(site_id)``,
the URL, and nothing from a request that is a preview, carries a session, or is behind a login.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest
from wagtail.images import get_image_model
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    Page,
    PageViewRestriction,
    Site,
    get_page_models,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from clinic_pages.core.conf import clinic_pages_settings
from clinic_pages.core.purge import request_purge

KEY_PREFIX = "clinic_pages:generation"
REQUEST_ATTRIBUTE = "_clinic_pages_generations"
SITES_REQUEST_ATTRIBUTE = "_clinic_pages_sites_generation"
SHARED_KEY = f"{KEY_PREFIX}:shared"
# Bumped when any Site is added, changed or removed: which Site a hostname means may change.
SITES_KEY = f"{KEY_PREFIX}:sites"
# Entries built from a generation are dropped after a day even if nothing changed.
ENTRY_TIMEOUT = 24 * 60 * 60

# Fields a save may touch without changing what visitors see: drafts, revisions, locks.
DRAFT_ONLY_FIELDS = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)

T = TypeVar("T")
SiteIds = Callable[[Any], Iterable[int]]


def _site_key(site_id: int) -> str:
    return f"{KEY_PREFIX}:site:{site_id}"


def _read(keys: list[str]) -> dict[str, int]:
    """Current counters, seeding the missing ones from the clock."""
    values = cache.get_many(keys)
    for key in keys:
        if key not in values:
            cache.add(key, time.time_ns(), timeout=None)
            values[key] = cache.get(key)
    return values


def content_generation(site_id: int, request: HttpRequest | None = None) -> str:
    """The token that changes whenever anything on the site's visitor pages may have changed.

    With a request, it is read once per request: one cache round trip however many entries
    the page reads.
    """
    seen = getattr(request, REQUEST_ATTRIBUTE, None) if request is not None else None
    if seen is not None and site_id in seen:
        return seen[site_id]
    own = _site_key(site_id)
    values = _read([SHARED_KEY, own])
    token = f"{values[SHARED_KEY]}.{values[own]}"
    if request is not None:
        setattr(request, REQUEST_ATTRIBUTE, {**(seen or {}), site_id: token})
    return token


def _increment(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # never read since the cache lost it: any new seed is a new value
        cache.add(key, time.time_ns(), timeout=None)


def _bump(keys: list[str]) -> None:
    for key in keys:
        _increment(key)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: [_increment(key) for key in keys])


def sites_generation(request: HttpRequest | None = None) -> int:
    """The token that changes whenever a Site is added, changed or removed.

    With a request, it is read once per request (the page cache and the Site lookup both ask).
    """
    seen = getattr(request, SITES_REQUEST_ATTRIBUTE, None)
    if seen is None:
        seen = _read([SITES_KEY])[SITES_KEY]
        if request is not None:
            setattr(request, SITES_REQUEST_ATTRIBUTE, seen)
    return seen


def bump_sites(site_ids: Iterable[int | None]) -> None:
    """Mark everything cached for these sites as stale, here and in a CDN (``core.purge``)."""
    ids = [site_id for site_id in dict.fromkeys(site_ids) if site_id is not None]
    _bump([_site_key(site_id) for site_id in ids])
    if ids:
        request_purge(ids)


def bump_shared() -> None:
    """Mark everything cached for every site as stale (content several clinics show)."""
    _bump([SHARED_KEY])
    request_purge(None)


def cached_for_site(
    site_id: int,
    name: str,
    build: Callable[[], T],
    request: HttpRequest | None = None,
    keep: Callable[[T], bool] | None = None,
) -> T:
    """``build()``'s value, kept under the site's current generation (if ``keep(value)``).

    Only for what every visitor of the site sees alike: never anything personal, typed by a
    visitor, or behind a login.
    """
    if not clinic_pages_settings.RENDER_CACHE:
        return build()
    key = f"clinic_pages:{name}:{site_id}:{content_generation(site_id, request)}"
    value = cache.get(key)
    if value is None:
        value = build()
        if keep is None or keep(value):
            cache.set(key, value, ENTRY_TIMEOUT)
    return value


def is_made_up(request: HttpRequest | None) -> bool:
    """Wagtail's previews and other dummy requests: they show drafts and in-memory pages."""
    return getattr(request, "is_dummy", False) or getattr(request, "is_preview", False)


def cached_for_live_page(
    page: Page, site_id: int | None, name: str, build: Callable[[], T], request: HttpRequest
) -> T:
    """``build()``'s value for the page as published, kept under its site's generation.

    What a page loads to render (its linked pages and rows) is the same for every visitor until
    something on it changes, which bumps the generation. A preview (a draft or in-memory page)
    or a page served off its site builds anew each time.
    """
    if site_id is None or is_made_up(request) or not page.live:
        return build()
    return cached_for_site(site_id, f"{name}:{page.pk}:{page.live_revision_id}", build, request)


def sites_of_url_path(url_path: str) -> list[int]:
    """The sites whose page tree holds a page with this ``url_path`` (no query once cached)."""
    return [
        root.site_id for root in Site.get_site_root_paths() if url_path.startswith(root.root_path)
    ]


def _changes_what_visitors_see(update_fields) -> bool:
    return not update_fields or not set(update_fields) <= DRAFT_ONLY_FIELDS


# ---------------------------------------------------------------------- the plugin's own models


def bumps_site_generation(site_ids: SiteIds | None = None):
    """Class decorator: saving or deleting the model bumps the generations of its sites.

    ``site_ids(instance)`` returns the ids of the sites that show the instance; without it the
    model is shared by every clinic and bumps them all.
    """

    def on_change(sender, instance, update_fields=None, **kwargs) -> None:
        if not _changes_what_visitors_see(update_fields):
            return
        if site_ids is None:
            bump_shared()
        else:
            bump_sites(site_ids(instance))

    def register(model: type[models.Model]) -> type[models.Model]:
        uid = f"clinic_pages.generation.{model._meta.label}"
        post_save.connect(on_change, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(on_change, sender=model, weak=False, dispatch_uid=uid)
        return model

    return register


# ---------------------------------------------------------------------- Wagtail's models


def _page_changed(sender, instance, update_fields=None, **kwargs) -> None:
    if _changes_what_visitors_see(update_fields):
        bump_sites(sites_of_url_path(instance.url_path or ""))


def _page_moved(sender, instance, url_path_before="", url_path_after="", **kwargs) -> None:
    bump_sites([*sites_of_url_path(url_path_before), *sites_of_url_path(url_path_after)])


def _restriction_changed(sender, instance, action: str = "post_save", **kwargs) -> None:
    if not action.startswith("post_"):  # group changes send pre_ and post_ signals
        return
    page = Page.objects.filter(pk=instance.page_id).only("url_path").first()
    if page is not None:
        bump_sites(sites_of_url_path(page.url_path))


def _site_changed(sender, instance, **kwargs) -> None:
    _bump([SITES_KEY])
    bump_sites([instance.pk])


def _image_changed(sender, instance, **kwargs) -> None:
    bump_shared()


def connect_wagtail_signals() -> None:
    """Bump generations when pages, view restrictions, Sites or images change."""
    for model in get_page_models():
        post_save.connect(_page_changed, sender=model, dispatch_uid=f"cp-gen-save-{model}")
    post_delete.connect(_page_changed, sender=Page, dispatch_uid="cp-gen-page-delete")
    page_published.connect(_page_changed, dispatch_uid="cp-gen-published")
    page_unpublished.connect(_page_changed, dispatch_uid="cp-gen-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="cp-gen-moved")
    for signal in (post_save, post_delete):
        signal.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="cp-gen-pvr")
        signal.connect(_site_changed, sender=Site, dispatch_uid="cp-gen-site")
        signal.connect(_image_changed, sender=get_image_model(), dispatch_uid="cp-gen-image")
    m2m_changed.connect(
        _restriction_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="cp-gen-pvr-groups",
    )
