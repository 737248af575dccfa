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

        self.connect_translation_signals()

    @staticmethod
    def connect_translation_signals() -> None:
        """Translated clinic homes get the clinic's grants and review workflow."""
        from wagtail.signals import copy_for_translation_done

        from clinic_pages.clinics.translations import on_copy_for_translation

        copy_for_translation_done.connect(on_copy_for_translation, dispatch_uid="cp-translation")
