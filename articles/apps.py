from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """The clinic's blog and news articles."""

    name = "articles"
    verbose_name = "Articles"
