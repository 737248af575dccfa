from django.apps import AppConfig


class FaqsConfig(AppConfig):
    """Each clinic's library of questions and answers, and its FAQ page."""

    name = "clinic_pages.faqs"
    label = "clinic_pages_faqs"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "FAQs"
