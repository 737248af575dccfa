"""The reference form: identifiers as PubMed and doi.org show them, no duplicates, its clinic.

Editors paste identifiers from wherever they found them: "https://doi.org/10.1093/pm/pnz022",
"doi: 10.1093/...", "PMID: 31573622". The form keeps the bare identifier, which the model's
validators then check, and refuses a source the editor's library already holds (a second copy
would be cited and numbered twice). A clinic's editor adds references for their own clinic;
network librarians keep the shared library and may add to it for every clinic.
"""

from __future__ import annotations

import re

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from clinic_pages.references.access import (
    adding_sites,
    keeps_the_network_library,
    visible_references,
)
from clinic_pages.references.models import Reference

DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
PMID_PREFIX = re.compile(r"^(?:pmid:?\s*|https?://pubmed\.ncbi\.nlm\.nih\.gov/)", re.IGNORECASE)


class ReferenceForm(WagtailAdminModelForm):
    """Every reference form of the admin: the library's and the chooser's."""

    pmid = forms.CharField(
        required=False,
        max_length=60,
        label=_("PMID"),
        help_text=_("PubMed identifier, e.g. 31573622 (a PubMed link works too)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        clinic = self.fields.get("added_by_clinic")
        if clinic is None or self.for_user is None:
            return
        if keeps_the_network_library(self.for_user):
            clinic.help_text = _("Leave empty to add it to the library every clinic cites.")
            return
        sites = adding_sites(self.for_user)
        clinic.queryset = sites
        clinic.required = True
        clinic.empty_label = None
        first_two = list(sites[:2])
        if not self.instance.pk and len(first_two) == 1:
            clinic.initial = first_two[0].pk

    def clean_doi(self) -> str:
        return DOI_PREFIX.sub("", (self.cleaned_data.get("doi") or "").strip()).strip()

    def clean_pmid(self) -> int | None:
        text = PMID_PREFIX.sub("", (self.cleaned_data.get("pmid") or "").strip()).strip("/ ")
        if not text:
            return None
        if not text.isdigit() or len(text) > 8:
            raise forms.ValidationError(_("Enter a PMID like 31573622: up to eight digits."))
        return int(text)

    def clean(self):
        cleaned = super().clean()
        if self.for_user is None:
            return cleaned
        library = visible_references(self.for_user).exclude(pk=self.instance.pk)
        for name, lookup in (("doi", "doi__iexact"), ("pmid", "pmid")):
            value = cleaned.get(name)
            if not value or name in self.errors:
                continue
            existing = library.filter(Q(**{lookup: value})).first()
            if existing is not None:
                self.add_error(
                    name,
                    _("The library already has this source: “%(reference)s”. Choose it instead.")
                    % {"reference": existing},
                )
        return cleaned


class ReferenceCreationForm(ReferenceForm):
    """The chooser's short form: what a citation needs; volume, issue and pages can wait."""

    class Meta:
        model = Reference
        fields = ["kind", "authors", "title", "journal", "year", "doi", "pmid", "url"]
        fields += ["added_by_clinic"]
