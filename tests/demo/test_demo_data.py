"""The demo's data files: the shipped ones read cleanly, and a broken one is named with its key.

Each broken case copies ``demo/data`` and changes one line, as an editor's typo would.
"""

from __future__ import annotations

import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from clinic_pages.demo.datafiles import DemoDataError, unwrap
from clinic_pages.demo.management.commands import load_demo_clinics
from clinic_pages.demo.reader import read_demo
from tests.demo.conftest import edit_copy

KETAMINE = "treatments/ketamine-infusion-therapy.toml"


def test_the_shipped_data_reads_in_loading_order():
    demo = read_demo()
    assert [c.slug for c in demo.clinics] == [
        "urban-spine",
        "bayer-foundation",
        "revitalize",
        "florida-medical",
        "ms-pain-migraine",
    ]
    assert [c.is_default_site for c in demo.clinics].count(True) == 1
    assert len(demo.references) == 8
    for clinic in demo.clinics:
        assert "ketamine-infusion-therapy" in [t.slug for t in clinic.treatments]


def test_keys_beside_shared_replace_the_shared_entrys_own():
    clinics = {c.slug: c for c in read_demo().clinics}

    def off_label(slug: str) -> str:
        treatment = next(t for t in clinics[slug].treatments if t.statuses)
        return treatment.statuses[-1].indication

    assert off_label("urban-spine") == "Chronic pain, including postherpetic neuralgia"
    assert off_label("florida-medical") == "Chronic pain"


def test_shared_clinic_words_carry_the_clinics_name():
    clinic = read_demo().clinics[0]
    assert clinic.privacy_notice.startswith("Urban Spine and Joint uses what you send here")


def test_wrapped_prose_reads_back_as_written_on_one_line():
    assert unwrap("One line") == "One line"
    assert unwrap("\nFirst line\n  wrapped here.\n\nSecond paragraph.\n") == (
        "First line wrapped here.\n\nSecond paragraph."
    )


BROKEN = [
    pytest.param(
        "urban-spine/clinic.toml",
        'tagline = "',
        'tagline = = "',
        ["urban-spine/clinic.toml", "not valid TOML"],
        id="malformed-toml",
    ),
    pytest.param(
        f"florida-medical/{KETAMINE}",
        'reference = "connolly2015"',
        'reference = "connolly2016"',
        [f"florida-medical/{KETAMINE}", "body[3] (protocol)", "steps[0]", "'connolly2016'"],
        id="unknown-reference-in-a-block",
    ),
    pytest.param(
        "urban-spine/treatments/physical-therapy.toml",
        '"How often are physical therapy visits?"',
        '"How often are physio visits?"',
        ["physical-therapy.toml: body[", "(faq)", "questions.toml"],
        id="unknown-faq-question",
    ),
    pytest.param(
        f"urban-spine/{KETAMINE}",
        'page = "treatments/physical-therapy"',
        'page = "treatments/physio"',
        [f"urban-spine/{KETAMINE}", "(alternatives)", "items[5]", "'treatments/physio'"],
        id="unknown-page",
    ),
    pytest.param(
        f"urban-spine/{KETAMINE}",
        'shared = "ketamine.benefits"',
        'shared = "ketamine.benefit"',
        [f"urban-spine/{KETAMINE}", ".items.shared", "'ketamine.benefit'"],
        id="unknown-shared-entry",
    ),
    pytest.param(
        f"urban-spine/{KETAMINE}",
        'reference_keys = ["kurdi2014"',
        'reference_keys = ["kurdi2015"',
        [f"urban-spine/{KETAMINE}: reference_keys", "'kurdi2015'", "references.toml"],
        id="unknown-reference-key",
    ),
    pytest.param(
        "urban-spine/physicians/dr-nora-whitfield.toml",
        "listing_summary =",
        "listing_sumary =",
        ["dr-nora-whitfield.toml", "unknown key 'listing_sumary'"],
        id="misspelt-key",
    ),
    pytest.param(
        "urban-spine/treatments/physical-therapy.toml",
        'title = "Physical therapy"\n',
        "",
        ["physical-therapy.toml", "missing key 'title'"],
        id="missing-key",
    ),
    pytest.param(
        "urban-spine/treatments/physical-therapy.toml",
        'type = "key_facts"',
        'type = "key_fact"',
        ["physical-therapy.toml: body[0].type", "'key_fact'"],
        id="unknown-block-type",
    ),
    pytest.param(
        "urban-spine/treatments/physical-therapy.toml",
        "reviewed_days_ago = 80",
        'reviewed_days_ago = "80"',
        ["physical-therapy.toml: reviewed_days_ago", "expected int"],
        id="wrong-type",
    ),
    pytest.param(
        "urban-spine/clinic.toml",
        'weekday = "Friday"',
        'weekday = "Fri"',
        ["urban-spine/clinic.toml: locations[0].hours[4].weekday"],
        id="unknown-weekday",
    ),
    pytest.param(
        "urban-spine/clinic.toml",
        'articles = ["when-shingles-pain-stays"]',
        'articles = ["when-shingles-pain-goes"]',
        ["urban-spine/clinic.toml: articles", "when-shingles-pain-stays.toml"],
        id="listed-page-without-a-file",
    ),
    pytest.param(
        "urban-spine/physicians/dr-nora-whitfield.toml",
        'location_names = ["Denver clinic"]',
        'location_names = ["Denver office"]',
        ["dr-nora-whitfield.toml: location_names", "'Denver office'"],
        id="unknown-location",
    ),
]


@pytest.mark.parametrize(("relative", "old", "new", "expected"), BROKEN)
def test_a_broken_file_is_named_with_its_key(data, relative, old, new, expected):
    edit_copy(data, relative, old, new)
    with pytest.raises(DemoDataError) as error:
        read_demo(data)
    for fragment in expected:
        assert fragment in str(error.value)


def test_a_page_file_the_clinic_does_not_list_is_an_error(data):
    source = data / "urban-spine/treatments/physical-therapy.toml"
    shutil.copy(source, source.with_name("physio.toml"))
    with pytest.raises(DemoDataError, match=r"urban-spine/clinic\.toml: treatments.*physio\.toml"):
        read_demo(data)


@pytest.mark.django_db
def test_the_command_stops_before_writing_anything(data, monkeypatch):
    edit_copy(data, "revitalize/questions.toml", "[[topics]]", "[[topic]]")
    monkeypatch.setattr(load_demo_clinics, "read_demo", lambda: read_demo(data))
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=r"revitalize/questions\.toml"):
        call_command("load_demo_clinics", verbosity=0)
    assert Page.objects.count() == pages
