import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

import clinic_pages.clinics.time_zones


def offices_take_their_clinics_zone(apps, schema_editor):
    """Existing offices are where their clinic is until an editor says otherwise."""
    Location = apps.get_model("clinic_pages_clinics", "Location")
    ClinicSettings = apps.get_model("clinic_pages_clinics", "ClinicSettings")
    zones = dict(ClinicSettings.objects.values_list("site_id", "time_zone"))
    fallback = clinic_pages.clinics.time_zones.default_time_zone()
    for office in Location.objects.filter(time_zone=""):
        office.time_zone = zones.get(office.site_id) or fallback
        office.save(update_fields=["time_zone"])


class Migration(migrations.Migration):
    """Each clinic and each office has its time zone; offices can be closed for date ranges."""

    dependencies = [
        ("clinic_pages_clinics", "0005_clinic_settings_languages"),
    ]

    operations = [
        migrations.AddField(
            model_name="clinicsettings",
            name="time_zone",
            field=models.CharField(
                default=clinic_pages.clinics.time_zones.default_time_zone,
                help_text="Where the clinic is. Its offices use this zone unless one is set for an office; every appointment time is shown in its office's zone.",
                max_length=64,
                validators=[clinic_pages.clinics.time_zones.validate_time_zone],
                verbose_name="time zone",
            ),
        ),
        migrations.AddField(
            model_name="location",
            name="time_zone",
            field=models.CharField(
                blank=True,
                help_text="The office's own time zone, e.g. America/Denver for an office in Denver. Left empty, the office takes the clinic's zone when saved.",
                max_length=64,
                validators=[clinic_pages.clinics.time_zones.validate_time_zone],
                verbose_name="time zone",
            ),
        ),
        migrations.CreateModel(
            name="LocationClosure",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("first_day", models.DateField(verbose_name="first day")),
                (
                    "last_day",
                    models.DateField(
                        help_text="The same as the first for one day.", verbose_name="last day"
                    ),
                ),
                (
                    "reason",
                    models.CharField(
                        blank=True,
                        help_text="For staff, e.g. 'Thanksgiving'.",
                        max_length=120,
                        verbose_name="reason",
                    ),
                ),
                ("begins_at", models.DateTimeField(editable=False)),
                ("ends_at", models.DateTimeField(editable=False)),
                (
                    "location",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="closures",
                        to="clinic_pages_clinics.location",
                    ),
                ),
            ],
            options={
                "verbose_name": "closure",
                "verbose_name_plural": "closures",
                "ordering": ["sort_order"],
                "abstract": False,
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("last_day__gte", models.F("first_day"))),
                        name="closure_ends_on_or_after_its_first_day",
                    )
                ],
            },
        ),
        migrations.RunPython(offices_take_their_clinics_zone, migrations.RunPython.noop),
    ]
