"""The public booking form and the admin form that creates slots in bulk."""

from __future__ import annotations

import datetime
import unicodedata
from collections import OrderedDict

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.appointments.models.booking import DAY_CHOICES, TIME_CHOICES

NOTE_HINT = (
    "Optional, up to 500 characters: anything that helps us arrange the visit, such as "
    "access needs or when not to call. Please do not include medical details; we ask about "
    "those in person."
)
GROUP_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


def _no_control_characters(value: str) -> None:
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\r\t" for ch in value):
        raise ValidationError("Remove the invisible control characters from this field.")


class BookingForm(forms.ModelForm):
    """Only what booking needs: who, how to reach them, where, with whom, about what, when.

    With open slots the visitor picks one; without, the request is a callback with preferred
    days and times. Treatments and reasons are a choice, never free text about health.
    """

    topic = forms.ChoiceField(label="What is the appointment about?", required=True)
    slot = forms.ChoiceField(
        label="Choose an appointment time",
        help_text="Times shown are still free. We confirm by phone or e-mail.",
    )
    preferred_days = forms.MultipleChoiceField(
        label="Which days suit you?",
        choices=DAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Optional. Leave empty if any day is fine.",
    )
    preferred_times = forms.MultipleChoiceField(
        label="What time of day suits you?",
        choices=TIME_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Optional. Leave empty if any time is fine.",
    )
    consent = forms.BooleanField(
        label="I agree that the clinic may store these details to arrange my appointment "
        "and contact me about it.",
        error_messages={"required": "Tick the box to agree, so that we may store your request."},
    )
    # People never see this field; bots that fill every input do.
    website = forms.CharField(required=False, max_length=200, label="Leave this field empty")
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
        help_texts = {
            "phone": "We use it only about this request.",
            "email": "We send a confirmation with a link to cancel.",
        }
        error_messages = {
            "name": {"required": "Enter your name."},
            "contact_method": {"required": "Choose how we should contact you."},
            "patient_status": {"required": "Say whether you have been to us before."},
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

    def __init__(self, *args, page, slots=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.slots = {str(slot.pk): slot for slot in (slots or [])}
        self.slot_mode = bool(self.slots)

        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields["phone"].widget.input_type = "tel"
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["note"].help_text = NOTE_HINT
        self.fields["note"].widget.attrs.update(maxlength=500)
        self.fields["contact_method"].choices = AppointmentRequest.ContactMethod.choices
        self.fields["patient_status"].choices = AppointmentRequest.PatientStatus.choices
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")
        self.fields["name"].validators.append(_no_control_characters)
        self.fields["note"].validators.append(_no_control_characters)

        self.topics = self._topic_choices()
        self.fields["topic"].choices = [("", "Choose one"), *self.topics.items()]
        self.fields["topic"].required = bool(self.topics)
        self.fields["topic"].error_messages["required"] = "Choose what the appointment is about."

        if self.slot_mode:
            self.fields["slot"].choices = [("", "Choose a time"), *self._slot_choices()]
            self.fields["slot"].error_messages["required"] = "Choose an appointment time."
            self.fields["slot"].error_messages["invalid_choice"] = (
                "That time is no longer free. Please choose another."
            )
            for name in ("location", "physician", "preferred_days", "preferred_times"):
                del self.fields[name]
        else:
            del self.fields["slot"]
            self.fields["location"].queryset = page.available_locations()
            self.fields["location"].empty_label = "No preference"
            self.fields["location"].label = "Preferred office"
            self.fields["physician"].queryset = page.available_physicians()
            self.fields["physician"].empty_label = "No preference"
            self.fields["physician"].label = "Preferred physician (optional)"
            self.fields["physician"].label_from_instance = lambda p: p.display_name

    # ------------------------------------------------------------------ choices

    def _topic_choices(self) -> OrderedDict[str, list[tuple[str, str]]]:
        groups: OrderedDict[str, list[tuple[str, str]]] = OrderedDict()
        treatments = [(f"treatment-{t.pk}", t.title) for t in self.page.available_treatments()]
        reasons = [(f"reason-{r.pk}", r.label) for r in self.page.reasons.all()]
        if treatments:
            groups["Treatments"] = treatments
        if reasons:
            groups["Other reasons"] = reasons
        return groups

    def _slot_choices(self) -> list[tuple[str, list[tuple[str, str]]]]:
        days: OrderedDict[str, list[tuple[str, str]]] = OrderedDict()
        for pk, slot in self.slots.items():
            local = timezone.localtime(slot.starts_at)
            day = f"{local:%A} {local.day} {local:%B}"
            who = f", {slot.physician.short_name}" if slot.physician_id else ""
            label = f"{local:%I:%M %p}".lstrip("0") + f", {slot.location.name}{who}"
            days.setdefault(day, []).append((pk, f"{label} ({slot.duration_minutes} min)"))
        return list(days.items())

    # ------------------------------------------------------------------ validation

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError("Enter your name.")
        return name

    def clean_note(self):
        return self.cleaned_data["note"].strip()

    def clean(self):
        cleaned = super().clean()
        phone, email = cleaned.get("phone"), cleaned.get("email")
        method = cleaned.get("contact_method")
        if not self.has_error("phone") and not self.has_error("email") and not (phone or email):
            self.add_error(
                "phone", "Give a phone number or an e-mail address, so that we can reach you."
            )
        elif method == AppointmentRequest.ContactMethod.PHONE and not phone:
            self.add_error("phone", "Give a phone number, or choose to be contacted by e-mail.")
        elif method == AppointmentRequest.ContactMethod.EMAIL and not email:
            self.add_error("email", "Give an e-mail address, or choose to be called.")
        return cleaned

    def full_clean(self):
        super().full_clean()
        self._describe_fields()

    def _describe_fields(self) -> None:
        """Point each control at its hint and error, for screen readers."""
        for name, field in self.fields.items():
            bound = self[name]
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}_hint")
            if self.is_bound and name in self.errors:
                ids.append(f"{bound.auto_id}_error")
                if not isinstance(field.widget, GROUP_WIDGETS):
                    field.widget.attrs["aria-invalid"] = "true"
            field.describedby = " ".join(ids)
            if ids and not isinstance(field.widget, GROUP_WIDGETS):
                field.widget.attrs["aria-describedby"] = field.describedby

    # ------------------------------------------------------------------ result

    @property
    def is_spam_trap_filled(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def chosen_slot(self):
        return self.slots.get(self.cleaned_data.get("slot") or "")

    def build_request(self, *, site, submission_id) -> AppointmentRequest:
        """The unsaved request with everything derived from the choices filled in."""
        booking = super().save(commit=False)
        booking.site = site
        booking.submission_token = submission_id
        booking.consented_at = timezone.now()
        topic = self.cleaned_data.get("topic") or ""
        kind, _, pk = topic.partition("-")
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
            booking.slot = slot
            booking.location = slot.location
            booking.physician = slot.physician
        else:
            booking.preferred_days = ",".join(self.cleaned_data.get("preferred_days") or [])
            booking.preferred_times = ",".join(self.cleaned_data.get("preferred_times") or [])
        return booking

    def save(self, commit=True):
        raise NotImplementedError("Use build_request(); the view saves inside a transaction.")


class WeeklySlotPatternForm(forms.Form):
    """Creates a physician's slots at one office on chosen weekdays between two dates."""

    location = forms.ModelChoiceField(queryset=None, label="Office")
    physician = forms.ModelChoiceField(
        queryset=None, required=False, label="Physician", empty_label="Any physician"
    )
    weekdays = forms.TypedMultipleChoiceField(
        choices=[(i, name) for i, (_, name) in enumerate([*DAY_CHOICES, ("sun", "Sunday")])],
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    first_day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    last_day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    day_starts = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}))
    day_ends = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}))
    duration_minutes = forms.IntegerField(min_value=5, max_value=480, initial=30)

    MAX_SLOTS = 2000

    def __init__(self, *args, locations, physicians, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
        self.fields["physician"].queryset = physicians

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_day"), cleaned.get("last_day")
        starts, ends = cleaned.get("day_starts"), cleaned.get("day_ends")
        if first and last and last < first:
            self.add_error("last_day", "The last day must not be before the first.")
        if first and last and (last - first).days > 366:
            self.add_error("last_day", "Create at most a year of slots at a time.")
        if starts and ends and ends <= starts:
            self.add_error("day_ends", "The end must be after the start.")
        location, physician = cleaned.get("location"), cleaned.get("physician")
        if location and physician and not physician.path.startswith(location.site.root_page.path):
            self.add_error("physician", "Choose a physician of the office's clinic.")
        if not self.errors and len(self.start_times()) > self.MAX_SLOTS:
            raise ValidationError(f"That pattern makes more than {self.MAX_SLOTS} slots.")
        return cleaned

    def start_times(self) -> list[datetime.datetime]:
        data = self.cleaned_data
        step = datetime.timedelta(minutes=data["duration_minutes"])
        zone = timezone.get_current_timezone()
        times = []
        day = data["first_day"]
        while day <= data["last_day"]:
            if day.weekday() in data["weekdays"]:
                start = datetime.datetime.combine(day, data["day_starts"], tzinfo=zone)
                end = datetime.datetime.combine(day, data["day_ends"], tzinfo=zone)
                while start + step <= end:
                    times.append(start)
                    start += step
            day += datetime.timedelta(days=1)
        return times
