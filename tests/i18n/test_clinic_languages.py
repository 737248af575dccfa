"""A clinic chooses its languages in its settings; English, its main language, stays."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from clinic_pages.clinics.languages import LanguagesFormField, clinic_languages
from clinic_pages.clinics.models import ClinicSettings


def test_a_new_clinic_publishes_in_english_only(clinic):
    settings = ClinicSettings.objects.get(pk=clinic.settings.pk)
    assert settings.languages == ["en"]
    assert clinic_languages(settings) == ["en"]


def test_languages_are_stored_and_read_back(clinic):
    clinic.settings.languages = ["en", "es"]
    clinic.settings.save()
    assert ClinicSettings.objects.get(pk=clinic.settings.pk).languages == ["en", "es"]


def test_the_form_offers_each_language_and_keeps_english():
    field = ClinicSettings._meta.get_field("languages").formfield()
    assert isinstance(field, LanguagesFormField)
    assert dict(field.choices) == {"en": "English", "es": "Español"}
    assert field.clean(["en", "es"]) == ["en", "es"]
    with pytest.raises(ValidationError, match="Keep English"):
        field.clean(["es"])


def test_an_unknown_language_is_refused():
    field = ClinicSettings._meta.get_field("languages").formfield()
    with pytest.raises(ValidationError, match="xx"):
        field.clean(["en", "xx"])
