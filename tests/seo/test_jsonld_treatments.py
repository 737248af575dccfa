"""The treatment page's graph: MedicalWebPage about a MedicalTherapy, from the page's own data."""

from __future__ import annotations

import pytest

from tests.seo.conftest import PROTOCOL_STEPS, node_of, nodes_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def graph(seo_clinic, graph_of):
    return graph_of(seo_clinic.treatment)


@pytest.fixture
def webpage(graph):
    return node_of(graph, "MedicalWebPage")


@pytest.fixture
def therapy(graph):
    return node_of(graph, "MedicalTherapy")


def test_web_page_carries_the_review_shown_to_visitors(seo_clinic, webpage):
    treatment = seo_clinic.treatment
    url = treatment.get_full_url()
    assert webpage["@id"] == url + "#webpage"
    assert webpage["url"] == url
    assert webpage["name"] == treatment.title
    assert webpage["description"] == treatment.summary
    assert webpage["lastReviewed"] == treatment.last_reviewed.isoformat()
    assert webpage["reviewedBy"] == {"@id": seo_clinic.physician.get_full_url() + "#physician"}
    assert webpage["medicalAudience"] == {"@type": "Patient"}


def test_reviewer_is_described_in_the_same_graph(seo_clinic, graph):
    physician = next(n for n in nodes_of(graph, "Physician") if n["name"].startswith("Dr. Ana"))
    assert physician["@id"] == seo_clinic.physician.get_full_url() + "#physician"
    assert physician["name"] == seo_clinic.physician.display_name


def test_page_is_about_the_therapy_and_its_conditions(seo_clinic, webpage, therapy):
    about_ids = [item["@id"] for item in webpage["about"]]
    condition_ids = [page.get_full_url() + "#condition" for page in seo_clinic.treatment.conditions]
    assert about_ids == [therapy["@id"], *condition_ids]


def test_therapy_names_and_description(seo_clinic, therapy):
    treatment = seo_clinic.treatment
    assert therapy["@id"] == treatment.get_full_url() + "#therapy"
    assert therapy["name"] == "Ketamine infusion"
    assert therapy["alternateName"] == ["IV ketamine", "Ketamine therapy"]
    assert therapy["description"] == treatment.summary


def test_side_effects_and_contraindications(therapy):
    assert therapy["adverseOutcome"] == [
        {"@type": "MedicalEntity", "name": "Nausea"},
        {"@type": "MedicalEntity", "name": "Dizziness"},
    ]
    assert therapy["seriousAdverseOutcome"] == [
        {"@type": "MedicalEntity", "name": "Raised blood pressure"}
    ]
    assert therapy["contraindication"] == ["Uncontrolled heart disease", "Pregnancy"]


def test_dose_schedule_reflects_each_protocol_step(therapy):
    schedules = therapy["doseSchedule"]
    assert [s["name"] for s in schedules] == [step[0] for step in PROTOCOL_STEPS]
    first, maintenance, low_dose = schedules
    # '80 mg total' parses; the full line stays the description.
    assert (first["doseValue"], first["doseUnit"]) == (80, "mg")
    assert first["frequency"] == "daily for 5 days"
    assert first["description"] == (
        "Dose: 80 mg total; Duration: 4 hours; Course: daily for 5 days"
    )
    # A range is not a single dose value: only the text is given, nothing invented.
    assert "doseValue" not in maintenance and "doseUnit" not in maintenance
    assert "frequency" not in maintenance  # 'as needed' is not a frequency
    assert "0.5 to 1 mg/kg" in maintenance["description"]
    # Without a dose, a single-valued rate is the dose.
    assert (low_dose["doseValue"], low_dose["doseUnit"]) == (0.35, "mg/kg/h")


def test_legal_status_from_regulatory_statuses(therapy):
    names = [status["name"] for status in therapy["legalStatus"]]
    assert names == ["FDA-approved: general anesthesia", "Off-label use: chronic pain"]
    assert all(status["@type"] == "DrugLegalStatus" for status in therapy["legalStatus"])
    assert any("Off-label" in name for name in names)


def test_citations_follow_the_numbered_reference_list(seo_clinic, webpage):
    references = seo_clinic.treatment.references
    citations = webpage["citation"]
    assert len(citations) == len(references) == 3
    assert [c["name"] for c in citations] == [r.title for r in references]

    article = citations[0]
    assert article["@type"] == "ScholarlyArticle"
    assert article["author"] == [
        {"@type": "Person", "name": "Correll GE"},
        {"@type": "Person", "name": "Maleki J"},
    ]
    assert article["isPartOf"] == {"@type": "Periodical", "name": "Pain Medicine"}
    assert article["datePublished"] == "2004"
    assert article["url"] == "https://doi.org/10.1111/j.1526-4637.2004.04041.x"
    assert article["sameAs"] == ["https://pubmed.ncbi.nlm.nih.gov/15366999/"]
    assert {"@type": "PropertyValue", "propertyID": "PMID", "value": "15366999"} in article[
        "identifier"
    ]

    # Listed first, then cited in the body in reading order: protocol, then evidence.
    assert [c["name"] for c in citations[1:]] == ["A protocol paper", "Ketamine"]
    chapter = citations[2]
    assert chapter["@type"] == "Chapter"
    assert chapter["isPartOf"] == {"@type": "Book", "name": "StatPearls"}
    assert chapter["url"] == "https://www.ncbi.nlm.nih.gov/books/NBK470357/"


def test_conditions_point_back_to_the_therapy(seo_clinic, graph, therapy):
    conditions = nodes_of(graph, "MedicalCondition")
    assert [c["name"] for c in conditions] == [c.title for c in seo_clinic.treatment.conditions]
    for condition in conditions:
        assert condition["possibleTreatment"] == {"@id": therapy["@id"]}


def test_physicians_who_offer_the_treatment(seo_clinic, graph, therapy):
    physician = node_of(graph, "Physician")
    assert physician["availableService"] == {"@id": therapy["@id"]}


def test_faq_blocks_make_the_page_an_faq_page(seo_clinic, webpage):
    assert webpage["@type"] == ["MedicalWebPage", "FAQPage"]
    questions = webpage["mainEntity"]
    # Two FAQ blocks share one question; each question is listed once.
    assert [q["name"] for q in questions] == [q.question for q in seo_clinic.questions]
    assert questions[0]["acceptedAnswer"] == {
        "@type": "Answer",
        "text": "It is generally well tolerated & monitored.",
    }


def test_no_faq_blocks_no_faq_type(seo_clinic, graph_of):
    from tests import factories

    plain = factories.TreatmentPageFactory(parent=seo_clinic.treatments)
    webpage = node_of(graph_of(plain), "MedicalWebPage")
    assert webpage["@type"] == "MedicalWebPage"
    assert webpage["mainEntity"] == {"@id": plain.get_full_url() + "#therapy"}
    assert "citation" not in webpage and "lastReviewed" not in webpage
