"""Admin forms: slots typed on the office's clock, slots made from the schedules, and the
front desk's edit of a request."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from clinic_pages.appointments.local_time import in_zone, wall_clock_moment
from clinic_pages.appointments.models.availability import Availability
from clinic_pages.clinics.models import OpeningHours
from clinic_pages.clinics.time_zones import zone_of


class OfficeTimeField(forms.DateTimeField):
    """A date and time on the office's clock, kept naive until the form knows the office."""

    def __init__(self, *, zone_name: str = "", **kwargs):
        self.zone_name = zone_name
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return in_zone(value, self.zone_name).replace(tzinfo=None)
        return value

    def to_python(self, value):
        moment = super().to_python(value)  # aware in the server's zone: take the typed digits
        if moment is None:
            return None
        return timezone.make_naive(moment) if timezone.is_aware(moment) else moment


class OfficeTimeSlotFormMixin:
    """The slot's start is typed and shown on its office's clock, whatever the server's zone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        old = self.fields["starts_at"]
        zone = self.instance.location.time_zone if self.instance.location_id else ""
        self.fields["starts_at"] = OfficeTimeField(
            zone_name=zone,
            label=old.label,
            widget=old.widget,
            help_text=_("On the office's clock, in its time zone (%(zone)s now).")
            % {"zone": zone_of(zone).key}
            if zone
            else _("On the office's clock, in its time zone."),
        )

    def clean(self):
        cleaned = super().clean()
        location, local = cleaned.get("location"), cleaned.get("starts_at")
        if location is not None and local is not None:
            try:
                cleaned["starts_at"] = wall_clock_moment(local, location.time_zone)
            except ValueError:
                self.add_error(
                    "starts_at", _("The clocks skip that time on that day; choose another.")
                )
        return cleaned


WEEKDAY_CHOICES = OpeningHours.WEEKDAYS


class WeeklySlotPatternForm(forms.Form):
    """Makes slots at one office between two days, inside its opening hours and, for a
    physician, their working hours there; optionally only some weekdays or times of day."""

    location = forms.ModelChoiceField(queryset=None, label=_("Office"))
    physician = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Physician"), empty_label=_("Any physician")
    )
    first_day = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    last_day = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    duration_minutes = forms.IntegerField(
        label=_("Length of each slot (minutes)"), min_value=5, max_value=480, initial=30
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Only on these weekdays"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for every day the office is open."),
    )
    day_starts = forms.TimeField(
        label=_("Not before"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("Optional, on the office's clock."),
    )
    day_ends = forms.TimeField(
        label=_("Not after"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("Optional, on the office's clock."),
    )

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
            self.add_error("last_day", _("The last day must not be before the first."))
        if first and last and (last - first).days > 366:
            self.add_error("last_day", _("Create at most a year of slots at a time."))
        if starts and ends and ends <= starts:
            self.add_error("day_ends", _("The end must be after the start."))
        location, physician = cleaned.get("location"), cleaned.get("physician")
        if location and physician:
            if not physician.path.startswith(location.site.root_page.path):
                self.add_error("physician", _("Choose a physician of the office's clinic."))
            elif not physician.schedules.filter(location=location).exists():
                self.add_error(
                    "physician",
                    _(
                        "This physician has no working hours at this office yet: add them "
                        "under Appointments, Working hours."
                    ),
                )
        if not self.errors and len(self.start_times()) > self.MAX_SLOTS:
            raise ValidationError(
                _("That pattern makes more than %(max)d slots.") % {"max": self.MAX_SLOTS}
            )
        return cleaned

    def start_times(self) -> list[datetime.datetime]:
        """Every start the pattern makes, on the office's clock (cached: clean() counts them)."""
        if not hasattr(self, "_start_times"):
            data = self.cleaned_data
            physician = data.get("physician")
            self._start_times = Availability(
                data["location"], physician.pk if physician else None
            ).start_times(
                data["first_day"],
                data["last_day"],
                data["duration_minutes"],
                weekdays=data.get("weekdays"),
                day_starts=data.get("day_starts"),
                day_ends=data.get("day_ends"),
            )
        return self._start_times


class RequestTriageForm(WagtailAdminModelForm):
    """The front desk's edit of a request: its status, a note added to the timeline (never
    overwriting another) and whether the patient is e-mailed about the new status."""

    add_note = forms.CharField(
        label=_("Add a note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Kept in the request's timeline with your name and the time. Staff only; keep "
            "clinical detail out."
        ),
    )
    notify_patient = forms.BooleanField(
        label=_("E-mail the patient about the new status"),
        required=False,
        initial=True,
        help_text=_(
            "For contacted, booked, declined and cancelled: a short message from a template, "
            "with no health details, in the language of the request."
        ),
    )

    class Meta:
        fields = ["status"]
