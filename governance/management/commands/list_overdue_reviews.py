"""`manage.py list_overdue_reviews`: medical pages past their review date, per clinic.

Meant for a scheduled job (e.g. a weekly cron) that mails the output to each clinic's reviewers.
"""

from django.core.management.base import BaseCommand
from wagtail.models import Site

from clinic_pages.governance.reviews import due_reviews, overdue_reviews


class Command(BaseCommand):
    help = "List live medical pages whose clinical review is overdue (or due soon), per clinic."

    def add_arguments(self, parser):
        parser.add_argument(
            "--within-days",
            type=int,
            default=None,
            help="Also list pages due within this many days.",
        )
        parser.add_argument("--site", help="Only this clinic (hostname).")

    def handle(self, *args, **options):
        sites = Site.objects.select_related("root_page").order_by("hostname")
        if options["site"]:
            sites = sites.filter(hostname=options["site"])
        total = 0
        for site in sites:
            if options["within_days"] is None:
                items = overdue_reviews([site])
            else:
                items = due_reviews([site], within_days=options["within_days"])
            if not items:
                continue
            self.stdout.write(f"{site.site_name or site.hostname} ({site.hostname})")
            for item in items:
                due = item.due.isoformat() if item.due else "never reviewed"
                self.stdout.write(
                    f"  {item.state:<15} {due:<15} {item.page.title}  {item.page.full_url}"
                )
            total += len(items)
        self.stdout.write(f"{total} page(s).")
