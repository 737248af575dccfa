from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    """Clinical sign-off of medical pages: the review task, review stamps, due-review reporting."""

    name = "governance"
    verbose_name = "Medical governance"
