from django.apps import AppConfig


class ClinicsConfig(AppConfig):
    """A clinic is a Wagtail Site: its settings, branding, locations, onboarding and demo data."""

    name = "clinics"
    verbose_name = "Clinics"
