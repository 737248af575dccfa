from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search scoped to the clinic the visitor is on."""

    name = "clinic_pages.search"
    label = "clinic_pages_search"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Search"
