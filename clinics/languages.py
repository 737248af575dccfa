"""The languages a clinic publishes in, and the page trees they live in.

A clinic is one Site whose root is its English home page. Its Spanish pages are Wagtail
translations (same ``translation_key``, locale ``es``): the Spanish home page is the English
one's translation, a sibling just below the tree root, and each Spanish page sits below it where
its English original sits below the English home (docs/i18n.md). Wagtail serves the Spanish tree
under ``/es/`` on the same host (``i18n_patterns``), so the clinic keeps one Site, one set of
settings and one content generation for both languages.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language, get_supported_language_variant
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Site

from clinic_pages.core.site_roots import site_root_paths


def default_language() -> str:
    """The install's main content language (``LANGUAGE_CODE``, e.g. ``en``)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def language_choices() -> list[tuple[str, str]]:
    return list(get_content_languages().items())


def language_name(code: str) -> str:
    """The language's name as the install lists it (``WAGTAIL_CONTENT_LANGUAGES``), or its code."""
    return str(get_content_languages().get(code, code))


def default_languages() -> list[str]:
    return [default_language()]


class LanguagesFormField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def validate(self, value) -> None:
        super().validate(value)
        if default_language() not in value:
            raise ValidationError(
                _("Keep %(language)s: the clinic's home page and every page start in it."),
                params={"language": dict(language_choices())[default_language()]},
                code="main_language",
            )


class LanguagesField(models.CharField):
    """Language codes stored as ``en,es``; a list of codes in Python, checkboxes in the admin."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("max_length", 100)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection) -> list[str]:
        return self.to_python(value)

    def to_python(self, value) -> list[str]:
        if isinstance(value, (list, tuple)):
            return list(value)
        return [code for code in (value or "").split(",") if code]

    def get_prep_value(self, value) -> str:
        return ",".join(self.to_python(value))

    def value_to_string(self, obj) -> str:
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance) -> None:
        known = dict(language_choices())
        unknown = [code for code in self.to_python(value) if code not in known]
        if unknown:
            raise ValidationError(
                _("Unknown language: %(codes)s."), params={"codes": ", ".join(unknown)}
            )

    def formfield(self, **kwargs):
        return LanguagesFormField(
            choices=language_choices,
            required=True,
            label=kwargs.get("label", self.verbose_name.capitalize()),
            help_text=self.help_text,
            initial=self.get_default(),
        )


def with_main_language(codes) -> list[str]:
    """``codes`` once each, after the main language, which every clinic publishes in."""
    main = default_language()
    return [main, *(code for code in dict.fromkeys(codes) if code != main)]


def clinic_languages(site_settings) -> list[str]:
    """The clinic's languages, its main language first."""
    return with_main_language(getattr(site_settings, "languages", None) or ())


def active_language() -> str:
    """The active language as a content language code (``en``, ``es``)."""
    try:
        return get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return default_language()


def language_of_url_prefix(code: str | None) -> str | None:
    """``es`` for the ``es`` of ``/es/...``; None when the prefix names no language of ours."""
    if not code:
        return None
    try:
        return get_supported_language_variant(code)
    except LookupError:
        return None


def language_of_url_path(url_path: str) -> str | None:
    """The language of the tree a page sits in, from Wagtail's cached site root paths (no
    query): each root (a clinic's home page or a translation of it) names its language."""
    for root in site_root_paths():  # most specific first
        if url_path.startswith(root.root_path):
            return root.language_code
    return None


def in_clinic_trees(site: Site) -> Q:
    """A filter on pages for every tree of the clinic: its home page's and each translation's
    (from Wagtail's cached site root paths: no query)."""
    roots = [root.root_path for root in site_root_paths() if root.site_id == site.pk]
    return reduce(
        or_, (Q(url_path__startswith=root) for root in roots or [site.root_page.url_path])
    )
