from django.apps import AppConfig


class PhysiciansConfig(AppConfig):
    """Physician bio pages and the clinic's physicians index."""

    name = "physicians"
    verbose_name = "Physicians"
