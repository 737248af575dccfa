"""`manage.py list_overdue_reviews`: overdue medical pages, listed under their own clinic."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from tests.isolation.two_clinics import today

YEAR = datetime.timedelta(days=365)


def _set_due(page, due, reviewed=None):
    page.specific_class.objects.filter(pk=page.pk).update(
        next_review_due=due, last_reviewed=reviewed
    )


@pytest.fixture
def reviewed(w):
    """Every medical page of both clinics was reviewed today and is next due in a year."""
    for clinic in (w.a, w.b):
        for page in (clinic.treatment, clinic.condition, clinic.sections["faq"]):
            _set_due(page, today() + YEAR, today())


def _run(*args) -> list[str]:
    out = StringIO()
    call_command("list_overdue_reviews", *args, stdout=out)
    return out.getvalue().splitlines()


def _sections(lines: list[str]) -> dict[str, list[str]]:
    """Clinic heading -> the page lines under it."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in lines[:-1]:
        if line.startswith("  "):
            sections[current].append(line)
        else:
            current = line
            sections[current] = []
    return sections


def test_each_overdue_page_is_listed_under_its_own_clinic(w, reviewed):
    _set_due(w.a.treatment, today() - datetime.timedelta(days=3), today() - YEAR)
    _set_due(w.b.condition, today() - datetime.timedelta(days=40), today() - YEAR)

    lines = _run()

    sections = _sections(lines)
    assert list(sections) == [
        "Alderbrook Pain Care (alderbrook.test)",
        "Birchwood Pain Care (birchwood.test)",
    ]
    [a_line] = sections["Alderbrook Pain Care (alderbrook.test)"]
    assert "overdue" in a_line
    assert w.a.treatment.title in a_line
    assert "http://alderbrook.test/treatments/ketamine-alderbrook/" in a_line
    [b_line] = sections["Birchwood Pain Care (birchwood.test)"]
    assert w.b.condition.title in b_line
    assert lines[-1] == "2 page(s)."


def test_nothing_overdue_lists_no_clinic(w, reviewed):
    assert _run() == ["0 page(s)."]


def test_never_reviewed_pages_count_as_overdue(w, reviewed):
    _set_due(w.a.sections["faq"], None)
    sections = _sections(_run())
    assert list(sections) == ["Alderbrook Pain Care (alderbrook.test)"]
    [line] = sections["Alderbrook Pain Care (alderbrook.test)"]
    assert "never reviewed" in line


def test_site_option_limits_to_one_clinic(w, reviewed):
    _set_due(w.a.treatment, today() - datetime.timedelta(days=1))
    _set_due(w.b.treatment, today() - datetime.timedelta(days=1))
    lines = _run("--site", "birchwood.test")
    assert list(_sections(lines)) == ["Birchwood Pain Care (birchwood.test)"]
    assert lines[-1] == "1 page(s)."


def test_within_days_adds_pages_due_soon(w, reviewed):
    _set_due(w.a.condition, today() + datetime.timedelta(days=10), today())
    assert _run() == ["0 page(s)."]
    sections = _sections(_run("--within-days", "14"))
    [line] = sections["Alderbrook Pain Care (alderbrook.test)"]
    assert "due soon" in line
    assert w.a.condition.title in line
