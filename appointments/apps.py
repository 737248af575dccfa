from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    """The clinic's appointment page, where every call to action leads."""

    name = "appointments"
    verbose_name = "Appointments"
