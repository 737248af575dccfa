"""What a clinician reading the demo would check: our own words, fictional signers, safety facts.

Each check runs on the shipped data, and again on a copy with one value broken as a careless
edit would, to show the check catches it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from clinic_pages.demo.datafiles import DataFiles
from clinic_pages.demo.reader import read_demo
from clinic_pages.demo.spec import DemoSpec
from tests.demo import honesty
from tests.demo.conftest import edit_copy

KETAMINE = "treatments/ketamine-infusion-therapy.toml"


@pytest.fixture(scope="module")
def demo() -> DemoSpec:
    return read_demo()


def _broken(root: Path, relative: str, old: str, new: str) -> DemoSpec:
    edit_copy(root, relative, old, new)
    return read_demo(root)


def _caveat() -> dict:
    return DataFiles().read("shared/ketamine.toml")["weak_evidence"]


def test_the_source_text_is_there_to_compare_with():
    assert len(honesty.source_runs()) > 500
    assert honesty.real_clinicians() == {"DeCaria"}


def test_no_run_of_eight_words_is_shared_with_the_sources(demo):
    assert honesty.copied_runs(demo) == []


def test_review_stamps_and_bylines_belong_to_fictional_physicians(demo):
    assert honesty.real_signers(demo) == []


def test_a_real_clinician_appears_only_in_a_profile_marked_as_demo_content(demo):
    assert honesty.real_clinician_mentions(demo) == []


def test_every_ketamine_page_says_who_should_not_have_it(demo):
    assert len(list(honesty.ketamine_pages(demo))) == 5
    assert honesty.missing_contraindications(demo) == []


def test_every_ketamine_page_says_how_weak_the_evidence_is(demo):
    assert honesty.missing_caveat(demo, _caveat()) == []


def test_contact_details_are_fictional(demo):
    assert honesty.real_contacts(demo) == []


def test_a_page_lists_exactly_the_references_it_cites(demo):
    assert honesty.uncited_references(demo) == []


def test_references_are_never_anonymous_and_undated_under_a_made_up_title(demo):
    assert honesty.unattributed_references(demo) == []


def test_every_clinic_says_it_is_demo_content(demo):
    for clinic in demo.clinics:
        assert clinic.disclaimer.startswith("Demo content:"), clinic.slug
        assert clinic.practice_name in clinic.disclaimer


def test_ms_is_never_spelled_out(demo):
    """The sources never say what "MS" in "MS Pain & Migraine" stands for."""
    clinic = next(c for c in demo.clinics if c.slug == "ms-pain-migraine")
    for where, text in honesty.clinic_texts(clinic):
        assert not re.search(r"\bMS\b", text.replace(clinic.practice_name, "")), where


# Claims the issue found beyond their sources: (clinic or "" for all, phrase in lower case).
OVERREACH = [
    ("", "responded best"),
    ("", "<i>pain medicine</i>"),
    ("", "3 weeks"),
    ("florida-medical", "iv infusion only"),
    ("florida-medical", "only as an iv"),
]


@pytest.mark.parametrize(("slug", "phrase"), OVERREACH)
def test_claims_beyond_the_sources_stay_out(demo, slug, phrase):
    for clinic in demo.clinics:
        if slug in ("", clinic.slug):
            for where, text in honesty.clinic_texts(clinic):
                assert phrase not in text.lower(), where


BROKEN: list = [
    pytest.param(
        "shared/ketamine.toml",
        '"Nobody yet knows well what many repeated infusions do over the years"',
        '"The long-term effects of repeated infusions are not well understood"',
        honesty.copied_runs,
        "urban-spine.treatments[0].body[8].serious[2]",
        id="copied-phrase",
    ),
    pytest.param(
        "revitalize/clinic.toml",
        'physicians = ["dr-alex-rivera", "dr-decaria"]',
        'physicians = ["dr-decaria", "dr-alex-rivera"]',
        honesty.real_signers,
        "signed by DeCaria",
        id="real-reviewer",
    ),
    pytest.param(
        f"revitalize/{KETAMINE}",
        "Your physician will talk with you",
        "Dr. DeCaria will talk with you",
        honesty.real_clinician_mentions,
        "names DeCaria",
        id="real-clinician-named",
    ),
    pytest.param(
        f"urban-spine/{KETAMINE}",
        'shared = "ketamine.side_effects"',
        'shared = "ketamine.side_effects"\ncontraindications = []',
        honesty.missing_contraindications,
        "urban-spine/treatments/ketamine-infusion-therapy",
        id="no-contraindications",
    ),
    pytest.param(
        "florida-medical/clinic.toml",
        'phone = "(727) 555-0131"',
        'phone = "(727) 555-2131"',
        honesty.real_contacts,
        "555-2131",
        id="real-phone",
    ),
    pytest.param(
        "bayer-foundation/clinic.toml",
        'email = "care@bayer-foundation.example.com"',
        'email = "care@bayer-foundation.org"',
        honesty.real_contacts,
        "bayer-foundation.org",
        id="real-email",
    ),
    pytest.param(
        f"florida-medical/{KETAMINE}",
        'reference_keys = ["connolly2015", "crps_pmc", "correll2004", "kurdi2014"]',
        'reference_keys = ["connolly2015", "crps_pmc", "correll2004", "kurdi2014", "zgaia2015"]',
        honesty.uncited_references,
        "florida-medical/treatments/ketamine-infusion-therapy",
        id="uncited-reference",
    ),
    pytest.param(
        "shared/references.toml",
        'title = "PubMed record 32036431, on ketamine in diabetic neuropathy (full title at the link)"',
        'title = "Ketamine in diabetic neuropathy"',
        honesty.unattributed_references,
        "diabetic_pubmed",
        id="made-up-title",
    ),
]


@pytest.mark.parametrize(("relative", "old", "new", "check", "expected"), BROKEN)
def test_a_broken_copy_is_caught(
    data, relative: str, old: str, new: str, check: Callable[[DemoSpec], list[str]], expected
):
    assert check(read_demo(data)) == []
    problems = check(_broken(data, relative, old, new))
    assert any(expected in problem for problem in problems), problems


def test_a_page_without_the_caveat_is_caught(data):
    demo = _broken(
        data,
        f"ms-pain-migraine/{KETAMINE}",
        'shared = "ketamine.weak_evidence"',
        'title = "Evidence"\ntext = "Some studies."',
    )
    assert honesty.missing_caveat(demo, _caveat()) == [
        "ms-pain-migraine/treatments/ketamine-infusion-therapy"
    ]
