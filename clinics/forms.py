"""Admin forms that keep every chooser field inside the clinic being edited.

Choosers already hide other clinics' objects, but a form accepts any primary key it is sent.
These forms narrow each model-choice field (in the form and its inline panels) to the clinic:
pages of its own tree, objects carrying its ``site``, and images and documents from
collections the user may choose from. A foreign id then fails validation like any bad value.
Objects chosen inside StreamField blocks are checked the same way when the form is cleaned.
"""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.blocks.base import BlockField
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry


def narrow_to_clinic(queryset: QuerySet, site: Site, user) -> QuerySet:
    model = queryset.model
    if issubclass(model, Page):
        return queryset.filter(path__startswith=site.root_page.path)
    if issubclass(model, (get_image_model(), get_document_model())):
        policy = policy_registry.get_by_type(model)
        return queryset.filter(pk__in=policy.instances_user_has_permission_for(user, "choose"))
    if any(field.name == "site" for field in model._meta.get_fields()):
        return queryset.filter(site=site)
    return queryset


def narrow_form_choices(form: forms.BaseForm, site: Site, user) -> None:
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is not None:
            field.queryset = narrow_to_clinic(queryset, site, user)
    for formset in getattr(form, "formsets", {}).values():
        for child in [*formset.forms, formset.empty_form]:
            narrow_form_choices(child, site, user)


def _chosen_elsewhere(obj, model, site: Site, user) -> list[str]:
    if obj is None:
        return []
    allowed = narrow_to_clinic(model._default_manager.filter(pk=obj.pk), site, user)
    return [] if allowed.exists() else [str(obj)]


def foreign_chosen_objects(block: blocks.Block, value, site: Site, user) -> list[str]:
    """Names of the objects chosen anywhere in a block value that the clinic may not use."""
    if value is None:
        return []
    if isinstance(block, ImageBlock):
        return _chosen_elsewhere(value, get_image_model(), site, user)
    if isinstance(block, blocks.ChooserBlock):
        return _chosen_elsewhere(value, block.target_model, site, user)
    found: list[str] = []
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            found += foreign_chosen_objects(child.block, child.value, site, user)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            found += foreign_chosen_objects(block.child_block, item, site, user)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            found += foreign_chosen_objects(child_block, value.get(name), site, user)
    return found


class ClinicPageForm(WagtailAdminPageForm):
    """The base form of every clinic page type."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anchor = self.instance if self.instance.pk else self.parent_page
        self.clinic_site = anchor.get_site() if anchor is not None else None
        if self.clinic_site is not None and self.for_user is not None:
            narrow_form_choices(self, self.clinic_site, self.for_user)

    def clean(self):
        cleaned_data = super().clean()
        if self.clinic_site is None or self.for_user is None:
            return cleaned_data
        for name, field in self.fields.items():
            if isinstance(field, BlockField) and cleaned_data.get(name) is not None:
                foreign = foreign_chosen_objects(
                    field.block, cleaned_data[name], self.clinic_site, self.for_user
                )
                if foreign:
                    self.add_error(
                        name,
                        "These belong to another clinic and cannot be used here: "
                        + ", ".join(foreign),
                    )
        return cleaned_data


class ClinicSettingsForm(WagtailAdminModelForm):
    """Clinic settings may point only at the clinic's own pages and images."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        site = getattr(self.instance, "site", None)
        if site is not None and self.for_user is not None:
            narrow_form_choices(self, site, self.for_user)
