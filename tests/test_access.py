"""Which clinics an admin user may manage, derived from their groups' page permissions."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from wagtail.models import GroupPagePermission

from clinic_pages.clinics.access import sites_for_user, user_can_manage_site


@pytest.fixture
def two_clinics(make_clinic):
    return make_clinic("alpha"), make_clinic("beta")


def _editor_of(django_user_model, page, username="editor"):
    group = Group.objects.create(name=f"{username} group")
    GroupPagePermission.objects.create(
        group=group, page=page, permission=Permission.objects.get(codename="change_page")
    )
    user = django_user_model.objects.create_user(username=username, password="x")
    user.groups.add(group)
    return user


def test_superuser_manages_every_clinic(two_clinics, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "a@example.com", "x")
    alpha, beta = two_clinics
    assert set(sites_for_user(admin)) == {alpha.site, beta.site}


def test_editor_with_permission_on_a_home_sees_only_that_clinic(two_clinics, django_user_model):
    alpha, beta = two_clinics
    editor = _editor_of(django_user_model, alpha.home)
    assert list(sites_for_user(editor)) == [alpha.site]
    assert user_can_manage_site(editor, alpha.site)
    assert not user_can_manage_site(editor, beta.site)


def test_permission_on_a_page_below_the_home_grants_no_clinic(two_clinics, django_user_model):
    alpha, _ = two_clinics
    editor = _editor_of(django_user_model, alpha.treatments)
    assert list(sites_for_user(editor)) == []


def test_permission_on_the_tree_root_grants_every_clinic(two_clinics, django_user_model):
    alpha, beta = two_clinics
    editor = _editor_of(django_user_model, alpha.home.get_parent())
    assert set(sites_for_user(editor)) == {alpha.site, beta.site}


def test_home_path_prefix_does_not_leak_to_a_sibling_clinic(make_clinic, django_user_model):
    # Tree paths are fixed-width steps, so one home's path is never a prefix of another's.
    clinics = [make_clinic(f"clinic-{i}") for i in range(3)]
    editor = _editor_of(django_user_model, clinics[1].home)
    assert list(sites_for_user(editor)) == [clinics[1].site]


def test_user_without_groups_and_anonymous_see_no_clinic(two_clinics, django_user_model):
    alpha, _ = two_clinics
    plain = django_user_model.objects.create_user(username="plain", password="x")
    assert list(sites_for_user(plain)) == []
    assert list(sites_for_user(AnonymousUser())) == []
    assert not user_can_manage_site(AnonymousUser(), alpha.site)


def test_deactivated_user_loses_access(two_clinics, django_user_model):
    alpha, _ = two_clinics
    editor = _editor_of(django_user_model, alpha.home)
    editor.is_active = False
    assert list(sites_for_user(editor)) == []
