from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    """Patient stories, published only with the patient's recorded written consent."""

    name = "clinic_pages.stories"
    label = "clinic_pages_stories"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Patient stories")
