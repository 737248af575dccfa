"""`manage.py onboard_clinic SLUG "Practice name" HOSTNAME`: set up a new clinic end to end.

The admin's Settings → Clinics does the same with the same code (onboarding.clinics). Run again
for the same slug with another hostname, it moves the clinic's Site there.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_slug

from clinic_pages.clinics.languages import language_choices
from clinic_pages.clinics.time_zones import validate_time_zone
from clinic_pages.core.validators import phone_validator
from clinic_pages.onboarding.clinics import ClinicSpec, OnboardingError, onboard_clinic
from clinic_pages.onboarding.hostnames import normalise_hostname


def _checked(validate, value: str, what: str) -> str:
    try:
        return validate(value) or value
    except ValidationError as error:
        raise CommandError(f"Invalid {what} {value!r}: {' '.join(error.messages)}") from error


class Command(BaseCommand):
    help = (
        "Create a clinic's Site, page tree, settings, collection, groups and review workflow. "
        "A new clinic is private (only its staff see it) until launched (--launch, or the "
        "admin's Settings → Clinics)."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Short name used in URLs, e.g. 'lakeside-pain'.")
        parser.add_argument("practice_name", help="The practice's public name.")
        parser.add_argument("hostname", help="The clinic's host name, e.g. lakeside.example.com.")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--default", action="store_true", help="Make it the default site.")
        parser.add_argument("--phone", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--time-zone", default="", help="IANA name, e.g. America/Chicago.")
        parser.add_argument(
            "--launch", action="store_true", help="Open the site to visitors now (public)."
        )
        parser.add_argument(
            "--language",
            action="append",
            default=[],
            dest="languages",
            help="A language the clinic also publishes in, e.g. es; repeat for more. "
            "The main language is always on.",
        )

    def handle(self, *args, **options):
        _checked(validate_slug, options["slug"], "slug")
        if options["phone"]:
            _checked(phone_validator, options["phone"], "phone number")
        _checked(validate_time_zone, options["time_zone"], "time zone")
        known = dict(language_choices())
        unknown = [code for code in options["languages"] if code not in known]
        if unknown:
            raise CommandError(
                f"Unknown language {', '.join(unknown)}: choose from {', '.join(known)}."
            )
        try:
            clinic = onboard_clinic(
                ClinicSpec(
                    slug=options["slug"],
                    practice_name=options["practice_name"][:120],
                    hostname=_checked(normalise_hostname, options["hostname"], "host name"),
                    port=options["port"],
                    is_default_site=options["default"],
                    phone=options["phone"],
                    email=options["email"],
                    time_zone=options["time_zone"],
                    launched=options["launch"],
                    languages=tuple(options["languages"]),
                )
            )
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        visibility = "public" if clinic.settings.launched else "private until launched"
        languages = ", ".join(clinic.settings.languages)
        self.stdout.write(
            self.style.SUCCESS(
                f"{clinic.settings.practice_name}: {clinic.site.root_url}/ ({visibility}; "
                f"languages: {languages}; "
                f"groups: {', '.join(group.name for group in clinic.groups.values())})"
            )
        )
