"""Admin forms that keep every chooser field inside the clinic being edited.

Choosers already hide other clinics' objects, but a form accepts any primary key it is sent.
These forms narrow each model-choice field (in the form and its inline panels) to the clinic:
pages of its own tree, objects carrying its ``site``, and images and documents from
collections the user may choose from. A foreign id then fails validation like any bad value.
Objects chosen inside StreamField blocks are checked the same way when the form is cleaned.

A refused form is shown again with what was posted, and Wagtail's chooser widgets look the
posted id up to show the chosen object's title (and, for an image, make a thumbnail of it).
So the widgets of narrowed fields, and the StreamFields, show only objects of the clinic: a
foreign id renders as an empty chooser, and the error names nothing.
"""

from __future__ import annotations

import json

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.widgets import BaseChooser
from wagtail.blocks.base import BlockField, BlockWidget
from wagtail.blocks.stream_block import StreamValue
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page, Site
from wagtail.permissions import policy_registry

from clinic_pages.clinics.languages import in_clinic_trees

FOREIGN_CHOICES_MESSAGE = _(
    "Some chosen items belong to another clinic or are not available to you, and were removed. "
    "Choose them again."
)


def narrow_to_clinic(queryset: QuerySet, site: Site, user) -> QuerySet:
    model = queryset.model
    if issubclass(model, Page):
        # Every tree of the clinic: its home page's and each translation's (clinics.languages).
        return queryset.filter(in_clinic_trees(site))
    if issubclass(model, (get_image_model(), get_document_model())):
        policy = policy_registry.get_by_type(model)
        return queryset.filter(pk__in=policy.instances_user_has_permission_for(user, "choose"))
    if any(field.name == "site" for field in model._meta.get_fields()):
        return queryset.filter(site=site)
    return queryset


class ConfinedChooserMixin:
    """A chooser widget that shows only objects of ``confined_to``, however it is given them."""

    confined_to: QuerySet

    def get_instance(self, value):
        if value is None or value == "":
            return None
        pk = value.pk if isinstance(value, Model) else value
        try:
            instance = self.confined_to.filter(pk=pk).first()
        except (ValueError, TypeError, ValidationError):
            return None  # not an id at all: nothing to show
        return None if instance is None else super().get_instance(instance)


_confined_classes: dict[type, type] = {}


def confine_choices(field: forms.Field, queryset: QuerySet) -> None:
    """Limit a model-choice field to ``queryset``: what it accepts, and what its widget shows.

    Django's select widgets list only the field's choices; a Wagtail chooser widget looks up
    whatever id it is given, so it is made to look only among the same objects.
    """
    field.queryset = queryset
    widget = field.widget
    if isinstance(widget, BaseChooser):
        cls = type(widget)
        if not issubclass(cls, ConfinedChooserMixin):
            if cls not in _confined_classes:
                _confined_classes[cls] = type(
                    f"Confined{cls.__name__}", (ConfinedChooserMixin, cls), {}
                )
            widget.__class__ = _confined_classes[cls]
        widget.confined_to = queryset


def narrow_form_choices(form: forms.BaseForm, site: Site, user) -> None:
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is not None:
            confine_choices(field, narrow_to_clinic(queryset, site, user))
        elif isinstance(field, BlockField):
            confine_block_widget(field, site, user)
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


def without_foreign_choices(block: blocks.Block, value, site: Site, user):
    """The block value with every object the clinic may not use replaced by None.

    Stream, list and struct values are changed in place: they are the copies built from the
    posted form data for showing the form again.
    """
    if value is None:
        return None
    if isinstance(block, ImageBlock):
        return None if _chosen_elsewhere(value, get_image_model(), site, user) else value
    if isinstance(block, blocks.ChooserBlock):
        return None if _chosen_elsewhere(value, block.target_model, site, user) else value
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            child.value = without_foreign_choices(child.block, child.value, site, user)
    elif isinstance(block, blocks.ListBlock):
        for child in getattr(value, "bound_blocks", []):
            child.value = without_foreign_choices(block.child_block, child.value, site, user)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            if name in value:
                value[name] = without_foreign_choices(child_block, value[name], site, user)
    return value


class ConfinedBlockWidget(BlockWidget):
    """A StreamField widget that shows no chooser value of another clinic."""

    clinic_site: Site
    clinic_user = None

    def render_with_errors(self, name, value, attrs=None, errors=None, renderer=None):
        value = without_foreign_choices(self.block_def, value, self.clinic_site, self.clinic_user)
        return super().render_with_errors(name, value, attrs, errors, renderer)


def confine_block_widget(field: BlockField, site: Site, user) -> None:
    widget = field.widget
    if isinstance(widget, BlockWidget):
        if not isinstance(widget, ConfinedBlockWidget):
            widget.__class__ = ConfinedBlockWidget
        widget.clinic_site, widget.clinic_user = site, user


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
                    # Named to nobody: the titles are another clinic's.
                    self.add_error(name, FOREIGN_CHOICES_MESSAGE)
        return cleaned_data


# Medical governance: the disclaimer on every medical page and how long a clinical review
# holds. Reviewers sign off medical content, so only they (whoever may publish the clinic's
# home page) change these, and every change is in the audit log.
GOVERNANCE_FIELDS = (
    "disclaimer",
    "disclaimer_in_other_languages",
    "review_interval_days",
    "reading_grade_target",
)
GOVERNANCE_CHANGE_ACTION = "clinic_pages.governance_change"


def may_change_governance(user, site: Site) -> bool:
    if user is None or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return site.root_page.permissions_for_user(user).can_publish()


def last_governance_change(settings_instance) -> ModelLogEntry | None:
    if settings_instance.pk is None:
        return None
    return (
        ModelLogEntry.objects.for_instance(settings_instance)
        .filter(action=GOVERNANCE_CHANGE_ACTION)
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )


def _as_logged(value) -> str:
    """A governance value as the audit log keeps it: a StreamField's as its stored JSON."""
    if isinstance(value, StreamValue):
        return json.dumps(value.get_prep_value(), ensure_ascii=False)
    return str(value)


class ClinicSettingsForm(WagtailAdminModelForm):
    """Clinic settings may point only at the clinic's own pages and images; the medical
    governance fields are read-only to everyone but the clinic's reviewers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        site = getattr(self.instance, "site", None)
        if site is None or self.for_user is None:
            return
        narrow_form_choices(self, site, self.for_user)
        notes = []
        if not may_change_governance(self.for_user, site):
            for name in GOVERNANCE_FIELDS:
                if isinstance(self.fields.get(name), BlockField):
                    # A StreamField editor ignores ``disabled``: taken from the form, shown as
                    # text instead (clinics.panels.GovernedFieldPanel).
                    del self.fields[name]
                elif name in self.fields:
                    self.fields[name].disabled = True  # Django keeps the stored value
            notes.append(gettext("Only the clinic's reviewers can change this."))
        change = last_governance_change(self.instance)
        if change is not None:
            notes.append(
                gettext("Last changed on %(date)s by %(user)s.")
                % {
                    "date": date_format(localtime(change.timestamp), "DATE_FORMAT"),
                    "user": change.user_display_name,
                }
            )
        self.governance_notes = notes
        governed = [self.fields[name] for name in GOVERNANCE_FIELDS if name in self.fields]
        for field in governed:
            field.help_text = " ".join([str(field.help_text), *notes]).strip()

    def save(self, commit=True):
        changes = {
            name: {
                "from": _as_logged(self.initial.get(name, "")),
                "to": _as_logged(self.cleaned_data[name]),
            }
            for name in GOVERNANCE_FIELDS
            if name in self.changed_data
        }
        instance = super().save(commit=commit)
        if changes:
            log(
                instance=instance,
                action=GOVERNANCE_CHANGE_ACTION,
                user=self.for_user,
                data={"changes": changes},
            )
        return instance
