"""The page editor's Readability tab: the grade of the saved page against the clinic's target."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.governance.readability.assessment import assess
from tests.isolation.responses import assert_works, body, fetch
from tests.readability.texts import ES_HARD, GRADE_3, GRADE_12


def _editor_page(w, client_for, page, role="editor") -> str:
    response = fetch(
        client_for(w.a.users[role]), reverse("wagtailadmin_pages:edit", args=[page.pk])
    )
    assert_works(response)
    return body(response)


def test_editor_sees_the_grade_target_verdict_sentences_and_words(w, client_for, write):
    page = write(w.a.treatment, GRADE_12)
    content = _editor_page(w, client_for, w.a.treatment)
    grade = assess(page).grade
    assert grade == pytest.approx(11.9, abs=1)
    assert "Readability" in content
    assert f"<strong>{grade:.1f}</strong>" in content
    assert "Flesch-Kincaid grade level" in content
    assert "Grade 8 or below" in content
    assert "Harder than your clinic&#x27;s target" in content
    assert "Ketamine, given slowly through a vein" in content  # the longest sentence
    assert "medication (4 syllables)" in content


def test_the_clinics_own_target_decides_the_verdict(w, client_for, write):
    write(w.a.treatment, GRADE_12)
    ClinicSettings.objects.filter(site=w.a.site).update(reading_grade_target=13)
    content = _editor_page(w, client_for, w.a.treatment)
    assert "Grade 13 or below" in content
    assert "Plain enough" in content


def test_a_plain_page_is_plain_enough(w, client_for, write):
    write(w.a.condition, GRADE_3)
    content = _editor_page(w, client_for, w.a.condition)
    assert "Plain enough" in content
    assert "Harder than your clinic" not in content


def test_a_spanish_page_is_scored_with_fernandez_huerta(w, client_for, write):
    spanish, _created = Locale.objects.get_or_create(language_code="es")
    type(w.a.treatment).objects.filter(pk=w.a.treatment.pk).update(locale=spanish)
    page = write(w.a.treatment, ES_HARD)
    content = _editor_page(w, client_for, w.a.treatment)
    assert "Fernández-Huerta reading ease" in content
    assert f"<strong>{assess(page).grade:.1f}</strong>" in content


def test_too_little_text_says_so(w, client_for, write):
    write(w.a.treatment, "Ketamine can ease nerve pain.")
    assert "Too little text to measure" in _editor_page(w, client_for, w.a.treatment)


def test_index_pages_have_no_readability_tab(w, client_for):
    content = _editor_page(w, client_for, w.a.sections["treatments"])
    assert "Reading grade" not in content


def test_a_new_page_asks_for_a_saved_draft_first(w, client_for):
    url = reverse(
        "wagtailadmin_pages:add",
        args=["clinic_pages_treatments", "treatmentpage", w.a.sections["treatments"].pk],
    )
    content = body(fetch(client_for(w.a.users["editor"]), url))
    assert "Save a draft to see the reading grade of this page." in content


def test_visitors_pages_never_compute_a_grade(w, write, monkeypatch):
    write(w.a.treatment, GRADE_12)

    def refuse(*args, **kwargs):
        raise AssertionError("a reading grade computed for a visitor")

    monkeypatch.setattr("clinic_pages.governance.readability.assessment.readability", refuse)
    response = Client(HTTP_HOST=w.a.site.hostname).get(w.a.treatment.relative_url(w.a.site))
    assert response.status_code == 200
    assert w.a.treatment.title in body(response)
