from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Each clinic's home page, the root of its site."""

    name = "clinic_pages.home"
    label = "clinic_pages_home"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Home"
