"""No clinic role can manage users or groups: not see them, not create them, not promote itself."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, GroupSitePermission

from tests.isolation.responses import assert_refused, fetch
from tests.isolation.two_clinics import ROLES

USER_ADMIN_CODENAMES = {
    "add_user",
    "change_user",
    "delete_user",
    "view_user",
    "add_group",
    "change_group",
    "delete_group",
    "view_group",
}


def test_onboarding_gives_no_clinic_group_a_user_or_group_permission(w):
    for clinic in (w.a, w.b):
        for group in clinic.onboarded.groups.values():
            codenames = set(group.permissions.values_list("codename", flat=True))
            assert not codenames & USER_ADMIN_CODENAMES, group.name
            for model in (GroupPagePermission, GroupSitePermission):
                granted = model.objects.filter(group=group).values_list(
                    "permission__codename", flat=True
                )
                assert not set(granted) & USER_ADMIN_CODENAMES, group.name


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailusers_users:index",
        "wagtailusers_users:add",
        "wagtailusers_groups:index",
        "wagtailusers_groups:add",
    ],
)
def test_user_and_group_admin_is_refused(w, client_for, role, url_name):
    assert_refused(fetch(client_for(w.a.users[role]), reverse(url_name)))


@pytest.mark.parametrize("role", ROLES)
def test_a_clinic_role_cannot_create_a_user(w, client_for, role):
    users = get_user_model().objects.count()
    client_for(w.a.users[role]).post(
        reverse("wagtailusers_users:add"),
        {
            "username": "intruder",
            "email": "intruder@example.com",
            "first_name": "In",
            "last_name": "Truder",
            "password1": "a-Long-pass-123",
            "password2": "a-Long-pass-123",
            "is_superuser": "on",
            "groups": [w.b.group("editor").pk],
        },
    )
    assert get_user_model().objects.count() == users


@pytest.mark.parametrize("role", ROLES)
def test_a_clinic_role_cannot_join_another_group_or_become_superuser(w, client_for, role):
    user = w.a.users[role]
    client = client_for(user)
    client.post(
        reverse("wagtailusers_users:edit", args=[user.pk]),
        {
            "username": user.username,
            "email": user.email,
            "is_active": "on",
            "is_superuser": "on",
            "groups": [w.a.group(role).pk, w.b.group("reviewer").pk],
        },
    )
    client.post(
        reverse("wagtailusers_groups:edit", args=[w.a.group(role).pk]),
        {
            "name": w.a.group(role).name,
            "permissions": list(Permission.objects.values_list("pk", flat=True)),
        },
    )
    user.refresh_from_db()
    assert not user.is_superuser
    assert list(user.groups.all()) == [w.a.group(role)]
    assert (
        not Group.objects.get(pk=w.a.group(role).pk)
        .permissions.filter(codename__in=USER_ADMIN_CODENAMES)
        .exists()
    )


@pytest.mark.parametrize("role", ROLES)
def test_the_account_page_offers_no_groups_or_superuser_status(w, client_for, role):
    """Wagtail's own 'Account' page is open to everyone; it must not be a way in."""
    client = client_for(w.a.users[role])
    response = client.get(reverse("wagtailadmin_account"))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="is_superuser"' not in content
    assert 'name="groups"' not in content
