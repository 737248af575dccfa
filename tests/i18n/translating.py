"""Helpers that translate a clinic's pages as an editor would, and turn its languages on."""

from __future__ import annotations

from wagtail.models import Locale, Page

from clinic_pages.clinics.models import ClinicSettings


def translate(page: Page, title: str, *, publish: bool = True, **fields) -> Page:
    """The page's Spanish translation (its parents translated first), as an editor makes it with
    ``simple_translation``: a copy in locale ``es``, retitled and published."""
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    existing = page.get_translation_or_none(spanish)
    translated = existing or page.copy_for_translation(spanish, copy_parents=True)
    translated = translated.specific
    translated.title = title
    for name, value in fields.items():
        setattr(translated, name, value)
    if publish:
        translated.save_revision().publish()
        translated.refresh_from_db()
    return translated


def speak(settings: ClinicSettings, *languages: str) -> None:
    settings.languages = list(languages)
    settings.save()
