from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Each clinic's home page, the root of its site."""

    name = "home"
    verbose_name = "Home"
