from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_pages_clinics", "0006_office_time_zones_and_closures"),
    ]

    operations = [
        migrations.AddField(
            model_name="clinicsettings",
            name="theme",
            field=models.CharField(
                choices=[
                    ("calm", "Calm: serif headings, soft cards, a centred hero over the photo"),
                    (
                        "clinical",
                        "Clinical: one crisp sans-serif, sharp borders, photo beside the text",
                    ),
                    (
                        "warm",
                        "Warm: rounded type and cards, the text on a tinted band over the photo",
                    ),
                ],
                default="calm",
                help_text=(
                    "The layout, type and card style of the whole site. Open the preview to "
                    "try one before saving."
                ),
                max_length=20,
                verbose_name="theme",
            ),
        ),
    ]
