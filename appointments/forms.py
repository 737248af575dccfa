"""The public booking form (the admin's slot forms are in ``admin_forms``)."""

from __future__ import annotations

import html
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EMPTY_VALUES
from django.forms.utils import ErrorDict, flatatt
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from clinic_pages.appointments.local_time import in_zone
from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.appointments.models.booking import DAY_CHOICES, TIME_CHOICES
from clinic_pages.appointments.slot_picker import SlotPicker, build_picker

NOTE_HINT = _(
    "Optional, up to 500 characters: anything that helps us arrange the visit, such as "
    "access needs or when not to call. Please do not include medical details; we ask about "
    "those in person."
)
GROUP_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)
# The model's choices read in English in the admin; the patient reads them in their language.
CONTACT_METHODS = [
    (AppointmentRequest.ContactMethod.PHONE, _("Phone call")),
    (AppointmentRequest.ContactMethod.EMAIL, _("E-mail")),
    (AppointmentRequest.ContactMethod.EITHER, _("Either is fine")),
]
PATIENT_STATUSES = [
    (AppointmentRequest.PatientStatus.NEW, _("New patient")),
    (AppointmentRequest.PatientStatus.RETURNING, _("Returning patient")),
]
# Embedding, override and isolate controls: invisible, and able to make what staff read in the
# admin differ from what was typed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _no_hidden_characters(value: str) -> None:
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\r\t" for ch in value):
        raise ValidationError(_("Remove the invisible control characters from this field."))
    if any(ch in BIDI_CONTROLS for ch in value):
        raise ValidationError(_("Remove the invisible text-direction characters from this field."))


class OptionListSelect(forms.Select):
    """A select that writes its options in Python.

    The slot list holds hundreds of options, and Django's select renders a template for each
    one: most of the booking page's render time. The markup is the same.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        selected = set(self.format_value(value))
        parts = [format_html("<select{}>", flatatt(final_attrs))]
        for option_value, label in self.choices:
            if isinstance(label, (list, tuple)):
                parts.append(format_html('<optgroup label="{}">', option_value))
                parts.extend(self._option(value, text, selected) for value, text in label)
                parts.append("</optgroup>")
            else:
                parts.append(self._option(option_value, label, selected))
        parts.append("</select>")
        return mark_safe("\n".join(parts))

    @staticmethod
    def _option(value, label, selected) -> str:
        value = "" if value is None else str(value)
        mark = " selected" if value in selected else ""
        return f'<option value="{_escaped(value)}"{mark}>{_escaped(label)}</option>'


def _escaped(text) -> str:
    """``conditional_escape(text)`` without its lazy-string wrapper, for hundreds of options."""
    return text.__html__() if hasattr(text, "__html__") else html.escape(str(text))


@dataclass
class BookingChoices:
    """What the form offers, loaded once per request by the view (a few queries, plain data)."""

    locations: list = field(default_factory=list)
    physicians: list = field(default_factory=list)
    treatments: list[tuple[int, str]] = field(default_factory=list)
    reasons: list[tuple[int, str]] = field(default_factory=list)
    slots: list = field(default_factory=list)
    # Names of the offices slot labels name (a slot row carries its physician's own name).
    location_names: dict[int, str] = field(default_factory=dict)
    slot_physician: object | None = None


class ObjectChoiceField(forms.ChoiceField):
    """A choice among objects the view already loaded, cleaned to the object (or None).

    Unlike a ModelChoiceField it runs no query to render or to validate, and a hostile value
    (forty digits, a superscript two) is an invalid choice like any other.
    """

    widget = OptionListSelect

    def __init__(self, *, empty_label, **kwargs):
        self.empty_label = empty_label
        self.objects: dict[str, object] = {}
        super().__init__(**kwargs)

    def set_objects(self, objects, label_from_instance=str) -> None:
        self.objects = {str(obj.pk): obj for obj in objects}
        self.choices = [
            ("", self.empty_label),
            *((key, label_from_instance(obj)) for key, obj in self.objects.items()),
        ]

    def clean(self, value):
        value = super().clean(value)
        return None if value in EMPTY_VALUES else self.objects.get(value)


class BookingForm(forms.ModelForm):
    """Only what booking needs: who, how to reach them, where, with whom, about what, when.

    With open slots the visitor picks one; without, the request is a callback with preferred
    days and times. Treatments and reasons are a choice, never free text about health.
    """

    topic = forms.ChoiceField(
        label=_("What is the appointment about?"), required=True, widget=OptionListSelect
    )
    # Rendered by the slot picker (office, then day, then time), one radio per time.
    slot = forms.ChoiceField(
        label=_("Time"),
        widget=forms.RadioSelect,
        help_text=_("Times shown are still free. We confirm by phone or e-mail."),
    )
    location = ObjectChoiceField(
        label=_("Preferred office"), required=False, empty_label=_("No preference")
    )
    physician = ObjectChoiceField(
        label=_("Preferred physician"), required=False, empty_label=_("No preference")
    )
    preferred_days = forms.MultipleChoiceField(
        label=_("Which days suit you?"),
        choices=DAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional. Leave empty if any day is fine."),
    )
    preferred_times = forms.MultipleChoiceField(
        label=_("What time of day suits you?"),
        choices=TIME_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional. Leave empty if any time is fine."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the clinic may store these details to arrange my appointment "
            "and contact me about it."
        ),
        error_messages={"required": _("Tick the box to agree, so that we may store your request.")},
    )
    # People never see this field; bots that fill every input do.
    website = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"))
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=200, required=False)

    class Meta:
        model = AppointmentRequest
        fields = [
            "name",
            "phone",
            "email",
            "contact_method",
            "patient_status",
            "location",
            "physician",
            "note",
        ]
        widgets = {
            "contact_method": forms.RadioSelect,
            "patient_status": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "name": _("Full name"),
            "phone": _("Phone"),
            "email": _("E-mail address"),
            "contact_method": _("How should we contact you?"),
            "patient_status": _("Have you been to us before?"),
            "note": _("Short note"),
        }
        help_texts = {
            "phone": _("We use it only about this request."),
            "email": _("We send a confirmation with a link to cancel."),
        }
        error_messages = {
            "name": {"required": _("Enter your name.")},
            "contact_method": {"required": _("Choose how we should contact you.")},
            "patient_status": {"required": _("Say whether you have been to us before.")},
        }

    field_order = [
        "name",
        "phone",
        "email",
        "contact_method",
        "patient_status",
        "topic",
        "slot",
        "location",
        "physician",
        "preferred_days",
        "preferred_times",
        "note",
        "consent",
        "website",
        "form_token",
    ]

    def __init__(self, *args, choices: BookingChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = choices
        self.slots = {str(slot.pk): slot for slot in choices.slots}
        self.slot_mode = bool(self.slots)
        self.slot_physician = choices.slot_physician

        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields["phone"].widget.input_type = "tel"
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["note"].help_text = NOTE_HINT
        self.fields["note"].widget.attrs.update(maxlength=500)
        self.fields["contact_method"].choices = CONTACT_METHODS
        self.fields["patient_status"].choices = PATIENT_STATUSES
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")
        self.fields["name"].validators.append(_no_hidden_characters)
        self.fields["note"].validators.append(_no_hidden_characters)

        self.topics = self._topic_choices()
        self.fields["topic"].choices = [("", _("Choose one")), *self.topics.items()]
        self.fields["topic"].required = bool(self.topics)
        self.fields["topic"].error_messages["required"] = _("Choose what the appointment is about.")

        if self.slot_mode:
            self.fields["slot"].choices = [(key, key) for key in self.slots]
            self.fields["slot"].error_messages["required"] = _("Choose an appointment time.")
            self.fields["slot"].error_messages["invalid_choice"] = _(
                "That time is no longer free. Please choose another."
            )
            for name in ("location", "physician", "preferred_days", "preferred_times"):
                del self.fields[name]
        else:
            del self.fields["slot"]
            self.fields["location"].set_objects(
                choices.locations, lambda office: office.translated_name
            )
            self.fields["physician"].set_objects(
                choices.physicians, lambda physician: physician.display_name
            )

    # ------------------------------------------------------------------ choices

    def _topic_choices(self) -> OrderedDict[str, list[tuple[str, str]]]:
        groups: OrderedDict[str, list[tuple[str, str]]] = OrderedDict()
        treatments = [(f"treatment-{pk}", title) for pk, title in self.choices.treatments]
        reasons = [(f"reason-{pk}", label) for pk, label in self.choices.reasons]
        if treatments:
            groups[_("Treatments")] = treatments
        if reasons:
            groups[_("Other reasons")] = reasons
        return groups

    # ------------------------------------------------------------------ validation

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        # Every name has a letter; zero-width or punctuation-only input is not one.
        if not any(unicodedata.category(ch).startswith("L") for ch in name):
            raise ValidationError(_("Enter your name."))
        return name

    def clean_note(self):
        return self.cleaned_data["note"].strip()

    def clean(self):
        cleaned = super().clean()
        phone, email = cleaned.get("phone"), cleaned.get("email")
        method = cleaned.get("contact_method")
        if not self.has_error("phone") and not self.has_error("email") and not (phone or email):
            self.add_error(
                "phone", _("Give a phone number or an e-mail address, so that we can reach you.")
            )
        elif method == AppointmentRequest.ContactMethod.PHONE and not phone:
            self.add_error("phone", _("Give a phone number, or choose to be contacted by e-mail."))
        elif method == AppointmentRequest.ContactMethod.EMAIL and not email:
            self.add_error("email", _("Give an e-mail address, or choose to be called."))
        self._check_time_matches_picker()
        self._check_a_time_is_still_open()
        return cleaned

    def _check_a_time_is_still_open(self) -> None:
        """A time was sent, but none is open any more (someone took the last one meanwhile): the
        form now asks for a call back instead. Say so, rather than send a call-back request the
        patient thinks is a booked time; their answers stay for them to send again."""
        if self.is_bound and not self.slot_mode and str(self.data.get("slot") or "").strip():
            self.add_error(
                None,
                _(
                    "Sorry, the time you chose has just been taken and no other times are open "
                    "now. Send the form again and we will call you to find a time."
                ),
            )

    def _check_time_matches_picker(self) -> None:
        """Without JavaScript a patient may change the office or day and send the form without
        asking for that day's times: the time still ticked is then somewhere else. Say so
        rather than book a place or day the patient no longer wants."""
        slot = self.chosen_slot() if self.slot_mode else None
        if slot is None:
            return
        office, day = str(self.data.get("office", "")), str(self.data.get("day", ""))
        slot_day = in_zone(slot.starts_at, slot.time_zone).date().isoformat()
        if (office and office != str(slot.location_id)) or (day and day != slot_day):
            self.add_error(
                "slot",
                _(
                    "The time you ticked is not at the office or on the day you chose. "
                    "Choose one of the times shown."
                ),
            )

    @cached_property
    def picker(self) -> SlotPicker | None:
        """Offices, days and times to offer, narrowed to what the patient has chosen so far."""
        if not self.slot_mode:
            return None
        source = self.data if self.is_bound else self.initial
        return build_picker(
            self.choices.slots,
            self.choices.location_names,
            office=str(source.get("office") or source.get("location") or ""),
            day=str(source.get("day") or ""),
            slot=str(source.get("slot") or ""),
        )

    def keep_answers_only(self) -> None:
        """Show the answers again without judging them: the patient asked for other times
        ("Show times" without JavaScript) and has not tried to send the request yet."""
        self.full_clean()
        self._errors = ErrorDict()
        self._describe_fields()

    def full_clean(self):
        super().full_clean()
        self._describe_fields()

    def _describe_fields(self) -> None:
        """Point each control at its hint and error, for screen readers."""
        for name, form_field in self.fields.items():
            bound = self[name]
            ids = []
            form_field.widget.attrs.pop("aria-invalid", None)
            if form_field.help_text:
                ids.append(f"{bound.auto_id}_hint")
            if self.is_bound and name in self.errors:
                ids.append(f"{bound.auto_id}_error")
                if not isinstance(form_field.widget, GROUP_WIDGETS):
                    form_field.widget.attrs["aria-invalid"] = "true"
            form_field.describedby = " ".join(ids)
            if ids and not isinstance(form_field.widget, GROUP_WIDGETS):
                form_field.widget.attrs["aria-describedby"] = form_field.describedby

    # ------------------------------------------------------------------ result

    @property
    def is_spam_trap_filled(self) -> bool:
        return bool(str(self.data.get("website", "")).strip())

    def chosen_slot(self):
        return self.slots.get(self.cleaned_data.get("slot") or "")

    def build_request(self, *, site, submission_id) -> AppointmentRequest:
        """The unsaved request with everything derived from the choices filled in."""
        booking = super().save(commit=False)
        booking.site = site
        booking.submission_token = submission_id
        booking.consented_at = timezone.now()
        topic = self.cleaned_data.get("topic") or ""
        kind, _sep, pk = topic.partition("-")
        label = next(
            (text for group in self.topics.values() for key, text in group if key == topic), ""
        )
        booking.topic_label = label
        if kind == "treatment":
            booking.treatment_id = int(pk)
        elif kind == "reason":
            booking.reason_id = int(pk)
        slot = self.chosen_slot() if self.slot_mode else None
        if slot is not None:
            booking.slot_id = slot.pk
            booking.location_id = slot.location_id
            booking.physician_id = slot.physician_id
        else:
            booking.preferred_days = ",".join(self.cleaned_data.get("preferred_days") or [])
            booking.preferred_times = ",".join(self.cleaned_data.get("preferred_times") or [])
        return booking

    def save(self, commit=True):
        raise NotImplementedError("Use build_request(); the view saves inside a transaction.")
