from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    """The clinic's appointment page, where every call to action leads."""

    name = "clinic_pages.appointments"
    label = "clinic_pages_appointments"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Appointments"

    def ready(self) -> None:
        # Importing the module registers its system checks (shared cache, error reports).
        from clinic_pages.appointments import checks  # noqa: F401
