"""The clinic's own texts in its other languages: tagline, call to action, disclaimer, offices.

They are content the clinic writes, not strings of the plugin's catalogue, so they live beside
the main-language texts, one entry per language: the clinic settings' ``texts_in_other_languages``
and ``disclaimer_in_other_languages``, an office's ``texts_in_other_languages``. A page in that
language shows them in place of the main-language texts (``in_language``, ``office_text``); a
text left empty keeps the main language's, marked with its ``lang``, and a text the clinic never
changed from its default reads in the catalogue's translation. The disclaimer's translations are
a governance field like the disclaimer itself: only the clinic's reviewers change them.
"""

from __future__ import annotations

import copy
from typing import NamedTuple

from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from clinic_pages.clinics.languages import (
    active_language,
    default_language,
    language_choices,
    language_name,
)

TRANSLATED_FIELDS = ("tagline", "cta_heading", "cta_text", "cta_button_label")


class LanguageTextsBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=language_choices, label=_("language"))
    tagline = blocks.CharBlock(required=False, max_length=160, label=_("tagline"))
    cta_heading = blocks.CharBlock(
        required=False, max_length=120, label=_("call-to-action heading")
    )
    cta_text = blocks.CharBlock(required=False, max_length=400, label=_("call-to-action text"))
    cta_button_label = blocks.CharBlock(
        required=False, max_length=60, label=_("call-to-action button label")
    )

    class Meta:
        icon = "globe"
        label = _("Texts in another language")


class DisclaimerTextBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=language_choices, label=_("language"))
    disclaimer = blocks.TextBlock(max_length=1000, label=_("disclaimer"))

    def render_basic(self, value, context=None):
        # How a user who may not change it reads it in the settings (clinics.panels).
        return format_html(
            "<p><strong>{}</strong>: {}</p>", language_name(value["language"]), value["disclaimer"]
        )

    class Meta:
        icon = "warning"
        label = _("Disclaimer in another language")


class OfficeTextsBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=language_choices, label=_("language"))
    name = blocks.CharBlock(required=False, max_length=120, label=_("name"))
    parking_and_access = blocks.CharBlock(
        required=False, max_length=300, label=_("parking and access")
    )
    transit = blocks.CharBlock(required=False, max_length=300, label=_("public transport"))

    class Meta:
        icon = "globe"
        label = _("Office texts in another language")


def written_text(stream, language: str, name: str) -> str:
    """Text ``name`` of the first entry of ``stream`` (one of the blocks above) written for
    ``language``; empty when there is none."""
    entry = next((block.value for block in stream if block.value["language"] == language), {})
    return (entry.get(name) or "").strip()


class ShownText(NamedTuple):
    """A text as a page shows it, and the language it is written in."""

    text: str
    language: str

    @property
    def lang_attribute(self) -> str:
        """The language, when it is not the page's: for the text's ``lang`` (WCAG 3.1.2)."""
        return self.language if self.language != active_language() else ""


def office_text(location, field: str, language: str | None = None) -> ShownText:
    """``location``'s ``field`` as a page in ``language`` (the active one) shows it."""
    language = language or active_language()
    if language != default_language():
        text = written_text(location.texts_in_other_languages, language, field)
        if text:
            return ShownText(text, language)
    return ShownText(getattr(location, field), default_language())


def in_language(settings, language: str | None = None):
    """``settings`` as a page in ``language`` (the active one) shows them: a copy carrying the
    clinic's texts for that language, or the settings themselves in the main language."""
    language = language or active_language()
    if settings is None or language == default_language():
        return settings
    localized = copy.copy(settings)
    sources = [(name, settings.texts_in_other_languages) for name in TRANSLATED_FIELDS]
    sources.append(("disclaimer", settings.disclaimer_in_other_languages))
    for name, stream in sources:
        text = written_text(stream, language, name)
        if text:
            setattr(localized, name, text)
        elif getattr(settings, name) == type(settings)._meta.get_field(name).get_default():
            setattr(localized, name, gettext(getattr(settings, name)))
    localized.disclaimer_language = (
        language if localized.disclaimer != settings.disclaimer else default_language()
    )
    return localized


def in_request_language(request, settings):
    """``in_language`` once per request and language: the menu, the calls to action, the footer
    and the JSON-LD of one page all ask for the settings."""
    if request is None or settings is None:
        return in_language(settings)
    language = active_language()
    memo = getattr(request, "_clinic_settings_in_language", None)
    if memo is None or memo[0] != language or memo[1] is not settings:
        memo = (language, settings, in_language(settings, language))
        request._clinic_settings_in_language = memo
    return memo[2]
