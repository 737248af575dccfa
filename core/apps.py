from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared building blocks: abstract page mixins, the medical block library, template tags."""

    name = "core"
    verbose_name = "Clinic Pages core"
