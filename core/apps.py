from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared building blocks: abstract page mixins, the medical block library, template tags."""

    name = "clinic_pages.core"
    label = "clinic_pages_core"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Clinic Pages core"

    def ready(self) -> None:
        # Every app's models are loaded by now, so every page type gets its handler.
        from clinic_pages.core.generation import connect_wagtail_signals

        connect_wagtail_signals()
        # Importing the module registers its system checks (what production must not run on).
        from clinic_pages.core import checks  # noqa: F401
