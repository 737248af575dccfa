"""The staff-notes field becomes a timeline: each note kept, with author and time.

Existing note text moves into the timeline (no author: nobody recorded who wrote it; the time is
the request's last change) before the field goes.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def notes_into_timeline(apps, schema_editor):
    AppointmentRequest = apps.get_model("clinic_pages_appointments", "AppointmentRequest")
    RequestNote = apps.get_model("clinic_pages_appointments", "RequestNote")
    for pk, text, updated_at in (
        AppointmentRequest.objects.exclude(staff_notes="")
        .values_list("pk", "staff_notes", "updated_at")
        .iterator()
    ):
        note = RequestNote.objects.create(request_id=pk, kind="note", text=text)
        # auto_now_add set it to now; the text is as old as the request's last change.
        RequestNote.objects.filter(pk=note.pk).update(created_at=updated_at)


def timeline_into_notes(apps, schema_editor):
    AppointmentRequest = apps.get_model("clinic_pages_appointments", "AppointmentRequest")
    RequestNote = apps.get_model("clinic_pages_appointments", "RequestNote")
    for request in AppointmentRequest.objects.filter(timeline__kind="note").distinct():
        texts = RequestNote.objects.filter(request=request, kind="note").order_by("created_at")
        request.staff_notes = "\n\n".join(texts.values_list("text", flat=True))[:2000]
        request.save(update_fields=["staff_notes"])


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_pages_appointments", "0007_appointment_request_language"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="RequestNote",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("note", "Note"), ("message", "Message to the patient")],
                        default="note",
                        max_length=10,
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, db_index=True)),
                ("subject", models.CharField(blank=True, max_length=200)),
                ("text", models.TextField(max_length=4000)),
                ("sent_at", models.DateTimeField(blank=True, null=True)),
                ("lease_until", models.DateTimeField(blank=True, null=True)),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "request",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="timeline",
                        to="clinic_pages_appointments.appointmentrequest",
                    ),
                ),
            ],
            options={
                "verbose_name": "request note",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.RunPython(notes_into_timeline, timeline_into_notes),
        migrations.RemoveField(model_name="appointmentrequest", name="staff_notes"),
    ]
