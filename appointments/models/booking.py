"""Appointment slots a clinic publishes and the requests visitors send."""

from __future__ import annotations

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Replace
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Site

from clinic_pages.appointments.local_time import in_zone, office_time
from clinic_pages.appointments.models.availability import slot_problem
from clinic_pages.clinics.models import ClinicSettings, LocationClosure
from clinic_pages.core.conf import clinic_pages_settings
from clinic_pages.core.validators import phone_validator

DAY_CHOICES = [
    ("mon", _("Monday")),
    ("tue", _("Tuesday")),
    ("wed", _("Wednesday")),
    ("thu", _("Thursday")),
    ("fri", _("Friday")),
    ("sat", _("Saturday")),
]
TIME_CHOICES = [
    ("morning", _("Morning (before noon)")),
    ("afternoon", _("Afternoon (noon to 5 pm)")),
    ("evening", _("Evening (after 5 pm)")),
]

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on the phone


def new_reference() -> str:
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


class Status(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    BOOKED = "booked", _("Booked")
    DECLINED = "declined", _("Declined")
    NO_SHOW = "no_show", _("No-show")
    CANCELLED = "cancelled", _("Cancelled")


# A slot stays taken while its request is in one of these states.
ACTIVE_STATUSES = [Status.NEW, Status.CONTACTED, Status.BOOKED, Status.NO_SHOW]


# The PostgreSQL exclusion constraint of migration 0006.
OVERLAP_CONSTRAINT = "no_overlapping_slots_per_physician"


class SlotOverlapError(IntegrityError):
    """A physician would be in two places at once (PostgreSQL's exclusion constraint raises
    the same kind of error)."""


class SlotEndField(models.DateTimeField):
    """When the slot ends, kept with its start and length on every save, bulk creation too:
    PostgreSQL's exclusion constraint compares these stored ranges."""

    def pre_save(self, model_instance, add):
        value = model_instance.starts_at + datetime.timedelta(
            minutes=model_instance.duration_minutes
        )
        setattr(model_instance, self.attname, value)
        return value


class AppointmentSlotQuerySet(models.QuerySet):
    def taken(self) -> AppointmentSlotQuerySet:
        return self.filter(requests__status__in=ACTIVE_STATUSES)

    def overlapping(self, starts_at, ends_at) -> AppointmentSlotQuerySet:
        """Slots sharing any minute with [starts_at, ends_at)."""
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)

    def outside_closures(self) -> AppointmentSlotQuerySet:
        """Slots whose office is not closed then (a closure added after they were made)."""
        closed = LocationClosure.objects.filter(
            location=OuterRef("location"),
            begins_at__lt=OuterRef("ends_at"),
            ends_at__gt=OuterRef("starts_at"),
        )
        return self.filter(~Exists(closed))

    def add_free(self, location, physician, starts, duration_minutes: int) -> tuple[int, int]:
        """Create slots at these starts, skipping any that would overlap one the physician
        already has (at any office) or repeat one of this office; returns (created, skipped).

        Runs in one transaction that checks again after writing: on SQLite the write holds
        the lock, on PostgreSQL the exclusion constraint refuses what a concurrent writer
        slipped in, and either way nothing half-made is kept.
        """
        step = datetime.timedelta(minutes=duration_minutes)
        starts = sorted(starts)
        if not starts:
            return 0, 0
        with transaction.atomic():
            same = self.filter(location=location, physician=physician)
            taken = list(
                (self.filter(physician=physician) if physician else same)
                .overlapping(starts[0], starts[-1] + step)
                .values_list("starts_at", "ends_at")
            )
            new = [
                self.model(
                    site_id=location.site_id,
                    location=location,
                    physician=physician,
                    starts_at=start,
                    duration_minutes=duration_minutes,
                )
                for start in starts
                if not any(a < start + step and start < b for a, b in taken)
            ]
            self.bulk_create(new)
            if physician and self.filter(physician=physician).with_overlaps().exists():
                raise SlotOverlapError(f"Physician {physician.pk} would be in two places at once.")
        return len(new), len(starts) - len(new)

    def with_overlaps(self) -> AppointmentSlotQuerySet:
        """Slots another slot of the same physician overlaps."""
        other = self.model.objects.filter(
            physician=OuterRef("physician"),
            starts_at__lt=OuterRef("ends_at"),
            ends_at__gt=OuterRef("starts_at"),
        ).exclude(pk=OuterRef("pk"))
        return self.filter(physician__isnull=False).filter(Exists(other))

    def open_for_booking(self, site: Site) -> AppointmentSlotQuerySet:
        """Future slots of this clinic nobody holds, inside the booking window."""
        now = timezone.now()
        lead = clinic_pages_settings.APPOINTMENT_SLOT_LEAD_HOURS
        window = clinic_pages_settings.APPOINTMENT_SLOT_WINDOW_DAYS
        return (
            self.filter(
                site=site,
                starts_at__gte=now + datetime.timedelta(hours=lead),
                starts_at__lte=now + datetime.timedelta(days=window),
            )
            .exclude(pk__in=self.model.objects.taken().values("pk"))
            .outside_closures()
            .order_by("starts_at", "location__sort_order")
        )


class AppointmentSlot(models.Model):
    """A time a physician can see a patient at one office; visitors book it from the page."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="appointment_slots", editable=False
    )
    location = models.ForeignKey(
        "clinic_pages_clinics.Location", on_delete=models.CASCADE, related_name="appointment_slots"
    )
    physician = models.ForeignKey(
        "clinic_pages_physicians.PhysicianPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointment_slots",
        help_text=_("Leave empty when any of the clinic's physicians may take it."),
    )
    starts_at = models.DateTimeField(
        help_text=_("Date and time the appointment starts, in the office's time zone.")
    )
    duration_minutes = models.PositiveSmallIntegerField(
        default=30, help_text=_("Length in minutes.")
    )
    ends_at = SlotEndField(editable=False)

    objects = AppointmentSlotQuerySet.as_manager()

    panels = [
        FieldPanel("location"),
        FieldPanel("physician"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_minutes")]),
    ]

    class Meta:
        ordering = ["starts_at", "location"]
        verbose_name = _("appointment slot")
        constraints = [
            models.UniqueConstraint(
                fields=["location", "physician", "starts_at"], name="unique_slot_per_physician"
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5) & Q(duration_minutes__lte=480),
                name="slot_duration_between_5_minutes_and_8_hours",
            ),
        ]
        indexes = [
            models.Index(fields=["site", "starts_at"]),
            models.Index(fields=["physician", "starts_at"]),
        ]
        # PostgreSQL also refuses a physician's overlapping slots with an exclusion constraint
        # (migration 0006); other databases rely on the check in save().

    def __str__(self) -> str:
        who = f", {self.physician.short_name}" if self.physician_id else ""
        return f"{self.starts_at_display} at {self.location.name}{who}"

    def save(self, *args, **kwargs):
        if self.location_id and not self.site_id:
            self.site_id = self.location.site_id
        # Written first, then checked, in one transaction: the write takes SQLite's lock, so no
        # other writer can slip an overlapping slot in between the check and the commit.
        clash = SlotOverlapError(f"Physician {self.physician_id} already has a slot then.")
        try:
            with transaction.atomic():
                super().save(*args, **kwargs)
                if self.physician_id and self.clashes().exists():
                    raise clash
        except IntegrityError as error:
            if OVERLAP_CONSTRAINT in str(error):  # PostgreSQL's constraint said it first
                raise clash from error
            raise

    @property
    def time_zone(self) -> str:
        """The office's zone: the one every view of this slot's time uses."""
        return self.location.time_zone

    @property
    def local_starts_at(self) -> datetime.datetime:
        """The start on the office's clock."""
        return in_zone(self.starts_at, self.time_zone)

    @property
    def starts_at_display(self) -> str:
        return office_time(self.starts_at, self.time_zone, "short")

    starts_at_display.fget.short_description = _("starts (office time)")

    def clashes(self) -> AppointmentSlotQuerySet:
        """The physician's other slots, at any office, that overlap this one."""
        ends_at = self.starts_at + datetime.timedelta(minutes=self.duration_minutes)
        return (
            AppointmentSlot.objects.filter(physician_id=self.physician_id)
            .overlapping(self.starts_at, ends_at)
            .exclude(pk=self.pk)
        )

    def clean(self):
        super().clean()
        if self.location_id:
            self.site_id = self.location.site_id
        if self.physician_id and self.site_id:
            root = Site.objects.get(pk=self.site_id).root_page
            if not self.physician.path.startswith(root.path):
                raise ValidationError({"physician": "Choose a physician of this clinic."})
        if not (self.location_id and self.starts_at and self.duration_minutes):
            return
        problem = slot_problem(self)
        if problem:
            raise ValidationError({"starts_at": problem})


# What the phone validator allows besides digits; stripped to compare numbers however typed.
PHONE_PUNCTUATION = " ().-+"


def phone_digits(phone: str) -> str:
    return "".join(ch for ch in phone or "" if ch in "0123456789")


def _phone_digits_expression():
    expression = F("phone")
    for character in PHONE_PUNCTUATION:
        expression = Replace(expression, Value(character), Value(""))
    return expression


class AppointmentRequestQuerySet(models.QuerySet):
    def older_than(self, days: int) -> AppointmentRequestQuerySet:
        return self.filter(created_at__lt=timezone.now() - datetime.timedelta(days=days))

    def with_contact(self, *, email: str = "", phone: str = "") -> AppointmentRequestQuerySet:
        """Requests giving this e-mail address (any case) or this phone number (any spelling).

        A phone number matches on its digits, so "(312) 555-0199" finds "312.555.0199"; fewer
        than seven digits match nothing, so a stray digit cannot select half the clinic.
        """
        query = Q(pk__in=[])
        email = (email or "").strip()
        if email:
            query |= Q(email__iexact=email)
        digits = phone_digits(phone)
        if len(digits) >= 7:
            query |= Q(phone_digits=digits)
        return self.annotate(phone_digits=_phone_digits_expression()).filter(query)

    def search(self, term: str) -> AppointmentRequestQuerySet:
        """Staff's search box: reference, name or e-mail address (any part), or phone number
        (its digits, however either side spelled it)."""
        term = term.strip()
        query = Q(reference__icontains=term) | Q(name__icontains=term) | Q(email__icontains=term)
        digits = phone_digits(term)
        if len(digits) >= 4:
            query |= Q(phone_digits__contains=digits)
        return self.annotate(phone_digits=_phone_digits_expression()).filter(query)


class AppointmentRequest(models.Model):
    """One visitor's request to be seen, triaged by the clinic's staff in the admin.

    Holds contact details only; the form never asks about health beyond a category.
    """

    Status = Status

    class ContactMethod(models.TextChoices):
        PHONE = "phone", _("Phone call")
        EMAIL = "email", _("E-mail")
        EITHER = "either", _("Either is fine")

    class PatientStatus(models.TextChoices):
        NEW = "new", _("New patient")
        RETURNING = "returning", _("Returning patient")

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="appointment_requests", editable=False
    )
    reference = models.CharField(max_length=9, unique=True, editable=False, default=new_reference)
    submission_token = models.UUIDField(unique=True, editable=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NEW)
    # Staff notes are a timeline of their own (notes.RequestNote): each note kept, none overwritten.

    name = models.CharField("full name", max_length=120)
    phone = models.CharField(max_length=25, blank=True, validators=[phone_validator])
    email = models.EmailField("e-mail address", max_length=254, blank=True)
    contact_method = models.CharField(
        "how should we contact you?", max_length=10, choices=ContactMethod.choices
    )
    patient_status = models.CharField(
        "have you been to us before?", max_length=10, choices=PatientStatus.choices
    )
    location = models.ForeignKey(
        "clinic_pages_clinics.Location",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointment_requests",
        verbose_name=_("preferred office"),
    )
    physician = models.ForeignKey(
        "clinic_pages_physicians.PhysicianPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointment_requests",
        verbose_name=_("preferred physician"),
    )
    treatment = models.ForeignKey(
        "clinic_pages_treatments.TreatmentPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointment_requests",
    )
    reason = models.ForeignKey(
        "clinic_pages_appointments.AppointmentReason",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    topic_label = models.CharField(
        "about", max_length=255, blank=True, help_text=_("The treatment or reason as chosen.")
    )
    preferred_days = models.CharField(max_length=60, blank=True)
    preferred_times = models.CharField(max_length=40, blank=True)
    note = models.TextField("short note", max_length=500, blank=True)
    consented_at = models.DateTimeField()
    slot = models.ForeignKey(
        AppointmentSlot,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
        editable=False,
    )
    # The language of the page the patient booked on: their confirmation, e-mails and cancel
    # page speak it. Empty (older requests): the site's default language.
    language = models.CharField(_("language"), max_length=12, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(
        _("cancelled by the patient at"), null=True, blank=True, editable=False
    )
    # When each e-mail went out; a sender claims one by setting its lease, so two workers never
    # send the same e-mail, and a sender that died lets the lease run out for a retry.
    clinic_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    patient_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancellation_notified_at = models.DateTimeField(
        _("clinic told of the cancellation at"), null=True, blank=True, editable=False
    )
    clinic_notice_lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    patient_notice_lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    cancellation_notice_lease_until = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AppointmentRequestQuerySet.as_manager()

    panels = [FieldPanel("status")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("appointment request")
        constraints = [
            # The database, not the view, guarantees a slot is never held twice.
            models.UniqueConstraint(
                fields=["slot"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="one_active_request_per_slot",
            ),
            models.CheckConstraint(
                condition=~Q(phone="") | ~Q(email=""), name="request_has_phone_or_email"
            ),
        ]

    def __str__(self) -> str:
        # Only the reference: this string lands in audit logs and admin titles.
        return self.reference

    @property
    def can_be_cancelled(self) -> bool:
        return self.status in (Status.NEW, Status.CONTACTED, Status.BOOKED)

    def cancel(self) -> None:
        """The patient withdraws the request: the slot is freed and the clinic is to be told."""
        self.status = Status.CANCELLED
        self.cancelled_at = timezone.now()
        self.save(update_fields=["status", "cancelled_at", "updated_at"])

    @property
    def time_zone(self) -> str:
        """The zone of the office the request concerns, else the clinic's."""
        if self.location_id:
            return self.location.time_zone
        if self.slot_id:
            return self.slot.location.time_zone
        known = getattr(self, "clinic_time_zone", None)  # annotated by admin listings
        if known:
            return known
        return ClinicSettings.for_site(self.site).time_zone

    @property
    def slot_starts_at(self) -> str:
        """The appointment time on the office's clock, naming its zone."""
        return office_time(self.slot.starts_at, self.time_zone, "short") if self.slot_id else ""

    slot_starts_at.fget.short_description = _("appointment time")

    @property
    def received_at(self) -> str:
        """When the request arrived, on the office's clock."""
        return office_time(self.created_at, self.time_zone, "short")

    received_at.fget.short_description = _("received")

    def get_preferred_days_display(self) -> str:
        return _labels(DAY_CHOICES, self.preferred_days)

    def get_preferred_times_display(self) -> str:
        return _labels(TIME_CHOICES, self.preferred_times)


def _labels(choices, stored: str) -> str:
    names = dict(choices)
    return ", ".join(str(names.get(key, key)) for key in stored.split(",") if key)
