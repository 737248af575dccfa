"""`manage.py remove_root_page_grants`: take away page rights that span every clinic.

Wagtail's stock "Editors" and "Moderators" groups hold add, change and publish on the root of
the page tree: a clinic's staff member added to one of them could edit every clinic. This
deletes every group's page permissions on the root or on a page above several clinics' homes
(system check clinic_pages.W003); the groups themselves are kept.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from clinic_pages.clinics.checks import page_grants_spanning_clinics
from clinic_pages.onboarding.clinics import remove_page_grants_above_clinics


class Command(BaseCommand):
    help = "Delete group page permissions on the tree root or above several clinics' homes."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be removed; change nothing."
        )

    def handle(self, *args, **options):
        if options["dry_run"]:
            lines = [
                f"{grant.group.name}: {grant.permission.codename} on {grant.page.title}"
                for grant in page_grants_spanning_clinics()
            ]
        else:
            with transaction.atomic():
                lines = remove_page_grants_above_clinics()
        for line in lines:
            self.stdout.write(line)
        verb = "Would remove" if options["dry_run"] else "Removed"
        self.stdout.write(self.style.SUCCESS(f"{verb} {len(lines)} page permission(s)."))
