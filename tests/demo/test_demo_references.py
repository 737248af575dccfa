"""The demo's references are found again by identifier, so a corrected title replaces the old one.

An earlier demo stored four sources under made-up descriptive titles; ``--reset`` must give the
library entry its real title instead of adding a second entry beside the old one.
"""

from __future__ import annotations

import pytest

from clinic_pages.demo.loader import DemoLoader
from clinic_pages.demo.reader import read_demo
from clinic_pages.demo.spec import DemoSpec
from clinic_pages.references.models import Reference


def _load_references(*, reset: bool) -> dict[str, Reference]:
    demo = read_demo()
    return DemoLoader(
        DemoSpec(references=demo.references, clinics=[]), reset=reset, log=None
    ).load_references()


@pytest.mark.django_db
def test_reset_gives_an_old_entry_its_real_title():
    old = Reference.objects.create(title="Ketamine in fibromyalgia", kind="article", pmid=34984054)
    references = _load_references(reset=True)
    old.refresh_from_db()
    assert references["pastrak2021"].pk == old.pk
    assert old.title == "Systematic Review of the Use of Intravenous Ketamine for Fibromyalgia"
    assert old.authors.startswith("Pastrak M") and old.year == 2021
    assert Reference.objects.filter(pmid=34984054).count() == 1


@pytest.mark.django_db
def test_without_reset_an_editors_entry_is_left_alone():
    kept = Reference.objects.create(title="Edited by an editor", kind="article", pmid=34984054)
    _load_references(reset=False)
    kept.refresh_from_db()
    assert kept.title == "Edited by an editor"


@pytest.mark.django_db
def test_a_source_without_identifiers_is_found_by_its_title():
    first = _load_references(reset=False)
    again = _load_references(reset=True)
    assert again["connolly2015"].pk == first["connolly2015"].pk
    assert Reference.objects.count() == len(first)


@pytest.mark.django_db
def test_reset_adds_identifiers_to_an_entry_found_by_its_title():
    title = "Ketamine: current applications in anesthesia, pain, and critical care"
    old = Reference.objects.create(title=title, kind="article", authors="Kurdi MS")
    references = _load_references(reset=True)
    old.refresh_from_db()
    assert references["kurdi2014"].pk == old.pk
    assert (old.pmid, old.pmcid) == (25886322, "PMC4258981")
    assert Reference.objects.filter(title=title).count() == 1
