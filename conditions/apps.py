from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    """Condition pages: what a condition is, its symptoms and causes, and what treats it."""

    name = "clinic_pages.conditions"
    label = "clinic_pages_conditions"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Conditions"
