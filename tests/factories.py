"""Factories for every page type and snippet, plus raw StreamField block values.

Pages default to being created under the tree root when no ``parent`` is given (only sensible for
``HomePageFactory``); every other page factory expects ``parent=`` its index or home page.
Stream helpers return Wagtail's raw JSON form, where chooser blocks hold primary keys.
"""

from __future__ import annotations

import datetime
import uuid

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from clinic_pages.appointments.models import AppointmentPage
from clinic_pages.articles.models import ArticleIndexPage, ArticlePage
from clinic_pages.clinics.models import ClinicSettings, Location, OpeningHours
from clinic_pages.conditions.models import (
    ConditionCause,
    ConditionIndexPage,
    ConditionPage,
    ConditionSymptom,
)
from clinic_pages.faqs.models import FAQPage, Question
from clinic_pages.home.models import HomeFeaturedTreatment, HomePage
from clinic_pages.physicians.models import (
    PhysicianCertification,
    PhysicianEducation,
    PhysicianIndexPage,
    PhysicianPage,
    PhysicianSpecialty,
    PhysicianTreatment,
)
from clinic_pages.references.models import Reference
from clinic_pages.treatments.models import (
    RelatedTreatment,
    TreatmentCondition,
    TreatmentIndexPage,
    TreatmentPage,
    TreatmentReference,
    TreatmentRegulatoryStatus,
)

# --------------------------------------------------------------------------- stream values


def _block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def section_block(heading="What is it?", body="<p>A short explanation in plain language.</p>"):
    return _block("section", {"heading": heading, "body": body})


def callout_block(
    title="Tell us about your medicines", text="<p>Some do not mix.</p>", tone="warning"
):
    return _block("callout", {"tone": tone, "title": title, "text": text})


def key_facts_block(facts=(("Session length", "About an hour"),)):
    return _block(
        "key_facts",
        {"heading": "At a glance", "facts": [{"label": k, "value": v} for k, v in facts]},
    )


def evidence_block(findings):
    """``findings``: list of (finding text, [Reference, ...])."""
    return _block(
        "evidence",
        {
            "heading": "What the research shows",
            "intro": "",
            "findings": [
                {
                    "finding": text,
                    "study_type": "Retrospective review",
                    "references": [r.pk for r in refs],
                }
                for text, refs in findings
            ],
        },
    )


def protocol_block(steps):
    """``steps``: list of (label, dose, Reference | None)."""
    return _block(
        "protocol",
        {
            "heading": "Protocol and dosing",
            "intro": "",
            "steps": [
                {
                    "label": label,
                    "dose": dose,
                    "rate": "",
                    "duration": "4 hours",
                    "course": "",
                    "reference": ref.pk if ref else None,
                }
                for label, dose, ref in steps
            ],
            "note": "Doses are set by the physician for each patient.",
        },
    )


def faq_block(questions, heading="Frequently asked questions"):
    return _block("faq", {"heading": heading, "questions": [q.pk for q in questions]})


def cta_block(heading="Ready to talk to us?", page=None, phone="", button_label="Book now"):
    return _block(
        "call_to_action",
        {
            "heading": heading,
            "text": "",
            "button_label": button_label,
            "page": page.pk if page else None,
            "url": "",
            "phone": phone,
        },
    )


def side_effects_block():
    return _block(
        "side_effects",
        {
            "heading": "Side effects and risks",
            "intro": "",
            "common": ["Nausea"],
            "serious": ["Raised blood pressure"],
            "contraindications": ["Uncontrolled heart disease"],
        },
    )


def paragraph_block(html="<p>Article paragraph.</p>"):
    return _block("paragraph", html)


# --------------------------------------------------------------------------- snippets


def linked(model, field: str) -> factory.PostGeneration:
    """A post-generation hook: ``Factory(name=[a, b])`` links a and b in order via ``model``."""

    def link(obj, create, extracted, **kwargs):
        for position, item in enumerate(extracted or []):
            model.objects.create(page=obj, sort_order=position, **{field: item})

    return factory.PostGeneration(link)


class ReferenceFactory(DjangoModelFactory):
    kind = "article"
    authors = factory.Sequence(lambda n: f"Author{n} A, Second B")
    title = factory.Sequence(lambda n: f"Study number {n} of ketamine infusions")
    journal = "Pain Medicine"
    year = 2004
    volume = "5"
    issue = "3"
    pages = "263-275"
    doi = factory.Sequence(lambda n: f"10.1111/test.{n:05d}")
    pmid = factory.Sequence(lambda n: 15000000 + n)

    class Meta:
        model = Reference


class QuestionFactory(DjangoModelFactory):
    site = None  # required: pass site=
    topic = "Ketamine"
    question = factory.Sequence(lambda n: f"Question number {n}?")
    answer = factory.Sequence(lambda n: f"<p>Answer number {n}.</p>")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Question


class OpeningHoursFactory(DjangoModelFactory):
    location = None
    weekday = 0
    opens = datetime.time(8, 0)
    closes = datetime.time(17, 0)
    sort_order = factory.SelfAttribute("weekday")

    class Meta:
        model = OpeningHours


class LocationFactory(DjangoModelFactory):
    site = None  # required: pass site=
    name = factory.Sequence(lambda n: f"Office {n}")
    street_address = factory.Sequence(lambda n: f"{100 + n} Main Street, Suite 2")
    locality = "Glenview"
    region = "IL"
    postal_code = "60025"
    phone = "(312) 555-0142"

    class Meta:
        model = Location
        skip_postgeneration_save = True

    @factory.post_generation
    def hours(obj, create, extracted, **kwargs):
        """Monday to Friday 8:00-17:00 unless a list of (weekday, opens, closes) is given."""
        if not create:
            return
        rows = (
            extracted
            if extracted is not None
            else [(day, datetime.time(8, 0), datetime.time(17, 0)) for day in range(5)]
        )
        for weekday, opens, closes in rows:
            OpeningHoursFactory(location=obj, weekday=weekday, opens=opens, closes=closes)


class ClinicSettingsFactory(DjangoModelFactory):
    site = None  # required: pass site=
    practice_name = factory.Sequence(lambda n: f"Practice {n}")
    tagline = "Pain care close to home"
    brand_colour = "#1f4e79"
    accent_colour = "#7a3b00"
    phone = "(312) 555-0100"
    email = "hello@example.com"

    class Meta:
        model = ClinicSettings


# --------------------------------------------------------------------------- pages


class ClinicPageFactory(wagtail_factories.PageFactory):
    """Base: ``parent`` defaults to the tree root; post-generation never re-saves the page."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("parent") is None:
            kwargs["parent"] = Page.get_first_root_node()
        return super()._create(model_class, *args, **kwargs)


class HomePageFactory(ClinicPageFactory):
    title = factory.Sequence(lambda n: f"Clinic home {n}")
    hero_heading = "Relief for nerve pain that lingers"
    hero_text = "We treat chronic pain with care."
    welcome = "Welcome to our practice."

    class Meta:
        model = HomePage

    featured = linked(HomeFeaturedTreatment, "treatment")


class TreatmentIndexPageFactory(ClinicPageFactory):
    title = "Treatments"
    slug = "treatments"
    intro = "<p>Our treatments.</p>"

    class Meta:
        model = TreatmentIndexPage


class TreatmentPageFactory(ClinicPageFactory):
    title = factory.Sequence(lambda n: f"Treatment {n}")
    summary = factory.LazyAttribute(lambda o: f"Summary of {o.title} for chronic pain.")
    alternate_names = ""
    body = factory.LazyFunction(lambda: [section_block()])
    show_default_cta = True

    class Meta:
        model = TreatmentPage

    conditions = linked(TreatmentCondition, "condition")

    references = linked(TreatmentReference, "reference")

    @factory.post_generation
    def statuses(obj, create, extracted, **kwargs):
        """A list of (status, indication) pairs, e.g. ("off_label", "chronic pain")."""
        for i, (status, indication) in enumerate(extracted or []):
            TreatmentRegulatoryStatus.objects.create(
                page=obj, status=status, indication=indication, sort_order=i
            )

    related = linked(RelatedTreatment, "treatment")


class ConditionIndexPageFactory(ClinicPageFactory):
    title = "Conditions"
    slug = "conditions"
    intro = "<p>Conditions we treat.</p>"

    class Meta:
        model = ConditionIndexPage


class ConditionPageFactory(ClinicPageFactory):
    title = factory.Sequence(lambda n: f"Condition {n}")
    summary = factory.LazyAttribute(lambda o: f"What {o.title} is, in plain words.")
    body = factory.LazyFunction(list)

    class Meta:
        model = ConditionPage

    symptoms = linked(ConditionSymptom, "name")

    causes = linked(ConditionCause, "name")


class PhysicianIndexPageFactory(ClinicPageFactory):
    title = "Our physicians"
    slug = "physicians"
    intro = "<p>Meet the team.</p>"

    class Meta:
        model = PhysicianIndexPage


class PhysicianPageFactory(ClinicPageFactory):
    given_name = "Ana"
    family_name = factory.Sequence(lambda n: f"Surname{n}")
    title = factory.LazyAttribute(lambda o: f"Dr. {o.given_name} {o.family_name}")
    credentials = "MD"
    job_title = "Medical director, pain medicine"
    languages = "English, Spanish"
    accepting_new_patients = True
    bio = "<p>Dr. Surname has treated chronic pain for twenty years.</p>"

    class Meta:
        model = PhysicianPage

    @factory.post_generation
    def specialties(obj, create, extracted, **kwargs):
        for i, name in enumerate(["Pain medicine"] if extracted is None else extracted):
            PhysicianSpecialty.objects.create(page=obj, name=name, sort_order=i)

    certifications = linked(PhysicianCertification, "specialty")

    education = linked(PhysicianEducation, "description")

    treatments = linked(PhysicianTreatment, "treatment")

    @factory.post_generation
    def locations(obj, create, extracted, **kwargs):
        through = PhysicianPage.locations.through
        for location in extracted or []:
            through.objects.create(physicianpage=obj, location=location)


class FAQPageFactory(ClinicPageFactory):
    title = "Frequently asked questions"
    slug = "faq"
    intro = "<p>Answers to common questions.</p>"

    class Meta:
        model = FAQPage


class ArticleIndexPageFactory(ClinicPageFactory):
    title = "Articles"
    slug = "articles"
    intro = "<p>News and articles.</p>"

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(ClinicPageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    date = datetime.date(2024, 1, 15)
    summary = factory.LazyAttribute(lambda o: f"What {o.title} is about.")
    body = factory.LazyFunction(lambda: [paragraph_block()])

    class Meta:
        model = ArticlePage


class AppointmentPageFactory(ClinicPageFactory):
    title = "Request an appointment"
    slug = "appointments"
    intro = "<p>Call us or send a request and we will get back to you within a day.</p>"
    what_to_bring = "<p>Your referral and a list of your medicines.</p>"

    class Meta:
        model = AppointmentPage


class SiteFactory(DjangoModelFactory):
    hostname = factory.Sequence(lambda n: f"clinic{n}.localhost")
    port = 80
    site_name = factory.SelfAttribute("hostname")
    root_page = factory.SubFactory(HomePageFactory)
    is_default_site = False

    class Meta:
        model = Site
