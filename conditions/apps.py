from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    """Condition pages: what a condition is, its symptoms and causes, and what treats it."""

    name = "conditions"
    verbose_name = "Conditions"
