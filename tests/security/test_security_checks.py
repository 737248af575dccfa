"""System checks and the command for settings and grants that would open every clinic."""

from __future__ import annotations

from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import GroupPagePermission, Page

from clinic_pages.clinics.checks import (
    check_external_link_conversion,
    check_page_grants_above_clinics,
    check_second_factor_middleware,
)


def _ids(messages) -> list[str]:
    return [message.id for message in messages]


def _stock_editors_on_root() -> Group:
    """What Wagtail's own migrations install: 'Editors' with add/change/publish on the root."""
    group, _ = Group.objects.get_or_create(name="Editors")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group


def test_a_group_with_rights_on_the_root_is_warned_about(w):
    _stock_editors_on_root()
    messages = check_page_grants_above_clinics(databases=["default"])
    warned = [m for m in messages if m.id == "clinic_pages.W003"]
    assert warned and all(m.obj for m in warned)
    assert any('"Editors"' in m.msg for m in warned)
    assert "remove_root_page_grants" in warned[0].hint


def test_a_group_above_several_clinics_is_warned_about(w):
    group = Group.objects.create(name="Regional managers")
    both = w.a.home.get_parent()  # the tree above both clinics' homes
    GroupPagePermission.objects.create(
        group=group, page=both, permission=Permission.objects.get(codename="change_page")
    )
    messages = check_page_grants_above_clinics(databases=["default"])
    assert any('"Regional managers"' in m.msg for m in messages)


def test_onboarded_clinic_groups_raise_no_warning(w):
    GroupPagePermission.objects.filter(page__depth=1).delete()
    assert check_page_grants_above_clinics(databases=["default"]) == []


def test_the_check_needs_the_database_and_is_quiet_without_it(w):
    _stock_editors_on_root()
    assert check_page_grants_above_clinics() == []


def test_the_command_removes_only_the_spanning_grants(w):
    group = _stock_editors_on_root()
    own = GroupPagePermission.objects.filter(group=w.a.group("editor")).count()
    dry = StringIO()
    call_command("remove_root_page_grants", "--dry-run", stdout=dry)
    assert "Editors: publish_page on Root" in dry.getvalue()
    assert GroupPagePermission.objects.filter(group=group).exists()

    out = StringIO()
    call_command("remove_root_page_grants", stdout=out)
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert GroupPagePermission.objects.filter(group=w.a.group("editor")).count() == own
    assert check_page_grants_above_clinics(databases=["default"]) == []


def test_external_link_conversion_is_off_here_and_warned_about_elsewhere():
    assert check_external_link_conversion() == []
    with override_settings(WAGTAILADMIN_EXTERNAL_LINK_CONVERSION="all"):
        assert _ids(check_external_link_conversion()) == ["clinic_pages.W004"]


def test_the_second_factor_gate_needs_django_otp_before_it(settings):
    assert check_second_factor_middleware() == []
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "django_otp.middleware.OTPMiddleware"
    ]
    assert _ids(check_second_factor_middleware()) == ["clinic_pages.E007"]
