"""The medical disclaimer and the review interval change only through the clinic's reviewers,
and every change is in the audit log (with who, when, from and to)."""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import nested_form_data, streamfield

from clinic_pages.clinics.forms import GOVERNANCE_CHANGE_ACTION
from clinic_pages.clinics.models import ClinicSettings
from tests.isolation import payloads
from tests.isolation.responses import body

NEW_DISCLAIMER = "Talk to your own physician before any treatment."


def _edit_url(clinic) -> str:
    return reverse(
        "wagtailsettings:edit", args=["clinic_pages_clinics", "clinicsettings", clinic.site.pk]
    )


def _post(client_for, clinic, user, **changes):
    data = payloads.settings_data(clinic.settings, practice_name=clinic.settings.practice_name)
    data.update(changes)
    return client_for(user).post(_edit_url(clinic), data)


def _changes(clinic):
    return ModelLogEntry.objects.filter(
        action=GOVERNANCE_CHANGE_ACTION, object_id=str(clinic.settings.pk)
    )


def test_an_editor_cannot_change_the_disclaimer_or_the_interval(w, client_for):
    before = ClinicSettings.objects.get(pk=w.a.settings.pk)
    response = _post(
        client_for,
        w.a,
        w.a.users["editor"],
        disclaimer=NEW_DISCLAIMER,
        review_interval_days=30,
        tagline="Editors still edit the rest",
    )
    assert response.status_code == 302
    after = ClinicSettings.objects.get(pk=w.a.settings.pk)
    assert after.disclaimer == before.disclaimer
    assert after.review_interval_days == before.review_interval_days
    assert after.tagline == "Editors still edit the rest"
    assert not _changes(w.a).exists()


def test_the_editor_sees_the_fields_read_only_and_why(w, client_for):
    response = client_for(w.a.users["editor"]).get(_edit_url(w.a))
    html = body(response)
    assert response.status_code == 200
    assert "Only the clinic&#x27;s reviewers can change this." in html or (
        "Only the clinic's reviewers can change this." in html
    )
    assert 'name="disclaimer"' in html and "disabled" in html


def test_a_reviewer_changes_them_and_the_change_is_logged(w, client_for):
    reviewer = w.a.users["reviewer"]
    response = _post(client_for, w.a, reviewer, disclaimer=NEW_DISCLAIMER, review_interval_days=180)
    assert response.status_code == 302
    settings = ClinicSettings.objects.get(pk=w.a.settings.pk)
    assert settings.disclaimer == NEW_DISCLAIMER
    assert settings.review_interval_days == 180
    [entry] = _changes(w.a)
    assert entry.user == reviewer
    assert entry.data["changes"]["review_interval_days"] == {"from": "365", "to": "180"}
    assert entry.data["changes"]["disclaimer"]["to"] == NEW_DISCLAIMER
    assert "Medical governance changed" in entry.message
    # The other clinic's settings and history are untouched.
    assert not _changes(w.b).exists()


def test_the_form_shows_who_changed_them_last(w, client_for):
    _post(client_for, w.a, w.a.users["reviewer"], review_interval_days=200)
    html = body(client_for(w.a.users["editor"]).get(_edit_url(w.a)))
    assert "Last changed on" in html
    assert "alderbrook-reviewer" in html


def test_saving_without_a_governance_change_logs_none(w, client_for):
    _post(client_for, w.a, w.a.users["reviewer"], tagline="Only the tagline")
    assert not _changes(w.a).exists()


def test_a_review_interval_beyond_sane_bounds_is_refused_with_a_form_error(w, client_for):
    reviewer = w.a.users["reviewer"]
    for days in (3650, 7, 0):
        response = _post(client_for, w.a, reviewer, review_interval_days=days)
        assert response.status_code == 200, days
        assert "review_interval_days" in response.context["form"].errors
    assert ClinicSettings.objects.get(pk=w.a.settings.pk).review_interval_days == 365
    assert not _changes(w.a).exists()


SPANISH_DISCLAIMER = "Hable con su propio médico antes de cualquier tratamiento."
ENGLISH_ONLY_NOTE = "Left as it was by the editor."


def _disclaimer_in_spanish(text: str) -> dict:
    return nested_form_data(
        {
            "disclaimer_in_other_languages": streamfield(
                [("disclaimer", {"language": "es", "disclaimer": text})]
            )
        }
    )


def test_a_reviewer_writes_the_disclaimer_in_spanish_and_it_is_logged(w, client_for):
    response = _post(
        client_for, w.a, w.a.users["reviewer"], **_disclaimer_in_spanish(SPANISH_DISCLAIMER)
    )
    assert response.status_code == 302
    settings = ClinicSettings.objects.get(pk=w.a.settings.pk)
    [entry] = settings.disclaimer_in_other_languages
    assert entry.value["language"] == "es" and entry.value["disclaimer"] == SPANISH_DISCLAIMER
    [change] = _changes(w.a)
    logged = change.data["changes"]["disclaimer_in_other_languages"]
    assert logged["from"] == "[]" and SPANISH_DISCLAIMER in logged["to"]


def test_an_editor_cannot_write_the_disclaimer_in_spanish_and_reads_it_as_text(w, client_for):
    settings = w.a.settings
    settings.disclaimer_in_other_languages = [
        ("disclaimer", {"language": "es", "disclaimer": SPANISH_DISCLAIMER})
    ]
    settings.save()
    editor = w.a.users["editor"]
    response = _post(
        client_for, w.a, editor, tagline=ENGLISH_ONLY_NOTE, **_disclaimer_in_spanish("Cambiado")
    )
    assert response.status_code == 302
    after = ClinicSettings.objects.get(pk=w.a.settings.pk)
    assert after.tagline == ENGLISH_ONLY_NOTE
    assert [e.value["disclaimer"] for e in after.disclaimer_in_other_languages] == [
        SPANISH_DISCLAIMER
    ]
    assert not _changes(w.a).exists()
    # The editor reads it, with the reason, and gets no editor for it.
    html = body(client_for(editor).get(_edit_url(w.a)))
    assert SPANISH_DISCLAIMER in html
    assert 'name="disclaimer_in_other_languages-count"' not in html
    assert (
        html.count("Only the clinic&#x27;s reviewers can change this.")
        + html.count("Only the clinic's reviewers can change this.")
        >= 2
    )
