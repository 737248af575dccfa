"""The front desk's timeline of a request: every note kept, and every message sent to the patient.

A note is never edited or overwritten: the front desk adds another. A message entry holds the
exact subject and text e-mailed to the patient on a status change (rendered when the status
changed, sent later by a task), so staff see what went out and when.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestNote(models.Model):
    class Kind(models.TextChoices):
        NOTE = "note", _("Note")
        MESSAGE = "message", _("Message to the patient")

    request = models.ForeignKey(
        "clinic_pages_appointments.AppointmentRequest",
        on_delete=models.CASCADE,  # erasing a request erases its timeline
        related_name="timeline",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NOTE)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    subject = models.CharField(max_length=200, blank=True)
    text = models.TextField(max_length=4000)
    # For messages: when the e-mail went out, and the sender's claim while it sends.
    sent_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("request note")

    def __str__(self) -> str:
        # Audit logs and titles name the entry, never its text (which may name the patient).
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def author_name(self) -> str:
        if self.author is None:
            return str(_("Earlier staff note")) if self.kind == self.Kind.NOTE else ""
        return self.author.get_full_name() or self.author.get_username()
