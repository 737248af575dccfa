from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The five demo clinics, loaded from data files by ``manage.py load_demo_clinics``.

    Only the demo and tests install it; a production site does not need it.
    """

    name = "clinic_pages.demo"
    label = "clinic_pages_demo"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Demo clinics"
