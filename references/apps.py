from django.apps import AppConfig


class ReferencesConfig(AppConfig):
    """The citation library shared by every clinic: structured records of published sources."""

    name = "clinic_pages.references"
    label = "clinic_pages_references"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "References"
