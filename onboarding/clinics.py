"""Create a clinic end to end: Site, home page and indexes, settings, collections, groups.

Idempotent: every object is looked up by a natural key first, so running it again for the
same clinic changes nothing. The clinic is its home page (a child of the tree root with the
clinic's slug): run again with a new hostname, its one Site moves there, so the settings, offices
and requests keyed by that Site stay with the clinic. A new clinic starts private
(``ClinicSettings.launched``, clinics.launch) unless the spec says to launch it.
The demo loader, `manage.py onboard_clinic` and the admin's onboarding views all use it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from clinic_pages.appointments.models import AppointmentPage
from clinic_pages.articles.models import ArticleIndexPage
from clinic_pages.clinics.checks import page_grants_spanning_clinics
from clinic_pages.clinics.languages import clinic_languages, with_main_language
from clinic_pages.clinics.launch import set_launched
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.conditions.models import ConditionIndexPage
from clinic_pages.faqs.models import FAQPage
from clinic_pages.governance.models import ClinicalReviewTask
from clinic_pages.home.models import HomePage, NoticePage
from clinic_pages.physicians.models import PhysicianIndexPage
from clinic_pages.treatments.models import TreatmentIndexPage

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
REVIEWER_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page"]
MEDIA_PERMISSIONS = [
    ("wagtailimages", "image", ["add", "change", "choose", "delete"]),
    ("wagtaildocs", "document", ["add", "change", "choose", "delete"]),
]
# Per-site rights on the clinic-owned snippets and settings (GroupSitePermission).
CONTENT_SITE_PERMISSIONS = [
    ("clinic_pages_clinics", "location", ["add", "change", "delete", "view"]),
    ("clinic_pages_faqs", "question", ["add", "change", "delete", "view"]),
    ("clinic_pages_clinics", "clinicsettings", ["change"]),
]
# FAQ answers are medical content: editors save drafts, the clinic's reviewers publish them.
REVIEWER_SITE_PERMISSIONS = [
    *CONTENT_SITE_PERMISSIONS,
    ("clinic_pages_faqs", "question", ["publish"]),
]
FRONT_DESK_SITE_PERMISSIONS = [
    ("clinic_pages_appointments", "appointmentrequest", ["view", "change"]),
    ("clinic_pages_appointments", "appointmentslot", ["add", "change", "delete", "view"]),
    ("clinic_pages_appointments", "physicianschedule", ["add", "change", "delete", "view"]),
]
NOTICE_DRAFTS = Path(__file__).parent / "data" / "notice_drafts.toml"
# The network-level role that keeps the shared citation library; clinic groups only read it.
NETWORK_LIBRARIANS = "Network reference librarians"
LIBRARIAN_PERMISSIONS = [
    ("clinic_pages_references", "reference", ["add", "change", "delete", "view"])
]


class OnboardingError(Exception):
    """What onboarding refuses to do, in words for the person who asked."""


@dataclass(frozen=True)
class ClinicSpec:
    """What onboarding needs to know about a new clinic."""

    slug: str
    practice_name: str
    hostname: str
    port: int = 80
    is_default_site: bool = False
    tagline: str = ""
    phone: str = ""
    email: str = ""
    time_zone: str = ""
    # A new clinic is private until launched (clinics.launch); True launches it now.
    launched: bool = False
    # The languages it publishes in (``clinics.languages``); the main one is always among them.
    languages: tuple[str, ...] = ()


@dataclass
class OnboardedClinic:
    site: Site
    home: Page
    sections: dict[str, Page]
    settings: ClinicSettings
    collection: Collection
    groups: dict[str, Group] = field(default_factory=dict)
    workflow: Workflow | None = None


def _permissions(app_label: str, model: str, actions: list[str]) -> list[Permission]:
    try:
        content_type = ContentType.objects.get(app_label=app_label, model=model)
    except ContentType.DoesNotExist:
        return []
    codenames = [f"{action}_{model}" for action in actions]
    return list(Permission.objects.filter(content_type=content_type, codename__in=codenames))


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _admin_access() -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _home_sections(spec: ClinicSpec) -> list[tuple[str, type[Page], dict]]:
    """The standard branches of a clinic site, with starter text editors are expected to edit."""
    return [
        ("treatments", TreatmentIndexPage, {"title": "Treatments"}),
        ("conditions", ConditionIndexPage, {"title": "Conditions we treat"}),
        ("physicians", PhysicianIndexPage, {"title": "Our physicians"}),
        ("faq", FAQPage, {"title": "Frequently asked questions"}),
        ("articles", ArticleIndexPage, {"title": "Articles"}),
        (
            "appointments",
            AppointmentPage,
            {
                "title": "Request an appointment",
                "intro": f"<p>Tell us how to reach you and the {spec.practice_name} team "
                "will contact you to arrange a visit.</p>",
            },
        ),
    ]


def clinic_home(slug: str) -> HomePage | None:
    """The clinic's home page: a child of the tree root with the clinic's slug."""
    return HomePage.objects.child_of(Page.get_first_root_node()).filter(slug=slug).first()


def _create_home(spec: ClinicSpec) -> HomePage:
    home = HomePage(
        title=spec.practice_name,
        slug=spec.slug,
        hero_heading=spec.practice_name,
        hero_text=spec.tagline or f"Care for lasting pain at {spec.practice_name}.",
    )
    Page.get_first_root_node().add_child(instance=home)
    _publish(home)
    return home


def _move_site(site: Site, hostname: str, port: int) -> Site:
    """The clinic's one Site answers at the new hostname: everything keyed by it comes along."""
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return site


def _refuse_taken(hostname: str, home: Page | None) -> None:
    other = hostname_taken(hostname, home)
    if other is not None:
        # Another clinic's (or the host project's) site: adopting it would mix two clinics.
        raise OnboardingError(
            _("%(hostname)s already belongs to the site “%(site)s”; choose another hostname.")
            % {"hostname": hostname, "site": other}
        )


@transaction.atomic
def move_clinic(site: Site, hostname: str) -> Site:
    """Give the clinic's Site a new hostname (same port), as onboarding again with it would."""
    _refuse_taken(hostname, site.root_page)
    return _move_site(site, hostname, site.port)


def hostname_taken(hostname: str, home: Page | None = None) -> Site | None:
    """Another site that answers at this hostname (on any port), if there is one."""
    sites = Site.objects.filter(hostname=hostname)
    return (sites.exclude(root_page=home) if home is not None else sites).first()


def _ensure_home(spec: ClinicSpec) -> tuple[Site, Page]:
    home = clinic_home(spec.slug)
    _refuse_taken(spec.hostname, home)
    if home is None:
        home = _create_home(spec)
    site = Site.objects.filter(root_page=home).order_by("pk").first()
    if site is None:
        if spec.is_default_site:
            Site.objects.filter(is_default_site=True).update(is_default_site=False)
        site = Site.objects.create(
            hostname=spec.hostname,
            port=spec.port,
            site_name=spec.practice_name,
            root_page=home,
            is_default_site=spec.is_default_site,
        )
    elif (site.hostname, site.port) != (spec.hostname, spec.port):
        _move_site(site, spec.hostname, spec.port)
    return site, home


def _ensure_sections(spec: ClinicSpec, home: Page) -> dict[str, Page]:
    sections = {}
    for slug, model, fields in _home_sections(spec):
        page = model.objects.child_of(home).first()
        if page is None:
            page = model(slug=slug, show_in_menus=True, **fields)
            home.add_child(instance=page)
            _publish(page)
        sections[slug] = page
    return sections


def _ensure_notice_drafts(spec: ClinicSpec, home: Page) -> None:
    """Drafts of the footer's notices (privacy, non-discrimination, accessibility) for the
    clinic to complete and publish through review; a draft is linked nowhere."""
    with NOTICE_DRAFTS.open("rb") as data:
        drafts = tomllib.load(data)["notices"]
    for draft in drafts:
        if NoticePage.objects.child_of(home).filter(kind=draft["kind"]).exists():
            continue
        body = draft["body"].replace("{practice_name}", spec.practice_name)
        page = NoticePage(title=draft["title"], slug=draft["slug"], kind=draft["kind"], body=body)
        page.live = False
        home.add_child(instance=page)
        page.save_revision()


def _ensure_settings(spec: ClinicSpec, site: Site, appointment_page: Page) -> ClinicSettings:
    languages = with_main_language(spec.languages)
    settings, created = ClinicSettings.objects.get_or_create(
        site=site,
        defaults={
            "languages": languages,
            "practice_name": spec.practice_name,
            "tagline": spec.tagline,
            "phone": spec.phone,
            "email": spec.email,
            "appointment_page": appointment_page,
            "launched": spec.launched,
            **({"time_zone": spec.time_zone} if spec.time_zone else {}),
        },
    )
    if not created and settings.appointment_page_id is None:
        settings.appointment_page = appointment_page
        settings.save(update_fields=["appointment_page"])
    # Run again with more languages, the clinic gains them; it never loses one this way.
    merged = with_main_language([*clinic_languages(settings), *languages])
    if not created and merged != clinic_languages(settings):
        settings.languages = merged
        settings.save(update_fields=["languages"])
    if spec.launched:  # a clinic onboarded before stays as private as it is unless told
        set_launched(settings, True)
    return settings


def _ensure_collection(spec: ClinicSpec) -> Collection:
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=spec.practice_name).first()
    return collection or root.add_child(name=spec.practice_name)


def _grant(
    group: Group,
    site: Site,
    home: Page,
    collection: Collection,
    page_codenames: list[str],
    site_permissions: list[tuple[str, str, list[str]]],
    media: bool,
) -> None:
    group.permissions.add(_admin_access())
    for codename in page_codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=home, permission=_page_permission(codename)
        )
    for app_label, model, actions in site_permissions:
        for permission in _permissions(app_label, model, actions):
            GroupSitePermission.objects.get_or_create(group=group, site=site, permission=permission)
    if media:
        for app_label, model, actions in MEDIA_PERMISSIONS:
            for permission in _permissions(app_label, model, actions):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )


def _ensure_groups(
    spec: ClinicSpec, site: Site, home: Page, collection: Collection
) -> dict[str, Group]:
    groups = {
        role: Group.objects.get_or_create(name=f"{spec.practice_name} {role}")[0]
        for role in ("editors", "reviewers", "front desk")
    }
    _grant(
        groups["editors"], site, home, collection, EDITOR_PAGE_PERMISSIONS,
        CONTENT_SITE_PERMISSIONS, media=True,
    )  # fmt: skip
    _grant(
        groups["reviewers"], site, home, collection, REVIEWER_PAGE_PERMISSIONS,
        REVIEWER_SITE_PERMISSIONS, media=True,
    )  # fmt: skip
    _grant(
        groups["front desk"], site, home, collection, [], FRONT_DESK_SITE_PERMISSIONS,
        media=False,
    )  # fmt: skip
    # The appointments admin asks for Django model permissions and narrows them to the user's
    # clinics (appointments.permissions). Patients are told only the front desk sees their
    # requests, so only the front desk holds them; editors see counts on the dashboard. Running
    # onboarding again takes them back from editors onboarded before.
    # Wagtail's "Translate" action (simple_translation), when the install publishes in more than
    # one language: the copy lands in the clinic's own translated tree (clinics.translations).
    if apps.is_installed("wagtail.contrib.simple_translation"):
        translate = Permission.objects.get(
            content_type__app_label="simple_translation", codename="submit_translation"
        )
        for role in ("editors", "reviewers"):
            groups[role].permissions.add(translate)
    for app_label, model, actions in FRONT_DESK_SITE_PERMISSIONS:
        permissions = _permissions(app_label, model, actions)
        groups["front desk"].permissions.add(*permissions)
        for role in ("editors", "reviewers"):
            groups[role].permissions.remove(*permissions)
    return groups


def _ensure_review_workflow(spec: ClinicSpec, reviewers: Group, home: Page) -> Workflow:
    """The clinic's review workflow, approved by its own reviewers, on its whole site.

    Editors cannot publish; every change goes to this clinic's reviewers (never Wagtail's
    global Moderators). Approval of a medical page also stamps its review metadata.
    """
    workflow, _ = Workflow.objects.get_or_create(name=f"{spec.practice_name} clinical review")
    # Workflow is a ClusterableModel: `workflow.workflow_tasks.create()` only stages the link
    # in memory, which left the workflow without a task, so submitting a page "finished" it at
    # once and tried to publish as the submitter. Save the link itself, and repair old ones.
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task, _ = ClinicalReviewTask.objects.get_or_create(
            name=f"{spec.practice_name}: clinician sign-off"
        )
        task.groups.set([reviewers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def remove_page_grants_above_clinics() -> list[str]:
    """Delete group page permissions on the tree root or above several clinics' homes.

    Wagtail installs its "Editors" and "Moderators" groups with add, change and publish rights on
    the tree root, which spans every clinic (system check clinic_pages.W003). Returns what was
    removed, as "group: permission on page" lines.
    """
    removed = []
    for grant in page_grants_spanning_clinics():
        removed.append(f"{grant.group.name}: {grant.permission.codename} on {grant.page.title}")
        grant.delete()
    return removed


def ensure_network_roles() -> Group:
    """The network-level group whose members maintain the shared citation library."""
    librarians, _ = Group.objects.get_or_create(name=NETWORK_LIBRARIANS)
    librarians.permissions.add(_admin_access())
    for app_label, model, actions in LIBRARIAN_PERMISSIONS:
        librarians.permissions.add(*_permissions(app_label, model, actions))
    return librarians


@transaction.atomic
def onboard_clinic(spec: ClinicSpec) -> OnboardedClinic:
    """Create (or find) everything a new clinic needs to start publishing."""
    site, home = _ensure_home(spec)
    sections = _ensure_sections(spec, home)
    _ensure_notice_drafts(spec, home)
    settings = _ensure_settings(spec, site, sections["appointments"])
    collection = _ensure_collection(spec)
    groups = _ensure_groups(spec, site, home, collection)
    workflow = _ensure_review_workflow(spec, groups["reviewers"], home)
    ensure_network_roles()
    return OnboardedClinic(site, home, sections, settings, collection, groups, workflow)
