"""How a reference is cited and linked, and how a page numbers the references it cites."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from clinic_pages.references.citations import ReferenceList
from clinic_pages.references.models import Reference
from tests import factories

pytestmark = pytest.mark.django_db


def test_journal_article_citation_is_vancouver_style():
    ref = Reference(
        authors="Correll GE, Maleki J, Gracely EJ, et al.",
        title="Subanesthetic ketamine infusion therapy: a retrospective analysis.",
        journal="Pain Medicine",
        year=2004,
        volume="5",
        issue="3",
        pages="263-275",
    )
    assert ref.citation_text == (
        "Correll GE, Maleki J, Gracely EJ, et al. "
        "Subanesthetic ketamine infusion therapy: a retrospective analysis. "
        "Pain Medicine. 2004;5(3):263-275."
    )


def test_citation_without_journal_shows_the_year_and_no_empty_parts():
    ref = Reference(kind="web", title="Ketamine fact sheet", year=2021)
    assert ref.citation_text == "Ketamine fact sheet. 2021."
    assert Reference(title="Untitled note").citation_text == "Untitled note."


def test_citation_with_journal_but_no_volume():
    ref = Reference(authors="Lee A", title="Case", journal="BMJ", year=2020, pages="12")
    assert ref.citation_text == "Lee A. Case. BMJ. 2020:12."


def test_links_point_at_doi_pubmed_pmc_and_bookshelf():
    ref = Reference(
        title="T",
        doi="10.15386/cjmed-500",
        pmid=15357966,
        pmcid="PMC8601938",
        bookshelf_id="NBK564230",
    )
    assert ref.links == [
        ("doi:10.15386/cjmed-500", "https://doi.org/10.15386/cjmed-500"),
        ("PubMed 15357966", "https://pubmed.ncbi.nlm.nih.gov/15357966/"),
        ("PMC8601938", "https://pmc.ncbi.nlm.nih.gov/articles/PMC8601938/"),
        ("NBK564230", "https://www.ncbi.nlm.nih.gov/books/NBK564230/"),
    ]
    assert ref.primary_url == "https://doi.org/10.15386/cjmed-500"


def test_plain_url_is_added_once_and_only_if_not_already_linked():
    ref = Reference(title="T", url="https://example.org/paper")
    assert ref.links == [("Source", "https://example.org/paper")]
    dup = Reference(title="T", doi="10.1000/x", url="https://doi.org/10.1000/x")
    assert dup.links == [("doi:10.1000/x", "https://doi.org/10.1000/x")]
    assert Reference(title="T").primary_url == ""


def test_str_shows_first_author_year_and_title():
    assert str(Reference(authors="Correll GE, Maleki J", year=2004, title="Ketamine")) == (
        "Correll GE (2004): Ketamine"
    )
    assert str(Reference(title="No author")) == "No author"
    assert str(Reference(title="No author", year=2014)) == "No author (2014)"
    assert str(Reference(title="Dated", authors="Kurdi MS, Theerth KA")) == "Kurdi MS: Dated"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("doi", "https://doi.org/10.1000/x"),
        ("pmcid", "8601938"),
        ("bookshelf_id", "564230"),
        ("year", 1700),
    ],
)
def test_malformed_identifiers_are_rejected(field, value):
    ref = factories.ReferenceFactory.build(**{field: value})
    with pytest.raises(ValidationError) as error:
        ref.full_clean()
    assert field in error.value.message_dict


def test_reference_list_numbers_listed_first_then_cited_only_in_the_body():
    listed_a, listed_b, cited_only, protocol_only = factories.ReferenceFactory.create_batch(4)
    body = [
        factories.evidence_block([("Finding one", [cited_only, listed_a])]),
        factories.protocol_block([("Published protocol", "80 mg", protocol_only)]),
    ]
    page = factories.TreatmentPageFactory.build(body=body)
    refs = ReferenceList.from_page([listed_a, listed_b], page.body)
    assert list(refs) == [listed_a, listed_b, cited_only, protocol_only]
    assert refs.numbers == {listed_a.pk: 1, listed_b.pk: 2, cited_only.pk: 3, protocol_only.pk: 4}
    assert len(refs) == 4


def test_reference_list_collapses_duplicates():
    ref_a, ref_b = factories.ReferenceFactory.create_batch(2)
    body = [
        factories.evidence_block([("One", [ref_b, ref_b]), ("Two", [ref_a, ref_b])]),
        factories.protocol_block([("Step", "1 mg", ref_b), ("Step 2", "2 mg", None)]),
    ]
    page = factories.TreatmentPageFactory.build(body=body)
    refs = ReferenceList.from_page([ref_a, ref_a], page.body)
    assert list(refs) == [ref_a, ref_b]
    assert refs.numbers == {ref_a.pk: 1, ref_b.pk: 2}


def test_treatment_page_references_include_listed_and_cited(clinic):
    listed, cited = factories.ReferenceFactory.create_batch(2)
    page = factories.TreatmentPageFactory(
        parent=clinic.treatments,
        references=[listed],
        body=[factories.evidence_block([("Finding", [cited, listed])])],
    )
    page = type(page).objects.get(pk=page.pk)
    assert list(page.references) == [listed, cited]
