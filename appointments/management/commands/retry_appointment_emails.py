"""Send the booking e-mails that are still due: the safety net behind the e-mail task.

Run it on a schedule (every few minutes) on any number of servers: each e-mail is claimed before
it is sent, so two runs at the same moment never send one twice.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from clinic_pages.appointments.notifications import deliver_pending, requests_with_pending_emails
from clinic_pages.appointments.status_messages import send_pending_status_messages

MAX_DAYS = 3650


class Command(BaseCommand):
    help = (
        "Send notification, confirmation and cancellation e-mails that did not go out for "
        "requests made (or cancelled) within --within-days, and the front desk's status "
        "messages to patients written since then."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--within-days",
            type=int,
            default=3,
            help=f"How far back to look, 1 to {MAX_DAYS} days (default 3).",
        )

    def handle(self, *args, within_days, **options):
        if not 1 <= within_days <= MAX_DAYS:
            raise CommandError(f"--within-days must be between 1 and {MAX_DAYS}.")
        since = timezone.now() - datetime.timedelta(days=within_days)
        pending = requests_with_pending_emails(since).select_related("site__root_page")
        tried = failed = 0
        for booking in pending.iterator(chunk_size=200):
            tried += 1
            failed += bool(deliver_pending(booking))
        self.stdout.write(f"Retried e-mails for {tried} requests; {failed} still failing.")
        # The front desk's status messages to patients (status_messages), same safety net.
        sent, failing = send_pending_status_messages(since)
        self.stdout.write(f"Sent {sent} status messages; {failing} still failing.")
