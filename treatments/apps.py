from django.apps import AppConfig


class TreatmentsConfig(AppConfig):
    """Treatment overview pages: the core medical content of every clinic site."""

    name = "treatments"
    verbose_name = "Treatments"
