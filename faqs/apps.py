from django.apps import AppConfig


class FaqsConfig(AppConfig):
    """Each clinic's library of questions and answers, and its FAQ page."""

    name = "faqs"
    verbose_name = "FAQs"
