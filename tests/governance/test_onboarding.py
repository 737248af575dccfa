"""Onboarding gives each clinic its own tree, settings, media, roles and review workflow, and
grants every role rights on that clinic only."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Task,
    Workflow,
    WorkflowPage,
)

from clinic_pages.clinics.access import sites_for_user
from clinic_pages.governance.models import ClinicalReviewTask
from clinic_pages.home.models import NoticePage
from clinic_pages.onboarding.clinics import NETWORK_LIBRARIANS, ClinicSpec, onboard_clinic

ROLE_GROUPS = ("editors", "reviewers", "front desk")


def _codenames(queryset) -> set[str]:
    return set(queryset.values_list("permission__codename", flat=True))


def test_every_clinic_gets_its_site_tree_settings_collection_and_groups(w):
    for clinic in (w.a, w.b):
        onboarded = clinic.onboarded
        assert onboarded.site.root_page_id == onboarded.home.pk
        assert set(onboarded.sections) == {
            "treatments",
            "conditions",
            "physicians",
            "faq",
            "articles",
            "appointments",
        }
        assert onboarded.settings.site == onboarded.site
        assert onboarded.settings.appointment_page_id == onboarded.sections["appointments"].pk
        assert onboarded.collection.get_parent() == Collection.get_first_root_node()
        assert sorted(onboarded.groups) == sorted(ROLE_GROUPS)


@pytest.mark.parametrize(
    ("role", "page_perms", "media"),
    [
        ("editors", {"add_page", "change_page", "lock_page", "unlock_page"}, True),
        (
            "reviewers",
            {"add_page", "change_page", "lock_page", "unlock_page", "publish_page"},
            True,
        ),
        ("front desk", set(), False),
    ],
)
def test_each_role_is_granted_on_its_own_clinic_only(w, role, page_perms, media):
    for clinic, other in ((w.a, w.b), (w.b, w.a)):
        group = clinic.onboarded.groups[role]
        page_grants = GroupPagePermission.objects.filter(group=group)
        assert _codenames(page_grants) == page_perms
        assert set(page_grants.values_list("page_id", flat=True)) <= {clinic.home.pk}
        site_grants = GroupSitePermission.objects.filter(group=group)
        assert set(site_grants.values_list("site_id", flat=True)) == {clinic.site.pk}
        media_grants = GroupCollectionPermission.objects.filter(group=group)
        assert set(media_grants.values_list("collection_id", flat=True)) == (
            {clinic.collection.pk} if media else set()
        )
        assert not GroupPagePermission.objects.filter(group=group, page=other.home).exists()
        assert not group.permissions.filter(codename__in=["publish_page", "add_user"]).exists()


def test_each_clinics_staff_belong_to_that_clinic_only(w):
    for clinic in (w.a, w.b):
        for user in clinic.users.values():
            assert list(sites_for_user(user)) == [clinic.site]


def test_only_editors_and_reviewers_edit_snippets_and_settings(w):
    editors = _codenames(GroupSitePermission.objects.filter(group=w.a.group("editor")))
    assert {"change_location", "change_question", "change_clinicsettings"} <= editors
    front_desk = _codenames(GroupSitePermission.objects.filter(group=w.a.group("front_desk")))
    assert front_desk == {
        "view_appointmentrequest",
        "change_appointmentrequest",
        "add_appointmentslot",
        "change_appointmentslot",
        "delete_appointmentslot",
        "view_appointmentslot",
        "add_physicianschedule",
        "change_physicianschedule",
        "delete_physicianschedule",
        "view_physicianschedule",
    }


def test_every_clinic_gets_unpublished_drafts_of_its_notices(w):
    drafts = NoticePage.objects.child_of(w.a.home)
    assert sorted(drafts.values_list("kind", flat=True)) == [
        "accessibility",
        "nondiscrimination",
        "privacy",
    ]
    assert not drafts.filter(live=True).exists()
    assert all(
        "Alderbrook Pain Care" in page.get_latest_revision_as_object().body for page in drafts
    )


def test_editors_and_reviewers_may_translate_the_front_desk_may_not(w):
    for role in ("editor", "reviewer"):
        assert w.a.users[role].has_perm("simple_translation.submit_translation")
    assert not w.a.users["front_desk"].has_perm("simple_translation.submit_translation")


APPOINTMENT_PERMISSIONS = {
    "view_appointmentrequest",
    "change_appointmentrequest",
    "add_appointmentslot",
    "change_appointmentslot",
    "delete_appointmentslot",
    "view_appointmentslot",
}


def _model_codenames(group) -> set[str]:
    return set(group.permissions.values_list("codename", flat=True))


def test_only_the_front_desk_holds_patient_data(w):
    """Patients are told only the front desk sees their requests; editors see counts."""
    for clinic in (w.a, w.b):
        assert _model_codenames(clinic.group("front_desk")) >= APPOINTMENT_PERMISSIONS
        for role in ("editor", "reviewer"):
            assert not _model_codenames(clinic.group(role)) & APPOINTMENT_PERMISSIONS
            assert not clinic.users[role].has_perm(
                "clinic_pages_appointments.view_appointmentrequest"
            )


def test_onboarding_again_takes_patient_data_back_from_editors(w):
    from django.contrib.auth.models import Permission

    editors = w.a.group("editor")
    editors.permissions.add(
        *Permission.objects.filter(
            codename__in=["view_appointmentrequest", "change_appointmentrequest"]
        )
    )
    onboard_clinic(
        ClinicSpec(
            slug="alderbrook", practice_name="Alderbrook Pain Care", hostname="alderbrook.test"
        )
    )
    assert not _model_codenames(editors) & APPOINTMENT_PERMISSIONS
    assert _model_codenames(w.a.group("front_desk")) >= APPOINTMENT_PERMISSIONS


def test_the_review_workflow_is_the_clinics_own_and_has_its_task(w):
    for clinic, other in ((w.a, w.b), (w.b, w.a)):
        workflow = clinic.workflow
        assert WorkflowPage.objects.get(page=clinic.home).workflow == workflow
        [task] = workflow.tasks.all()
        task = task.specific
        assert isinstance(task, ClinicalReviewTask)
        assert task.active
        assert list(task.groups.all()) == [clinic.group("reviewer")]
        assert other.group("reviewer") not in task.groups.all()


def test_the_network_librarians_group_exists_once_with_reference_rights_only(w):
    group = Group.objects.get(name=NETWORK_LIBRARIANS)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert codenames == {
        "access_admin",
        "add_reference",
        "change_reference",
        "delete_reference",
        "view_reference",
    }


def test_onboarding_again_changes_nothing(w):
    spec = ClinicSpec(
        slug="alderbrook", practice_name="Alderbrook Pain Care", hostname="alderbrook.test"
    )
    models = [Site, Page, Group, Collection, Workflow, Task, WorkflowPage, GroupPagePermission,
              GroupSitePermission, GroupCollectionPermission]  # fmt: skip
    before = {model: model.objects.count() for model in models}
    again = onboard_clinic(spec)
    assert {model: model.objects.count() for model in models} == before
    assert again.site == w.a.site
    assert again.workflow == w.a.workflow


def test_onboarding_repairs_a_review_workflow_left_without_its_task(w):
    """Earlier onboarding staged the task link without saving it; running it again repairs it."""
    from wagtail.models import WorkflowTask

    WorkflowTask.objects.filter(workflow=w.a.workflow).delete()
    onboard_clinic(
        ClinicSpec(
            slug="alderbrook", practice_name="Alderbrook Pain Care", hostname="alderbrook.test"
        )
    )
    [task] = w.a.workflow.tasks.all()
    assert list(task.specific.groups.all()) == [w.a.group("reviewer")]
