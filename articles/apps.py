from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """The clinic's blog and news articles."""

    name = "clinic_pages.articles"
    label = "clinic_pages_articles"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Articles"
