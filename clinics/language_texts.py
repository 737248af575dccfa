"""The clinic's own short texts in its other languages: tagline and default call to action.

They are content the clinic writes, not strings of the plugin's catalogue, so they live in the
clinic settings, one entry per language. A page in that language shows them in place of the
main-language texts (``in_language``); a text left empty keeps the main language's, and a text
the clinic never changed from its default reads in the catalogue's translation. The medical
disclaimer is not among them: it is a governance field only reviewers change, so a customised
one stays in the main language, marked as such (``disclaimer_language``).
"""

from __future__ import annotations

import copy

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from clinic_pages.clinics.languages import active_language, default_language, language_choices

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


def in_language(settings, language: str | None = None):
    """``settings`` as a page in ``language`` (the active one) shows them: a copy carrying the
    clinic's texts for that language, or the settings themselves in the main language."""
    language = language or active_language()
    if settings is None or language == default_language():
        return settings
    localized = copy.copy(settings)
    written = next(
        (
            block.value
            for block in settings.texts_in_other_languages
            if block.value["language"] == language
        ),
        {},
    )
    for name in TRANSLATED_FIELDS:
        text = (written.get(name) or "").strip()
        if text:
            setattr(localized, name, text)
        elif getattr(settings, name) == type(settings)._meta.get_field(name).get_default():
            setattr(localized, name, gettext(getattr(settings, name)))
    if settings.disclaimer == type(settings)._meta.get_field("disclaimer").get_default():
        localized.disclaimer = gettext(settings.disclaimer)
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
