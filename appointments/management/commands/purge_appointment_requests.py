"""Delete appointment requests older than the retention period. Run it daily (see README)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.core.conf import clinic_pages_settings

# A hundred years: anything longer is a typo, and would overflow the date arithmetic.
MAX_DAYS = 36500


class Command(BaseCommand):
    help = "Delete appointment requests older than --older-than-days (default: retention setting)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-days",
            type=int,
            default=clinic_pages_settings.APPOINTMENT_RETENTION_DAYS,
            help=f"Age in days beyond which requests are deleted (1 to {MAX_DAYS}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only report how many would be deleted."
        )

    def handle(self, *args, older_than_days, dry_run, **options):
        if not 1 <= older_than_days <= MAX_DAYS:
            raise CommandError(f"--older-than-days must be between 1 and {MAX_DAYS}.")
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
