from django.apps import AppConfig


class ReferencesConfig(AppConfig):
    """The citation library shared by every clinic: structured records of published sources."""

    name = "references"
    verbose_name = "References"
