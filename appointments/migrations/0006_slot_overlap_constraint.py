from django.db import migrations, models
from django.db.migrations.operations.base import Operation

import clinic_pages.appointments.models.booking

OVERLAP_CONSTRAINT = "no_overlapping_slots_per_physician"


class PhysicianOverlapConstraint(Operation):
    """PostgreSQL refuses a physician's overlapping slots, whoever writes them at once.

    Only on PostgreSQL (an exclusion constraint; btree_gist lets it compare the physician
    with ``=``), and outside the model state, since other databases cannot build it; there
    the slot's save() checks inside its transaction. Django's postgres modules are imported
    here only: they need psycopg, which a SQLite installation may not have.
    """

    reversible = True

    def state_forwards(self, app_label, state):
        pass

    @staticmethod
    def constraint():
        from django.contrib.postgres.constraints import ExclusionConstraint
        from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators

        class TsTzRange(models.Func):
            function = "TSTZRANGE"
            output_field = DateTimeRangeField()

        return ExclusionConstraint(
            name=OVERLAP_CONSTRAINT,
            expressions=[
                (TsTzRange("starts_at", "ends_at", models.Value("[)")), RangeOperators.OVERLAPS),
                ("physician", RangeOperators.EQUAL),
            ],
            condition=models.Q(physician__isnull=False),
        )

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        from django.contrib.postgres.operations import BtreeGistExtension

        BtreeGistExtension().database_forwards(app_label, schema_editor, from_state, to_state)
        model = to_state.apps.get_model(app_label, "appointmentslot")
        schema_editor.add_constraint(model, self.constraint())

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = from_state.apps.get_model(app_label, "appointmentslot")
        schema_editor.remove_constraint(model, self.constraint())

    def describe(self):
        return "On PostgreSQL, refuse a physician's overlapping appointment slots"


class Migration(migrations.Migration):
    """Every slot has its end; on PostgreSQL a physician's slots can no longer overlap."""

    dependencies = [
        ("clinic_pages_appointments", "0005_physician_schedules_and_slot_overlaps"),
    ]

    operations = [
        migrations.AlterField(
            model_name="appointmentslot",
            name="ends_at",
            field=clinic_pages.appointments.models.booking.SlotEndField(editable=False),
        ),
        PhysicianOverlapConstraint(),
    ]
