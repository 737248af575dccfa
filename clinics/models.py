"""Per-clinic configuration (a site setting) and the clinic's physical locations."""

from __future__ import annotations

from urllib.parse import quote_plus

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page, PreviewableMixin, RevisionMixin, Site
from wagtail.search import index

from clinic_pages.clinics.admin_scoping import ClinicOwnedForm
from clinic_pages.clinics.forms import ClinicSettingsForm
from clinic_pages.clinics.mfa_recovery import (  # noqa: F401  (staff recovery codes: models here)
    RecoveryCode,
    RecoveryCodeDevice,
)
from clinic_pages.core.generation import bumps_site_generation
from clinic_pages.core.validators import (
    hex_colour_validator,
    phone_validator,
    tel_href,
    validate_brand_colour_on_white,
)

DEFAULT_DISCLAIMER = (
    "This page is general information, not medical advice. It does not replace a consultation "
    "with a qualified clinician who knows your history. In an emergency, call 911."
)


@register_setting(icon="site")
@bumps_site_generation(lambda settings: [settings.site_id])
class ClinicSettings(BaseSiteSetting):
    """Everything that makes one Site look and speak as its own practice."""

    base_form_class = ClinicSettingsForm
    # Every page shows the logo and links the booking page: one query for the three rows.
    select_related = ["logo", "appointment_page"]

    practice_name = models.CharField(max_length=120, help_text="Shown in the header and titles.")
    tagline = models.CharField(max_length=160, blank=True, help_text="A short line under the name.")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header; a wide image about 3:1 works best.",
    )
    brand_colour = models.CharField(
        max_length=7,
        default="#1f4e79",
        validators=[hex_colour_validator, validate_brand_colour_on_white],
        help_text="Main colour for the header, buttons and links. Must be dark enough for white text.",
    )
    accent_colour = models.CharField(
        max_length=7,
        default="#7a3b00",
        validators=[hex_colour_validator, validate_brand_colour_on_white],
        help_text="Second colour for highlights. Must be dark enough for white text.",
    )
    phone = models.CharField(
        max_length=25, blank=True, validators=[phone_validator], help_text="Main phone number."
    )
    email = models.EmailField(blank=True, help_text="Public contact address for patients.")
    facebook_url = models.URLField(blank=True, help_text="Full address of the Facebook page.")
    instagram_url = models.URLField(blank=True, help_text="Full address of the Instagram profile.")
    linkedin_url = models.URLField(blank=True, help_text="Full address of the LinkedIn page.")
    youtube_url = models.URLField(blank=True, help_text="Full address of the YouTube channel.")
    disclaimer = models.TextField(
        max_length=1000,
        default=DEFAULT_DISCLAIMER,
        help_text="Medical disclaimer shown on every medical page and in the footer.",
    )
    appointment_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where every 'book an appointment' button leads.",
    )
    cta_heading = models.CharField(
        max_length=120, default="Talk to our team", help_text="Default call-to-action heading."
    )
    cta_text = models.CharField(
        max_length=400,
        blank=True,
        help_text="One or two sentences under the heading of the default call to action.",
    )
    cta_button_label = models.CharField(
        max_length=60, default="Request an appointment", help_text="Default button label."
    )
    # Bounded: a month at least, two years at most (a slip to 3650 would quietly stretch every
    # review the clinic owes its patients by a decade).
    review_interval_days = models.PositiveSmallIntegerField(
        default=365,
        validators=[MinValueValidator(30), MaxValueValidator(730)],
        help_text="How many days after a medical review the next one falls due (30 to 730).",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("practice_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading="Identity",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("brand_colour"), FieldPanel("accent_colour")])],
            heading="Brand colours",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])], heading="Contact"
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
            ],
            heading="Social links",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("appointment_page"),
                FieldPanel("cta_heading"),
                FieldPanel("cta_text"),
                FieldPanel("cta_button_label"),
            ],
            heading="Default appointment call to action",
        ),
        MultiFieldPanel(
            [FieldPanel("disclaimer"), FieldPanel("review_interval_days")],
            heading="Medical governance",
        ),
    ]

    class Meta:
        verbose_name = "clinic settings"

    def __str__(self) -> str:
        return self.practice_name

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)

    @cached_property
    def booking_page(self) -> Page | None:
        """The appointment page every call to action leads to, while it is live."""
        page = self.appointment_page
        return page if page is not None and page.live else None

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = (
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        )
        return [(label, url) for label, url in links if url]


class LocationQuerySet(models.QuerySet):
    def for_site(self, site: Site) -> LocationQuerySet:
        return self.filter(site=site).prefetch_related("hours")


@bumps_site_generation(lambda location: [location.site_id])
class Location(RevisionMixin, PreviewableMixin, index.Indexed, ClusterableModel):
    """An office where the clinic sees patients: address, phone, hours and a map link.

    Revisions keep a history of address and opening-hours changes; the preview shows the
    office as visitors see it.
    """

    base_form_class = ClinicOwnedForm

    site = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="locations",
        help_text="The clinic this office belongs to.",
    )
    name = models.CharField(max_length=120, help_text="e.g. 'Glenview office'.")
    street_address = models.CharField(max_length=200, help_text="Street and number, suite.")
    locality = models.CharField(max_length=100, help_text="City.")
    region = models.CharField(max_length=50, help_text="State, e.g. 'IL'.")
    postal_code = models.CharField(max_length=20, help_text="ZIP code.")
    country = models.CharField(max_length=2, default="US", help_text="Two-letter country code.")
    phone = models.CharField(max_length=25, blank=True, validators=[phone_validator])
    email = models.EmailField(blank=True)
    latitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, help_text="For maps; optional."
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, help_text="For maps; optional."
    )
    parking_and_access = models.CharField(
        max_length=300, blank=True, help_text="Parking, entrances, step-free access."
    )
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    objects = LocationQuerySet.as_manager()
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="location")

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel(
                    [FieldPanel("locality"), FieldPanel("region"), FieldPanel("postal_code")]
                ),
                FieldPanel("country"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Address",
        ),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("parking_and_access"),
        InlinePanel("hours", heading="Opening hours", label="Day"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("locality"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "name"], name="unique_location_name_per_clinic")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.locality}, {self.region})"

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "clinic_pages/clinics/previews/location.html"

    @property
    def one_line_address(self) -> str:
        return f"{self.street_address}, {self.locality}, {self.region} {self.postal_code}"

    @property
    def map_url(self) -> str:
        """A map search for the address; no API key, no third-party script on our pages."""
        return "https://www.openstreetmap.org/search?query=" + quote_plus(self.one_line_address)

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)

    @cached_property
    def ordered_hours(self) -> list[OpeningHours]:
        return sorted(self.hours.all(), key=lambda h: h.weekday)


def _site_of_hours(hours: OpeningHours) -> list[int]:
    return list(Location.objects.filter(pk=hours.location_id).values_list("site_id", flat=True))


@bumps_site_generation(_site_of_hours)
class OpeningHours(Orderable):
    """One day's opening hours at a location."""

    WEEKDAYS = [
        (0, "Monday"),
        (1, "Tuesday"),
        (2, "Wednesday"),
        (3, "Thursday"),
        (4, "Friday"),
        (5, "Saturday"),
        (6, "Sunday"),
    ]
    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS)
    opens = models.TimeField(null=True, blank=True, help_text="Leave empty when closed.")
    closes = models.TimeField(null=True, blank=True, help_text="Leave empty when closed.")

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"

    def __str__(self) -> str:
        return f"{self.get_weekday_display()}: {self.opens}–{self.closes}"

    @property
    def is_closed(self) -> bool:
        return self.opens is None or self.closes is None

    @property
    def schema_day(self) -> str:
        return "https://schema.org/" + self.get_weekday_display()
