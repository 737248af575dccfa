import datetime

import django.db.models.deletion
from django.db import migrations, models

import clinic_pages.appointments.models.booking

ACTIVE = ["new", "contacted", "booked", "no_show"]


def fill_ends_and_part_overlaps(apps, schema_editor):
    """Store each slot's end, and take a physician out of overlapping slots (until now a
    physician could be offered at two offices at once): an overlapping free slot goes, a
    held one stays with "any physician" so no patient's request loses its time."""
    Slot = apps.get_model("clinic_pages_appointments", "AppointmentSlot")
    Request = apps.get_model("clinic_pages_appointments", "AppointmentRequest")
    held = set(
        Request.objects.filter(status__in=ACTIVE, slot__isnull=False).values_list(
            "slot_id", flat=True
        )
    )
    for slot in Slot.objects.all():
        slot.ends_at = slot.starts_at + datetime.timedelta(minutes=slot.duration_minutes)
        slot.save(update_fields=["ends_at"])
    kept_until: dict[int, datetime.datetime] = {}
    doomed, unassigned = [], []
    slots = Slot.objects.filter(physician__isnull=False).order_by("physician_id", "starts_at")
    # Held slots first at each time, so a free one gives way to one a patient holds.
    for slot in sorted(slots, key=lambda s: (s.physician_id, s.starts_at, s.pk not in held)):
        if slot.starts_at < kept_until.get(slot.physician_id, slot.starts_at):
            (unassigned if slot.pk in held else doomed).append(slot.pk)
            continue
        kept_until[slot.physician_id] = slot.ends_at
    Slot.objects.filter(pk__in=doomed).delete()
    Slot.objects.filter(pk__in=unassigned).update(physician=None)


class Migration(migrations.Migration):
    """Physicians' working hours; slots store their end and never overlap for a physician."""

    dependencies = [
        ("clinic_pages_appointments", "0004_initial"),
        ("clinic_pages_clinics", "0006_office_time_zones_and_closures"),
        ("clinic_pages_physicians", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="PhysicianSchedule",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "weekday",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (0, "Monday"),
                            (1, "Tuesday"),
                            (2, "Wednesday"),
                            (3, "Thursday"),
                            (4, "Friday"),
                            (5, "Saturday"),
                            (6, "Sunday"),
                        ],
                        verbose_name="weekday",
                    ),
                ),
                (
                    "starts",
                    models.TimeField(help_text="On the office's clock.", verbose_name="from"),
                ),
                (
                    "ends",
                    models.TimeField(help_text="On the office's clock.", verbose_name="until"),
                ),
                (
                    "valid_from",
                    models.DateField(
                        blank=True,
                        help_text="Leave empty for 'from now on'.",
                        null=True,
                        verbose_name="first day",
                    ),
                ),
                (
                    "valid_until",
                    models.DateField(
                        blank=True,
                        help_text="Leave empty for 'until changed'.",
                        null=True,
                        verbose_name="last day",
                    ),
                ),
            ],
            options={
                "verbose_name": "working hours",
                "verbose_name_plural": "working hours",
                "ordering": ["physician", "weekday", "starts"],
            },
        ),
        migrations.AddField(
            model_name="appointmentslot",
            name="ends_at",
            field=clinic_pages.appointments.models.booking.SlotEndField(editable=False, null=True),
        ),
        migrations.AlterField(
            model_name="appointmentslot",
            name="starts_at",
            field=models.DateTimeField(
                help_text="Date and time the appointment starts, in the office's time zone."
            ),
        ),
        migrations.AddIndex(
            model_name="appointmentslot",
            index=models.Index(
                fields=["physician", "starts_at"], name="clinic_page_physici_7f16f1_idx"
            ),
        ),
        migrations.AddField(
            model_name="physicianschedule",
            name="location",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="physician_schedules",
                to="clinic_pages_clinics.location",
                verbose_name="office",
            ),
        ),
        migrations.AddField(
            model_name="physicianschedule",
            name="physician",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="schedules",
                to="clinic_pages_physicians.physicianpage",
                verbose_name="physician",
            ),
        ),
        migrations.AddField(
            model_name="physicianschedule",
            name="site",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="physician_schedules",
                to="wagtailcore.site",
            ),
        ),
        migrations.AddConstraint(
            model_name="physicianschedule",
            constraint=models.CheckConstraint(
                condition=models.Q(("ends__gt", models.F("starts"))),
                name="schedule_ends_after_it_starts",
            ),
        ),
        migrations.RunPython(fill_ends_and_part_overlaps, migrations.RunPython.noop),
    ]
