"""Two onboarded clinics with content of every kind and a user per role, for isolation tests.

Clinic A is "Alderbrook", clinic B is "Birchwood". Every object of clinic B carries the word
"Birchwood" in its title or name, so a page of the admin that leaks anything of B is caught by
looking for that one word.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

import wagtail_factories
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from clinic_pages.clinics.models import ClinicSettings, Location
from clinic_pages.conditions.models import ConditionPage
from clinic_pages.faqs.models import Question
from clinic_pages.onboarding.clinics import (
    NETWORK_LIBRARIANS,
    ClinicSpec,
    OnboardedClinic,
    onboard_clinic,
)
from clinic_pages.physicians.models import PhysicianPage
from clinic_pages.treatments.models import TreatmentPage
from tests import factories

ROLES = ("editor", "reviewer", "front_desk")
ROLE_GROUPS = {"editor": "editors", "reviewer": "reviewers", "front_desk": "front desk"}
B_MARKER = "birchwood"


def appointment_request_model():
    """The appointment request model, or None while the appointments app does not have it."""
    try:
        return apps.get_model("clinic_pages_appointments", "AppointmentRequest")
    except LookupError:
        return None


@dataclass
class ClinicWorld:
    """One onboarded clinic, one object of every kind, and its staff by role."""

    name: str
    onboarded: OnboardedClinic
    treatment: TreatmentPage
    condition: ConditionPage
    physician: PhysicianPage
    location: Location
    question: Question
    image: object
    document: object
    users: dict[str, object] = field(default_factory=dict)
    appointment_request: object | None = None

    def titles(self) -> list[str]:
        """What would give away one of this clinic's objects on another clinic's admin page."""
        titles = [
            self.home.title,
            self.treatment.title,
            self.condition.title,
            self.physician.title,
            self.location.name,
            self.question.question,
            self.image.title,
            self.document.title,
            *(user.username for user in self.users.values()),
        ]
        if self.appointment_request is not None:
            titles += [self.appointment_request.name, self.appointment_request.reference]
        return titles

    def page_links(self) -> list[str]:
        """Admin links to this clinic's pages (some pages share titles across clinics)."""
        pages = [self.home, self.treatment, self.condition, self.physician, *self.sections.values()]
        return [f"/admin/pages/{page.pk}/" for page in pages]

    @property
    def site(self):
        return self.onboarded.site

    @property
    def settings(self) -> ClinicSettings:
        return self.onboarded.settings

    @property
    def collection(self):
        return self.onboarded.collection

    @property
    def sections(self) -> dict[str, Page]:
        return self.onboarded.sections

    @property
    def home(self) -> Page:
        return self.onboarded.home

    @property
    def workflow(self):
        return self.onboarded.workflow

    def group(self, role: str) -> Group:
        return self.onboarded.groups[ROLE_GROUPS[role]]


@dataclass
class World:
    a: ClinicWorld
    b: ClinicWorld
    superuser: object
    librarian: object  # the network-level role that maintains the citation library
    reference: object

    def users(self) -> list:
        return [*self.a.users.values(), *self.b.users.values(), self.superuser, self.librarian]


def _user(username: str, **extra):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.com", password="x", **extra
    )


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_clinic(name: str, slug: str) -> ClinicWorld:
    onboarded = onboard_clinic(
        ClinicSpec(
            slug=slug,
            practice_name=f"{name} Pain Care",
            hostname=f"{slug}.test",
            phone="(312) 555-0100",
            email=f"hello@{slug}.test",
            launched=True,
        )
    )
    sections = onboarded.sections
    staff = {role: _user(f"{slug}-{role.replace('_', '-')}") for role in ROLES}
    for role, user in staff.items():
        user.groups.add(onboarded.groups[ROLE_GROUPS[role]])
    # Onboarding titles the home page after the practice, as it names the Site; a distinct page
    # title tells a leaked page apart from a clinic name shown in one of Wagtail's site filters.
    home = onboarded.home.specific
    home.title = f"Welcome to {name}"
    onboarded.home = _publish(home)

    physician = factories.PhysicianPageFactory(
        parent=sections["physicians"],
        given_name=name,
        family_name="Reviewer",
        title=f"Dr. {name} Reviewer",
        slug="reviewer",
        account=staff["reviewer"],
    )
    _publish(physician)

    treatment = factories.TreatmentPageFactory(
        parent=sections["treatments"], title=f"{name} ketamine infusion", slug=f"ketamine-{slug}"
    )
    _publish(treatment)
    # A second, unpublished revision gives the page something to compare and revert.
    treatment.summary = f"Draft summary of the {name} ketamine infusion."
    treatment.save_revision()

    condition = factories.ConditionPageFactory(
        parent=sections["conditions"], title=f"{name} nerve pain", slug=f"nerve-pain-{slug}"
    )
    _publish(condition)
    # Activity for the reports: the condition awaits clinical review, the physician bio is locked.
    condition.save_revision(user=staff["editor"])
    condition.get_workflow().start(condition, staff["editor"])
    physician.locked, physician.locked_by, physician.locked_at = (
        True,
        staff["editor"],
        timezone.now(),
    )
    physician.save(update_fields=["locked", "locked_by", "locked_at"])

    location = factories.LocationFactory(site=onboarded.site, name=f"{name} main office")
    question = factories.QuestionFactory(
        site=onboarded.site, question=f"Does {name} take walk-in patients?"
    )
    image = wagtail_factories.ImageFactory(
        title=f"{name} waiting room", collection=onboarded.collection
    )
    document = get_document_model().objects.create(
        title=f"{name} consent form",
        collection=onboarded.collection,
        file=ContentFile(b"%PDF-1.4 consent", name=f"{slug}-consent.pdf"),
    )

    world = ClinicWorld(
        name=name,
        onboarded=onboarded,
        treatment=TreatmentPage.objects.get(pk=treatment.pk),
        condition=condition,
        physician=physician,
        location=location,
        question=question,
        image=image,
        document=document,
        users=staff,
    )
    model = appointment_request_model()
    if model is not None:
        world.appointment_request = model.objects.create(
            site=onboarded.site,
            submission_token=uuid.uuid4(),
            name=f"{name} patient",
            phone="(312) 555-0199",
            email=f"patient@{slug}.test",
            contact_method="phone",
            patient_status="new",
            consented_at=timezone.now(),
            note=f"{name} request note",
        )
    return world


def build_world() -> World:
    a = build_clinic("Alderbrook", "alderbrook")
    b = build_clinic("Birchwood", "birchwood")
    superuser = get_user_model().objects.create_superuser(
        "network-admin", "network-admin@example.com", "x"
    )
    librarian = _user("network-librarian")
    librarian.groups.add(Group.objects.get(name=NETWORK_LIBRARIANS))
    reference = factories.ReferenceFactory(title="Shared study of ketamine for neuropathic pain")
    return World(a=a, b=b, superuser=superuser, librarian=librarian, reference=reference)


def today() -> datetime.date:
    return timezone.localdate()
