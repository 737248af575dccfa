"""The 'Reading level' report: the clinic's pages above its target, never another clinic's."""

from __future__ import annotations

from django.urls import reverse

from clinic_pages.clinics.models import ClinicSettings
from tests.isolation.responses import assert_refused, assert_works, body, fetch
from tests.readability.texts import GRADE_3, GRADE_12

REPORT = "governance_readability"


def _hard_pages(w, write):
    write(w.a.treatment, GRADE_12)
    write(w.a.condition, GRADE_3)
    write(w.b.treatment, GRADE_12)


def test_editor_sees_own_clinics_pages_above_target_only(w, client_for, write):
    _hard_pages(w, write)
    response = fetch(client_for(w.a.users["editor"]), reverse(REPORT))
    assert_works(response)
    content = body(response)
    assert w.a.treatment.title in content
    assert reverse("wagtailadmin_pages:edit", args=[w.a.treatment.pk]) in content
    assert w.a.condition.title not in content  # plain enough
    assert w.b.treatment.title not in content  # the other clinic's


def test_results_and_export_are_scoped_too(w, client_for, write):
    _hard_pages(w, write)
    client = client_for(w.a.users["editor"])
    for url in (reverse(f"{REPORT}_results"), reverse(REPORT) + "?export=csv"):
        content = body(fetch(client, url))
        assert w.a.treatment.title in content
        assert w.b.treatment.title not in content


def test_a_higher_target_takes_the_page_off_the_report(w, client_for, write):
    _hard_pages(w, write)
    ClinicSettings.objects.filter(site=w.a.site).update(reading_grade_target=13)
    content = body(fetch(client_for(w.a.users["editor"]), reverse(REPORT)))
    assert w.a.treatment.title not in content


def test_report_is_in_the_reports_menu_for_clinic_staff(w, client_for):
    content = body(fetch(client_for(w.a.users["editor"]), reverse("wagtailadmin_home")))
    assert reverse(REPORT) in content


def test_superuser_sees_every_clinic_and_others_are_refused(w, client_for, write):
    _hard_pages(w, write)
    content = body(fetch(client_for(w.superuser), reverse(REPORT)))
    assert w.a.treatment.title in content and w.b.treatment.title in content
    assert_refused(fetch(client_for(w.librarian), reverse(REPORT)))
