"""Erase one person's appointment requests, found by e-mail address and/or phone number.

For erasure requests under data-protection law: every clinic's requests giving that address or
number (a phone number matches on its digits, however it was typed) are deleted, and each
deletion is written to the audit log by reference only.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.log_actions import log

from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.appointments.models.booking import phone_digits


class Command(BaseCommand):
    help = "Delete every appointment request that gives this e-mail address or phone number."

    def add_arguments(self, parser):
        parser.add_argument("--email", default="", help="E-mail address (any letter case).")
        parser.add_argument("--phone", default="", help="Phone number (compared by its digits).")
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be deleted, delete nothing."
        )

    def handle(self, *args, email, phone, dry_run, **options):
        email = email.strip()
        if not email and not phone.strip():
            raise CommandError("Give --email, --phone or both.")
        if email and "@" not in email:
            raise CommandError("--email must be a whole e-mail address.")
        if phone.strip() and len(phone_digits(phone)) < 7:
            raise CommandError("--phone must have at least 7 digits.")
        matches = list(
            AppointmentRequest.objects.with_contact(email=email, phone=phone)
            .select_related("site")
            .order_by("created_at")
        )
        for booking in matches:
            self.stdout.write(
                f"{booking.reference}  {booking.site.hostname}  "
                f"{booking.created_at:%Y-%m-%d}  {booking.status}"
            )
        if dry_run:
            self.stdout.write(f"{len(matches)} requests would be deleted (dry run).")
            return
        with transaction.atomic():
            for booking in matches:
                log(booking, "wagtail.delete", data={"erasure": True})
            AppointmentRequest.objects.filter(pk__in=[b.pk for b in matches]).delete()
        self.stdout.write(f"Deleted {len(matches)} requests.")
