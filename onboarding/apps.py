from django.apps import AppConfig


class OnboardingConfig(AppConfig):
    """Setting up a clinic: its Site, page tree, settings, collection, groups and review workflow."""

    name = "clinic_pages.onboarding"
    label = "clinic_pages_onboarding"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Clinic onboarding"
