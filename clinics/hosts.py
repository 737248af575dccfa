"""ALLOWED_HOSTS that follow the clinics' Site records.

A new clinic is a new Wagtail Site; its hostname must be served as soon as the Site is saved,
without editing ALLOWED_HOSTS and restarting every app server, while any other Host still gets
Django's 400. ``SiteHostnames`` is the value of ALLOWED_HOSTS: Django's host validation only
iterates it, and it yields the static entries first (the admin's host, say), then every Site's
hostname. Those come from the shared cache, which Site saves and deletes clear; each process
reuses what it read for LOCAL_SECONDS, so the several host checks of one request cost one
cache read at most and no query.

The same receiver also renews Wagtail's site root paths (``Site.get_site_root_paths``, which
page URLs, the page cache's host lookup and the booking page read) once the change is committed:
Wagtail clears them when the Site is saved, inside the onboarding transaction, so another process
could read the old rows in between and keep them for an hour. A cache that no other process can
clear (a per-process LocMemCache in development, a process that missed the change) is caught by
``refresh_stale_site_root_paths``: a request whose Site, freshly read from the database, is not
in the root paths renews them.

Settings import this module before the apps are ready, so it touches no model at import.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, SupportsIndex, overload

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.models import Site

CACHE_KEY = "clinic_pages:site-hostnames"
# A backstop for changes that bypass the signals (QuerySet.update(), SQL by hand) and for a
# process that read the database just before another's change was committed.
CACHE_SECONDS = 60
# How long one process trusts its copy: another process's change arrives this much later.
LOCAL_SECONDS = 2.0

# (read at, hostnames) of this process; replaced whole, so threads never see half of it.
_copy: tuple[float, tuple[str, ...]] | None = None


def _site_hostnames_from_database() -> tuple[str, ...]:
    from wagtail.models import Site

    names = {name.strip().lower() for name in Site.objects.values_list("hostname", flat=True)}
    # A Site named "*" or ".example.com" must not turn into a wildcard of ALLOWED_HOSTS.
    return tuple(sorted(name for name in names if name and name != "*" and name[0] != "."))


def site_hostnames() -> tuple[str, ...]:
    """Every Site's hostname, lower-cased: from this process's copy, the cache, or the database."""
    global _copy
    now = time.monotonic()
    copy = _copy
    if copy is not None and now - copy[0] < LOCAL_SECONDS:
        return copy[1]
    names = cache.get(CACHE_KEY)
    if names is None:
        names = _site_hostnames_from_database()
        cache.set(CACHE_KEY, names, CACHE_SECONDS)
    _copy = (now, tuple(names))
    return _copy[1]


def _forget() -> None:
    from wagtail.models import Site

    global _copy
    _copy = None
    cache.delete(CACHE_KEY)
    Site.clear_site_root_paths_cache()


def forget_site_hostnames(**kwargs: Any) -> None:
    """Signal receiver: a Site was saved or deleted, so every process reads the list again.

    Now, for this transaction's own requests, and once the change is committed, when other
    processes can see it (one that read the list in between would otherwise keep it).
    """
    _forget()
    transaction.on_commit(_forget)


# Where Wagtail's pages keep the root paths they read for one request (Page._get_site_root_paths).
REQUEST_ROOT_PATHS_ATTRIBUTE = "_wagtail_cached_site_root_paths"


def _covers(root_paths: list, site: Site) -> bool:
    return any(
        root.site_id == site.pk
        and root.root_url == site.root_url
        and root.root_path == site.root_page.url_path
        for root in root_paths
    )


def refresh_stale_site_root_paths(request: HttpRequest, site: Site) -> None:
    """Drop the cached site root paths when they do not know the request's Site as it is.

    ``site`` was read from the database for this request, so a new or moved clinic shows here
    first. Root paths nobody has cached yet cannot be stale, and are left for whoever needs them
    to load; current ones are kept on the request, where Wagtail's page URLs look for them.
    """
    from wagtail.models import Site
    from wagtail.models.sites import (
        SITE_ROOT_PATHS_CACHE_KEY,
        SITE_ROOT_PATHS_CACHE_VERSION,
        SiteRootPath,
    )

    root_paths = getattr(request, REQUEST_ROOT_PATHS_ATTRIBUTE, None)
    if root_paths is None:
        cached = cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
        if cached is None:
            return
        # Some cache backends return plain tuples (as Wagtail's own reader converts them).
        root_paths = [SiteRootPath(*root) for root in cached]
    if _covers(root_paths, site):
        setattr(request, REQUEST_ROOT_PATHS_ATTRIBUTE, root_paths)
    else:
        Site.clear_site_root_paths_cache()
        if hasattr(request, REQUEST_ROOT_PATHS_ATTRIBUTE):
            delattr(request, REQUEST_ROOT_PATHS_ATTRIBUTE)


# Strings, not the model: the receivers are connected once the app registry has Wagtail's Site.
post_save.connect(forget_site_hostnames, sender="wagtailcore.Site", dispatch_uid=CACHE_KEY)
post_delete.connect(forget_site_hostnames, sender="wagtailcore.Site", dispatch_uid=CACHE_KEY)


class SiteHostnames(tuple[str, ...]):
    """ALLOWED_HOSTS = SiteHostnames(["admin.example.com"]): those, then every Site's hostname.

    A tuple, as Django requires of ALLOWED_HOSTS, holding the static entries; iterating,
    indexing and len() add the Sites' hostnames. Always true (a new install's first Site names
    its host), so Django's "ALLOWED_HOSTS must not be empty" check reads no database.
    """

    def __new__(cls, static: Iterable[str] = ()) -> SiteHostnames:
        return super().__new__(cls, static)

    @property
    def static(self) -> tuple[str, ...]:
        return tuple(super().__iter__())

    def __iter__(self) -> Iterator[str]:
        # Host validation stops at the first match: a static host needs no cache read.
        yield from super().__iter__()
        yield from site_hostnames()

    def _all(self) -> tuple[str, ...]:
        return self.static + site_hostnames()

    @overload
    def __getitem__(self, index: SupportsIndex) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...
    def __getitem__(self, index: SupportsIndex | slice) -> str | tuple[str, ...]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __contains__(self, host: object) -> bool:
        return any(host == name for name in self)

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return f"SiteHostnames({list(self.static)!r})"
