"""Which clinics (Sites) an admin user works for.

A user belongs to a clinic when one of their groups holds a per-site grant for it
(``GroupSitePermission``, as onboarding gives every clinic group) or a page permission on that
clinic's home page or above it. Superusers belong to every clinic.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from wagtail.models import GroupPagePermission, GroupSitePermission, Page, Site

CACHE_ATTRIBUTE = "_clinic_site_ids"


def _site_ids_for_user(user: AbstractBaseUser) -> frozenset[int]:
    site_ids = set(
        GroupSitePermission.objects.filter(group__user=user).values_list("site_id", flat=True)
    )
    granted_paths = list(
        GroupPagePermission.objects.filter(group__user=user)
        .values_list("page__path", flat=True)
        .distinct()
    )
    if granted_paths:
        site_ids.update(
            site.pk
            for site in Site.objects.select_related("root_page")
            if any(site.root_page.path.startswith(path) for path in granted_paths)
        )
    return frozenset(site_ids)


def site_ids_for_user(user: AbstractBaseUser | AnonymousUser) -> frozenset[int] | None:
    """Ids of the Sites this user may manage; ``None`` means every Site (superusers).

    The answer is kept on the user object, as Django keeps its permission cache there: admin
    listings ask once per row, and one request shares one user object.
    """
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    site_ids = getattr(user, CACHE_ATTRIBUTE, None)
    if site_ids is None:
        site_ids = _site_ids_for_user(user)
        setattr(user, CACHE_ATTRIBUTE, site_ids)
    return site_ids


def sites_for_user(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Site]:
    """The Sites whose content this user may manage; all of them for superusers."""
    site_ids = site_ids_for_user(user)
    return Site.objects.all() if site_ids is None else Site.objects.filter(pk__in=site_ids)


def user_can_manage_site_id(user: AbstractBaseUser | AnonymousUser, site_id: int) -> bool:
    site_ids = site_ids_for_user(user)
    return site_ids is None or site_id in site_ids


def user_can_manage_site(user: AbstractBaseUser | AnonymousUser, site: Site) -> bool:
    return user_can_manage_site_id(user, site.pk)


def works_for_a_clinic(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether the user belongs to at least one clinic (no query once the ids are cached)."""
    site_ids = site_ids_for_user(user)
    return site_ids is None or bool(site_ids)


def users_for_site(site: Site) -> QuerySet:
    """Active users who work for this clinic: the inverse of ``sites_for_user``, superusers aside.

    A grant on the clinic's home page or on any page above it counts, as it does there.
    """
    root_path = site.root_page.path
    steplen = Page.steplen
    covering_paths = [root_path[:end] for end in range(steplen, len(root_path) + 1, steplen)]
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(groups__site_permissions__site=site)
            | Q(groups__page_permissions__page__path__in=covering_paths)
        )
        .distinct()
    )
