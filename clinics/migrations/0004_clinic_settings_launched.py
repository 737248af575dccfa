from django.db import migrations, models


class Migration(migrations.Migration):
    """Clinics may stay private until launch; those that exist already are public."""

    dependencies = [
        ("clinic_pages_clinics", "0003_review_interval_bounds"),
    ]

    operations = [
        migrations.AddField(
            model_name="clinicsettings",
            name="launched",
            field=models.BooleanField(
                default=True,
                help_text="Whether visitors see the site; until then only the clinic's staff do.",
            ),
        ),
    ]
