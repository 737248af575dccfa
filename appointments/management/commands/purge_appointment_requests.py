"""Delete appointment requests older than the retention period. Run it daily (see README)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.core.conf import clinic_pages_settings


class Command(BaseCommand):
    help = "Delete appointment requests older than --older-than-days (default: retention setting)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-days",
            type=int,
            default=clinic_pages_settings.APPOINTMENT_RETENTION_DAYS,
            help="Age in days beyond which requests are deleted.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only report how many would be deleted."
        )

    def handle(self, *args, older_than_days, dry_run, **options):
        if older_than_days < 1:
            raise CommandError("--older-than-days must be at least 1.")
        old = AppointmentRequest.objects.older_than(older_than_days)
        count = old.count()
        if dry_run:
            self.stdout.write(
                f"{count} requests older than {older_than_days} days would be deleted."
            )
            return
        with transaction.atomic():
            deleted, _ = old.delete()
        self.stdout.write(f"Deleted {deleted} requests older than {older_than_days} days.")
