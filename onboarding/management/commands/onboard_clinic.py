"""`manage.py onboard_clinic SLUG "Practice name" HOSTNAME`: set up a new clinic end to end."""

from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_slug

from clinic_pages.onboarding.clinics import ClinicSpec, onboard_clinic


class Command(BaseCommand):
    help = "Create a clinic's Site, page tree, settings, collection, groups and review workflow."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Short name used in URLs, e.g. 'lakeside-pain'.")
        parser.add_argument("practice_name", help="The practice's public name.")
        parser.add_argument("hostname", help="The clinic's host name, e.g. lakeside.example.com.")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--default", action="store_true", help="Make it the default site.")
        parser.add_argument("--phone", default="")
        parser.add_argument("--email", default="")

    def handle(self, *args, **options):
        try:
            validate_slug(options["slug"])
        except Exception as error:
            raise CommandError(f"Invalid slug: {options['slug']!r}") from error
        clinic = onboard_clinic(
            ClinicSpec(
                slug=options["slug"],
                practice_name=options["practice_name"][:120],
                hostname=options["hostname"],
                port=options["port"],
                is_default_site=options["default"],
                phone=options["phone"],
                email=options["email"],
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"{clinic.settings.practice_name}: {clinic.site.root_url}/ "
                f"(groups: {', '.join(group.name for group in clinic.groups.values())})"
            )
        )
