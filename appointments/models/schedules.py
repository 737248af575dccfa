"""When each physician sees patients, and where: the pattern appointment slots are made from."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Site

from clinic_pages.clinics.models import OpeningHours


class PhysicianScheduleQuerySet(models.QuerySet):
    def on(self, day: datetime.date) -> PhysicianScheduleQuerySet:
        """The rows that apply on this local day (its weekday, inside their dates)."""
        return self.filter(weekday=day.weekday()).filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_until__isnull=True) | Q(valid_until__gte=day),
        )


class PhysicianSchedule(models.Model):
    """One weekly stretch a physician works at one office, e.g. Mondays 9:00-13:00 in Evanston.

    Slots for a physician are made only inside these hours and the office's opening hours, so
    a physician who works at two offices is never offered at both at once.
    """

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="physician_schedules", editable=False
    )
    physician = models.ForeignKey(
        "clinic_pages_physicians.PhysicianPage",
        on_delete=models.CASCADE,
        related_name="schedules",
        verbose_name=_("physician"),
    )
    location = models.ForeignKey(
        "clinic_pages_clinics.Location",
        on_delete=models.CASCADE,
        related_name="physician_schedules",
        verbose_name=_("office"),
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=OpeningHours.WEEKDAYS)
    starts = models.TimeField(_("from"), help_text=_("On the office's clock."))
    ends = models.TimeField(_("until"), help_text=_("On the office's clock."))
    valid_from = models.DateField(
        _("first day"), null=True, blank=True, help_text=_("Leave empty for 'from now on'.")
    )
    valid_until = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Leave empty for 'until changed'.")
    )

    objects = PhysicianScheduleQuerySet.as_manager()

    panels = [
        FieldPanel("physician"),
        FieldPanel("location"),
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("starts"), FieldPanel("ends")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
    ]

    class Meta:
        ordering = ["physician", "weekday", "starts"]
        verbose_name = _("working hours")
        verbose_name_plural = _("working hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=models.F("starts")), name="schedule_ends_after_it_starts"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.physician.short_name}: {self.get_weekday_display()} "
            f"{self.starts:%H:%M}-{self.ends:%H:%M} at {self.location.name}"
        )

    def save(self, *args, **kwargs):
        if self.location_id:
            self.site_id = self.location.site_id
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": _("The end must be after the start.")})
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The last day must not be before the first.")})
        if not (self.location_id and self.physician_id):
            return
        self.site_id = self.location.site_id
        if not self.physician.path.startswith(self.location.site.root_page.path):
            raise ValidationError({"physician": _("Choose a physician of the office's clinic.")})
        if self.weekday is not None and self.starts and self.ends and self.clashes().exists():
            raise ValidationError(
                _("The physician already works elsewhere, or here, during these hours.")
            )

    def clashes(self) -> PhysicianScheduleQuerySet:
        """The physician's other rows on the same weekday whose hours and dates overlap."""
        rows = PhysicianSchedule.objects.filter(
            physician_id=self.physician_id,
            weekday=self.weekday,
            starts__lt=self.ends,
            ends__gt=self.starts,
        ).exclude(pk=self.pk)
        if self.valid_until:
            rows = rows.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=self.valid_until))
        if self.valid_from:
            rows = rows.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=self.valid_from))
        return rows
