from django.apps import AppConfig


class PhysiciansConfig(AppConfig):
    """Physician bio pages and the clinic's physicians index."""

    name = "clinic_pages.physicians"
    label = "clinic_pages_physicians"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Physicians"
