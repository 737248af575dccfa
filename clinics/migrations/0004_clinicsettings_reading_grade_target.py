import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_pages_clinics", "0003_review_interval_bounds"),
    ]

    operations = [
        migrations.AddField(
            model_name="clinicsettings",
            name="reading_grade_target",
            field=models.PositiveSmallIntegerField(
                default=8,
                help_text=(
                    "The school grade patient pages should read at (4 to 14). Pages above it "
                    "are listed in the 'Reading level' report."
                ),
                validators=[
                    django.core.validators.MinValueValidator(4),
                    django.core.validators.MaxValueValidator(14),
                ],
                verbose_name="target reading grade",
            ),
        ),
    ]
