from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    """Clinical sign-off of medical pages: the review task, review stamps, due-review reporting."""

    name = "clinic_pages.governance"
    label = "clinic_pages_governance"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Medical governance"

    def ready(self) -> None:
        # Workflow e-mails link to the clinic's own host and reach only its reviewers.
        from clinic_pages.governance.notifications import replace_wagtail_notifiers

        replace_wagtail_notifiers()
