import clinic_pages.clinics.languages
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_pages_clinics", "0004_clinic_settings_launched"),
        ("clinic_pages_clinics", "0004_clinicsettings_reading_grade_target"),
    ]

    operations = [
        migrations.AddField(
            model_name="clinicsettings",
            name="languages",
            field=clinic_pages.clinics.languages.LanguagesField(
                default=clinic_pages.clinics.languages.default_languages,
                help_text="The languages this clinic publishes pages in. Pages in another language are translations of the English ones; visitors find them under /es/.",
                max_length=100,
                verbose_name="languages",
            ),
        ),
    ]
