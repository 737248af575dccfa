from django.apps import AppConfig


class SeoConfig(AppConfig):
    """Structured data (schema.org JSON-LD) and sharing metadata generated from page fields."""

    name = "clinic_pages.seo"
    label = "clinic_pages_seo"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "SEO and structured data"
