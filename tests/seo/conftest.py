"""One fully described clinic for the structured-data tests, and helpers to read JSON-LD back.

Built on the shared ``clinic`` fixture and factories; everything the graphs are checked against
(side effects, protocol lines, statuses, references, FAQs, hours) is set here, in one place.
"""

from __future__ import annotations

import datetime
import json
import re
import uuid
from dataclasses import dataclass

import pytest
from django.template import RequestContext, Template
from django.test import RequestFactory
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from clinic_pages.articles.models import ArticlePage, ArticleRelatedTreatment
from clinic_pages.clinics.models import Location
from clinic_pages.conditions.models import ConditionPage
from clinic_pages.faqs.models import Question
from clinic_pages.physicians.models import PhysicianEducation, PhysicianPage, PhysicianTreatment
from clinic_pages.references.models import Reference
from clinic_pages.treatments.models import TreatmentPage
from tests import factories

JSONLD_SCRIPT = re.compile(r'<script type="application/ld\+json">(?P<json>.*?)</script>', re.DOTALL)

PROTOCOL_STEPS = [
    # label, dose, rate, duration, course
    ("Published CRPS protocol", "80 mg total", "", "4 hours", "daily for 5 days"),
    ("Maintenance", "0.5 to 1 mg/kg", "", "40 minutes", "as needed"),
    ("Low-dose infusion", "", "0.35 mg/kg/h", "2 hours", ""),
]


def _block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def protocol_block(steps, reference: Reference | None) -> dict:
    return _block(
        "protocol",
        {
            "heading": "Protocol and dosing",
            "intro": "",
            "steps": [
                {
                    "label": label,
                    "dose": dose,
                    "rate": rate,
                    "duration": duration,
                    "course": course,
                    "reference": reference.pk if reference else None,
                }
                for label, dose, rate, duration, course in steps
            ],
            "note": "",
        },
    )


def side_effects_block(common, serious, contraindications) -> dict:
    return _block(
        "side_effects",
        {
            "heading": "Side effects and risks",
            "intro": "",
            "common": common,
            "serious": serious,
            "contraindications": contraindications,
        },
    )


@dataclass
class SeoClinic:
    """The shared ``clinic`` plus the pages and snippets the graphs describe."""

    clinic: object
    image: Image
    locations: list[Location]
    references: list[Reference]
    questions: list[Question]
    physician: PhysicianPage
    condition: ConditionPage
    treatment: TreatmentPage
    article: ArticlePage

    def __getattr__(self, name):
        return getattr(self.clinic, name)


@pytest.fixture
def seo_clinic(clinic) -> SeoClinic:
    site = clinic.site
    image = Image.objects.create(
        title="IMG_2041",
        description="Infusion chair",
        file=get_test_image_file(size=(1600, 900)),
    )
    clinic.settings.facebook_url = "https://www.facebook.com/example-clinic"
    clinic.settings.save()

    glenview = factories.LocationFactory(
        site=site,
        name="Glenview office",
        phone="(847) 555-0101",
        latitude="42.069800",
        longitude="-87.787800",
        hours=[
            (0, datetime.time(8), datetime.time(17)),
            (2, datetime.time(9, 30), datetime.time(18)),
            (5, None, None),  # Saturday: listed as closed
        ],
    )
    loop = factories.LocationFactory(site=site, name="Loop office", phone="(312) 555-0199")

    journal_article = factories.ReferenceFactory(
        authors="Correll GE, Maleki J, et al.",
        title="Subanesthetic ketamine infusion therapy: a retrospective analysis",
        journal="Pain Medicine",
        year=2004,
        doi="10.1111/j.1526-4637.2004.04041.x",
        pmid=15366999,
        pmcid="",
    )
    chapter = factories.ReferenceFactory(
        kind="book",
        authors="Rosenbaum SB, Gupta V",
        title="Ketamine",
        journal="StatPearls",
        year=2024,
        doi="",
        pmid=None,
        bookshelf_id="NBK470357",
    )
    protocol_source = factories.ReferenceFactory(title="A protocol paper", pmid=None)

    questions = [
        factories.QuestionFactory(
            site=site,
            question="Is ketamine infusion safe?",
            answer='<p>It is <b>generally</b> well tolerated &amp; <a href="/x/">monitored</a>.</p>',
        ),
        factories.QuestionFactory(site=site, question="How many sessions will I need?"),
        factories.QuestionFactory(site=site, question="Does insurance cover it?"),
    ]

    physician = factories.PhysicianPageFactory(
        parent=clinic.physicians,
        given_name="Ana",
        family_name="Lee",
        photo=image,
        specialties=["Anesthesiology", "Pain medicine"],
        certifications=["Anesthesiology", "Pain Medicine"],
        locations=[glenview],
    )
    PhysicianEducation.objects.create(page=physician, kind="degree", description="MD, Rush")
    PhysicianEducation.objects.create(
        page=physician, kind="residency", description="Residency in anesthesiology"
    )
    PhysicianEducation.objects.create(page=physician, kind="other", description="Yoga teacher")
    condition = factories.ConditionPageFactory(
        parent=clinic.conditions,
        title="Complex regional pain syndrome",
        alternate_names="CRPS, Reflex sympathetic dystrophy",
        symptoms=["Burning pain", "Swelling"],
        causes=["Injury to a limb"],
    )
    second_condition = factories.ConditionPageFactory(
        parent=clinic.conditions, title="Postherpetic neuralgia"
    )
    treatment = factories.TreatmentPageFactory(
        parent=clinic.treatments,
        title="Ketamine infusion",
        summary="Low-dose ketamine given through a drip for chronic nerve pain.",
        alternate_names="IV ketamine, Ketamine therapy",
        listing_image=image,
        reviewed_by=physician,
        last_reviewed=datetime.date(2025, 3, 1),
        body=[
            factories.section_block(),
            side_effects_block(
                ["Nausea", "Dizziness"],
                ["Raised blood pressure"],
                ["Uncontrolled heart disease", "Pregnancy"],
            ),
            protocol_block(PROTOCOL_STEPS, protocol_source),
            factories.evidence_block([("Pain scores fell in most patients.", [chapter])]),
            factories.faq_block(questions[:2]),
            factories.faq_block(questions[1:], heading="More questions"),
        ],
        conditions=[condition, second_condition],
        references=[journal_article],
        statuses=[("approved", "general anesthesia"), ("off_label", "chronic pain")],
    )
    PhysicianTreatment.objects.create(page=physician, treatment=treatment)
    article = factories.ArticlePageFactory(
        parent=clinic.articles,
        title="What to expect at your first infusion",
        author=physician,
        listing_image=image,
        body=[
            factories.paragraph_block(),
            factories.evidence_block([("Most patients finished the course.", [chapter])]),
        ],
    )
    ArticleRelatedTreatment.objects.create(page=article, treatment=treatment)
    return SeoClinic(
        clinic=clinic,
        image=image,
        locations=[glenview, loop],
        references=[journal_article, chapter, protocol_source],
        questions=questions,
        physician=physician,
        condition=condition,
        treatment=treatment,
        article=article,
    )


def scripts_in(html: str) -> list[dict]:
    """Every JSON-LD block of an HTML document, parsed."""
    return [json.loads(match["json"]) for match in JSONLD_SCRIPT.finditer(html)]


@pytest.fixture
def render_tag(rf: RequestFactory):
    """``render_tag(page, "{% structured_data %}")``: the tag's HTML in the page's own context."""

    def render(page: Page, tag: str = "{% structured_data %}") -> str:
        page = page.specific
        site = page.get_site()
        request = rf.get(page.get_url(), HTTP_HOST=site.hostname)
        context = page.get_context(request)
        return Template("{% load clinic_pages_seo %}" + tag).render(
            RequestContext(request, context)
        )

    return render


@pytest.fixture
def graph_of(render_tag):
    """``graph_of(page)``: the page's one JSON-LD graph, as ``{"@context", "@graph"}``."""

    def build(page: Page) -> dict:
        scripts = scripts_in(render_tag(page))
        assert len(scripts) == 1, "every page carries exactly one JSON-LD graph"
        return scripts[0]

    return build


def nodes_of(graph: dict, schema_type: str) -> list[dict]:
    """Top-level nodes of the graph that have ``schema_type`` among their types."""
    return [node for node in graph["@graph"] if schema_type in types_of(node)]


def node_of(graph: dict, schema_type: str) -> dict:
    found = nodes_of(graph, schema_type)
    assert len(found) == 1, f"expected one {schema_type}, found {len(found)}"
    return found[0]


def types_of(node: dict) -> list[str]:
    value = node.get("@type", [])
    return [value] if isinstance(value, str) else list(value)
