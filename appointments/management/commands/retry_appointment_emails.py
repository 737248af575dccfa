"""Send the notification and confirmation e-mails that failed when a request arrived."""

import datetime

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.appointments.notifications import deliver_pending


class Command(BaseCommand):
    help = "Retry e-mails for recent requests whose notification or confirmation did not go out."

    def add_arguments(self, parser):
        parser.add_argument("--within-days", type=int, default=3)

    def handle(self, *args, within_days, **options):
        since = timezone.now() - datetime.timedelta(days=within_days)
        pending = AppointmentRequest.objects.filter(created_at__gte=since).filter(
            Q(clinic_notified_at__isnull=True)
            | (Q(patient_notified_at__isnull=True) & ~Q(email=""))
        )
        count = 0
        for booking in pending.select_related("site__root_page"):
            deliver_pending(booking)
            count += 1
        self.stdout.write(f"Retried e-mails for {count} requests.")
