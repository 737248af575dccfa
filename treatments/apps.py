from django.apps import AppConfig


class TreatmentsConfig(AppConfig):
    """Treatment overview pages: the core medical content of every clinic site."""

    name = "clinic_pages.treatments"
    label = "clinic_pages_treatments"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Treatments"
