"""``manage.py load_demo_clinics``: the five demo practices, safe to run again and again."""

from django.core.management.base import BaseCommand

from clinic_pages.demo.loader import DEMO_PASSWORD, DEMO_ROLE_USERNAMES, PORT, DemoLoader
from clinic_pages.demo.reader import read_demo


class Command(BaseCommand):
    help = (
        "Create the five demo clinics (sites, pages, settings, images, editors). Existing "
        "objects are left alone, so running it twice changes nothing; --reset restores them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Bring existing demo objects back to the demo content (a page gets a new "
            "revision only where its content differs).",
        )

    def handle(self, *args, reset: bool = False, **options):
        demo = read_demo()  # checks every data file before anything is written
        loader = DemoLoader(demo, reset=reset, log=self.stdout.write)
        stats = loader.run()
        if options["verbosity"] < 1:
            return
        if stats:
            for key, count in sorted(stats.items()):
                self.stdout.write(f"  {key}: {count}")
        self.stdout.write(self.style.SUCCESS("Demo clinics are ready."))
        self.stdout.write(f"Sites (run the server on port {PORT}):")
        for spec in demo.clinics:
            default = f"  (default: also http://127.0.0.1:{PORT}/)" if spec.is_default_site else ""
            self.stdout.write(f"  http://{spec.hostname}:{PORT}/{default}")
        self.stdout.write(f"Accounts (password for all: {DEMO_PASSWORD}):")
        self.stdout.write("  admin (superuser)")
        for spec in demo.clinics:
            for role, suffix in DEMO_ROLE_USERNAMES.items():
                self.stdout.write(f"  {spec.slug}-{suffix} ({spec.practice_name} {role})")
