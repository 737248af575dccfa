"""Which clinics (Sites) an admin user works for.

A user belongs to a clinic when one of their groups holds a per-site grant for it
(``GroupSitePermission``, as onboarding gives every clinic group) or a page permission on that
clinic's home page or above it. Superusers belong to every clinic.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from wagtail.models import GroupPagePermission, GroupSitePermission, Site


def sites_for_user(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Site]:
    """The Sites whose content this user may manage; all of them for superusers."""
    if not user.is_authenticated or not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
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
    return Site.objects.filter(pk__in=site_ids)


def user_can_manage_site(user: AbstractBaseUser | AnonymousUser, site: Site) -> bool:
    return sites_for_user(user).filter(pk=site.pk).exists()
