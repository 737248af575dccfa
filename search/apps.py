from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search scoped to the clinic the visitor is on."""

    name = "search"
    label = "clinic_search"
    verbose_name = "Search"
