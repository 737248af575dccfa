from django.apps import AppConfig


class ClinicsConfig(AppConfig):
    """A clinic is a Wagtail Site: its settings, branding, offices, and the scoping that keeps it apart."""

    name = "clinic_pages.clinics"
    label = "clinic_pages_clinics"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Clinics"

    def ready(self) -> None:
        # Importing the module registers its system checks (the host's settings for isolation).
        from clinic_pages.clinics import checks  # noqa: F401
