"""Who sees and who adds which references.

The network's library (references without a clinic) is read by every clinic and kept by the
network librarians (the model's add/change/delete permissions). A clinic's editor, anyone who
may edit that clinic's pages, may add references for that clinic; those are seen by the clinic
and the librarians only.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from wagtail.models import GroupPagePermission, Site

from clinic_pages.clinics.access import site_ids_for_user
from clinic_pages.references.models import Reference

PAGE_EDITING = ("add_page", "change_page")
CACHE_ATTRIBUTE = "_reference_adding_site_ids"


def keeps_the_network_library(user: AbstractBaseUser | AnonymousUser) -> bool:
    return user.is_active and user.has_perm("clinic_pages_references.add_reference")


def _adding_site_ids(user) -> frozenset[int]:
    granted = set(
        GroupPagePermission.objects.filter(
            group__user=user, permission__codename__in=PAGE_EDITING
        ).values_list("page__path", flat=True)
    )
    if not granted:
        return frozenset()
    return frozenset(
        site.pk
        for site in Site.objects.select_related("root_page").only("pk", "root_page__path")
        if any(
            site.root_page.path.startswith(p) or p.startswith(site.root_page.path) for p in granted
        )
    )


def adding_site_ids(user: AbstractBaseUser | AnonymousUser) -> frozenset[int] | None:
    """Clinics the user may add references for; ``None``: any (librarians, superusers)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if keeps_the_network_library(user):
        return None
    site_ids = getattr(user, CACHE_ATTRIBUTE, None)
    if site_ids is None:
        site_ids = _adding_site_ids(user)
        setattr(user, CACHE_ATTRIBUTE, site_ids)
    return site_ids


def adding_sites(user) -> QuerySet[Site]:
    site_ids = adding_site_ids(user)
    return Site.objects.all() if site_ids is None else Site.objects.filter(pk__in=site_ids)


def visible_filter(user) -> Q:
    """The references a user sees: the network's and their own clinics' (all, for librarians)."""
    if keeps_the_network_library(user) or user.has_perm("clinic_pages_references.change_reference"):
        return Q()
    site_ids = site_ids_for_user(user)
    if site_ids is None:
        return Q()
    return Q(added_by_clinic__isnull=True) | Q(added_by_clinic__in=site_ids)


def visible_references(user) -> QuerySet[Reference]:
    return Reference.objects.filter(visible_filter(user))
