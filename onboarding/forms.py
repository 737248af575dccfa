"""The admin's onboarding forms: a new clinic, and a clinic's move to another hostname.

Every check that the database would otherwise answer with an error (a slug or hostname in use)
is a form error here, so a mistyped field never reaches onboarding as a half-made clinic.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from clinic_pages.clinics.languages import (
    LanguagesFormField,
    default_languages,
    language_choices,
)
from clinic_pages.clinics.time_zones import default_time_zone, time_zone_choices
from clinic_pages.core.validators import phone_validator
from clinic_pages.onboarding.clinics import ClinicSpec, clinic_home, hostname_taken
from clinic_pages.onboarding.hostnames import MAX_LENGTH, normalise_hostname


def _hostname_field() -> forms.CharField:
    return forms.CharField(
        label=_("Host name"),
        max_length=MAX_LENGTH,
        help_text=_("Where patients will find the site, e.g. lakeside.example.com."),
    )


def _clean_hostname(value: str, home: Page | None) -> str:
    hostname = normalise_hostname(value)
    other = hostname_taken(hostname, home)
    if other is not None:
        raise ValidationError(
            _("This host name is already used by the site “%(site)s”."),
            code="hostname_taken",
            params={"site": other},
        )
    return hostname


class NewClinicForm(forms.Form):
    """What the network needs to start a clinic; everything else the clinic fills in itself."""

    practice_name = forms.CharField(
        label=_("Practice name"),
        max_length=120,
        help_text=_("The practice's public name, shown in the header and page titles."),
    )
    slug = forms.SlugField(
        label=_("Short name"),
        max_length=50,
        help_text=_("Letters, digits and hyphens, e.g. lakeside-pain; names its pages and groups."),
    )
    hostname = _hostname_field()
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=time_zone_choices, initial=default_time_zone
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=25,
        required=False,
        validators=[phone_validator],
        help_text=_("The practice's main number, e.g. (312) 555-0142."),
    )
    languages = LanguagesFormField(
        label=_("Languages"),
        choices=language_choices,
        initial=default_languages,
        help_text=_(
            "The languages the clinic publishes in. Its editors translate pages into the others "
            "with the page's Translate action."
        ),
    )

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"].lower()
        if clinic_home(slug) is not None:
            raise ValidationError(
                _("A clinic with this short name exists already."), code="slug_taken"
            )
        return slug

    def clean_hostname(self) -> str:
        return _clean_hostname(self.cleaned_data["hostname"], None)

    def spec(self) -> ClinicSpec:
        data = self.cleaned_data
        return ClinicSpec(
            slug=data["slug"],
            practice_name=data["practice_name"],
            hostname=data["hostname"],
            time_zone=data["time_zone"],
            phone=data["phone"],
            languages=tuple(data["languages"]),
        )


class HostnameForm(forms.Form):
    """A clinic's new hostname: its Site moves there, with all that belongs to the clinic."""

    hostname = _hostname_field()

    def __init__(self, *args, site: Site, **kwargs) -> None:
        self.site = site
        kwargs["initial"] = {"hostname": site.hostname, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)

    def clean_hostname(self) -> str:
        return _clean_hostname(self.cleaned_data["hostname"], self.site.root_page)
