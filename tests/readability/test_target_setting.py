"""The clinic's target reading grade: set by its reviewers, bounded to grades 4 to 14."""

from __future__ import annotations

from django.urls import reverse

from clinic_pages.clinics.models import ClinicSettings
from tests.isolation import payloads


def _post(client_for, clinic, user, target):
    url = reverse(
        "wagtailsettings:edit", args=["clinic_pages_clinics", "clinicsettings", clinic.site.pk]
    )
    data = payloads.settings_data(clinic.settings, practice_name=clinic.settings.practice_name)
    data["reading_grade_target"] = target
    return client_for(user).post(url, data)


def _target(clinic) -> int:
    return ClinicSettings.objects.get(pk=clinic.settings.pk).reading_grade_target


def test_default_is_grade_8_and_a_reviewer_sets_it(w, client_for):
    assert _target(w.a) == 8
    assert _post(client_for, w.a, w.a.users["reviewer"], 6).status_code == 302
    assert _target(w.a) == 6
    assert _target(w.b) == 8


def test_an_editor_cannot_loosen_it(w, client_for):
    _post(client_for, w.a, w.a.users["editor"], 14)
    assert _target(w.a) == 8


def test_out_of_bounds_targets_are_form_errors(w, client_for):
    for target in (3, 15, "eight"):
        response = _post(client_for, w.a, w.a.users["reviewer"], target)
        assert response.status_code == 200
        assert _target(w.a) == 8
