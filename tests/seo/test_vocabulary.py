"""Every type and property in every page's graph is a current schema.org term for that type."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clinic_pages.seo.vocabulary import (
    DAYS_OF_WEEK,
    MEDICAL_SPECIALTY_MEMBERS,
    RETIRED_TERMS,
    TYPES,
    properties_of,
)
from tests.seo.conftest import types_of

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"


def walk(value, path: str = "$") -> Iterator[tuple[str, dict]]:
    """Every dict in a JSON value, with a readable path for failure messages."""
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


def vocabulary_errors(graph: dict) -> list[str]:
    errors = []
    for path, node in walk(graph["@graph"]):
        for key in node:
            if key in RETIRED_TERMS:
                errors.append(f"{path}: retired term {key!r}")
        if "@type" not in node:
            continue
        types = types_of(node)
        unknown = [t for t in types if t not in TYPES]
        if unknown:
            errors.append(f"{path}: unknown type(s) {unknown}")
            continue
        allowed = frozenset().union(*(properties_of(t) for t in types))
        for key in node:
            if not key.startswith("@") and key not in allowed:
                errors.append(f"{path}: {key!r} is not a property of {types}")
        if "dayOfWeek" in node and node["dayOfWeek"].removeprefix(SCHEMA) not in DAYS_OF_WEEK:
            errors.append(f"{path}: {node['dayOfWeek']!r} is not a DayOfWeek")
        for specialty in node.get("medicalSpecialty", []):
            if specialty.removeprefix(SCHEMA) not in MEDICAL_SPECIALTY_MEMBERS:
                errors.append(f"{path}: {specialty!r} is not a MedicalSpecialty member")
    return errors


@pytest.fixture
def every_page(seo_clinic):
    clinic = seo_clinic
    return {
        "home": clinic.home,
        "treatment index": clinic.treatments,
        "treatment": clinic.treatment,
        "condition index": clinic.conditions,
        "condition": clinic.condition,
        "physician index": clinic.physicians,
        "physician": clinic.physician,
        "article index": clinic.articles,
        "article": clinic.article,
        "faq": clinic.faq,
        "appointment": clinic.appointment,
    }


def test_every_page_type_uses_only_allowed_terms(every_page, graph_of):
    errors = {
        name: found
        for name, page in every_page.items()
        if (found := vocabulary_errors(graph_of(page)))
    }
    assert errors == {}


def test_indication_never_appears(every_page, render_tag):
    for page in every_page.values():
        assert '"indication"' not in render_tag(page)


def test_every_page_has_website_and_breadcrumbs(every_page, graph_of):
    for page in every_page.values():
        graph = graph_of(page)
        assert graph["@context"] == "https://schema.org"
        types = [t for node in graph["@graph"] for t in types_of(node)]
        assert types.count("WebSite") == 1
        assert types.count("BreadcrumbList") == 1


def test_ids_are_unique_within_a_graph(every_page, graph_of):
    for page in every_page.values():
        ids = [node["@id"] for node in graph_of(page)["@graph"] if "@id" in node]
        assert len(ids) == len(set(ids))


def test_the_checker_catches_retired_and_misplaced_terms():
    graph = {
        "@graph": [
            {"@type": "MedicalTherapy", "indication": "pain"},
            {"@type": "Physician", "givenName": "Ana"},  # Physician is an organization
            {"@type": "MedicalIndication"},
        ]
    }
    errors = vocabulary_errors(graph)
    assert any("retired term 'indication'" in e for e in errors)
    assert any("'givenName' is not a property" in e for e in errors)
    assert any("unknown type" in e for e in errors)
