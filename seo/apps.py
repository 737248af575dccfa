from django.apps import AppConfig


class SeoConfig(AppConfig):
    """Structured data (schema.org JSON-LD) and sharing metadata generated from page fields."""

    name = "seo"
    verbose_name = "SEO and structured data"
