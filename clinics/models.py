"""Per-clinic configuration (a site setting) and the clinic's physical locations."""

from __future__ import annotations

import datetime
import zoneinfo
from urllib.parse import quote_plus

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
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
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PreviewableMixin, RevisionMixin, Site
from wagtail.search import index

from clinic_pages.clinics.admin_scoping import ClinicOwnedForm
from clinic_pages.clinics.forms import ClinicSettingsForm
from clinic_pages.clinics.language_texts import (
    DisclaimerTextBlock,
    LanguageTextsBlock,
    OfficeTextsBlock,
    ShownText,
    in_request_language,
    office_text,
)
from clinic_pages.clinics.languages import LanguagesField, default_languages
from clinic_pages.clinics.mfa_recovery import (  # noqa: F401  (staff recovery codes: models here)
    RecoveryCode,
    RecoveryCodeDevice,
)
from clinic_pages.clinics.offices import WeekDay, week_of
from clinic_pages.clinics.panels import GovernedFieldPanel
from clinic_pages.clinics.time_zones import (
    default_time_zone,
    time_zone_choices,
    validate_time_zone,
    zone_of,
)
from clinic_pages.clinics.trust import TrustSignalsMixin
from clinic_pages.core.generation import bumps_site_generation
from clinic_pages.core.themes import DEFAULT_THEME, Theme
from clinic_pages.core.validators import (
    hex_colour_validator,
    phone_validator,
    tel_href,
    validate_brand_colour_on_white,
)

# Marked for the catalogue (gettext_noop): a page in another language shows a default the clinic
# kept in that language (clinics.language_texts).
DEFAULT_DISCLAIMER = gettext_noop(
    "This page is general information, not medical advice. It does not replace a consultation "
    "with a qualified clinician who knows your history. In an emergency, call 911."
)


@register_setting(icon="site")
@bumps_site_generation(lambda settings: [settings.site_id])
class ClinicSettings(PreviewableMixin, TrustSignalsMixin, BaseSiteSetting):
    """Everything that makes one Site look and speak as its own practice.

    The settings form previews the clinic's home page with the unsaved values (Wagtail's
    preview panel for settings), so an editor sees a theme before saving it.
    """

    base_form_class = ClinicSettingsForm
    # Every page shows the logo and links the booking page: one query for the three rows.
    select_related = ["logo", "appointment_page"]

    practice_name = models.CharField(max_length=120, help_text=_("Shown in the header and titles."))
    tagline = models.CharField(
        max_length=160, blank=True, help_text=_("A short line under the name.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the header; a wide image about 3:1 works best."),
    )
    theme = models.CharField(
        _("theme"),
        max_length=20,
        choices=Theme.choices,
        default=DEFAULT_THEME,
        help_text=_(
            "The layout, type and card style of the whole site. Open the preview to try one "
            "before saving."
        ),
    )
    brand_colour = models.CharField(
        max_length=7,
        default="#1f4e79",
        validators=[hex_colour_validator, validate_brand_colour_on_white],
        help_text=_(
            "Main colour for the header, buttons and links. Must be dark enough for white text."
        ),
    )
    accent_colour = models.CharField(
        max_length=7,
        default="#7a3b00",
        validators=[hex_colour_validator, validate_brand_colour_on_white],
        help_text=_("Second colour for highlights. Must be dark enough for white text."),
    )
    phone = models.CharField(
        max_length=25, blank=True, validators=[phone_validator], help_text=_("Main phone number.")
    )
    email = models.EmailField(blank=True, help_text=_("Public contact address for patients."))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text=_(
            "Where the clinic is. Its offices use this zone unless one is set for an office; "
            "every appointment time is shown in its office's zone."
        ),
    )
    facebook_url = models.URLField(blank=True, help_text=_("Full address of the Facebook page."))
    instagram_url = models.URLField(
        blank=True, help_text=_("Full address of the Instagram profile.")
    )
    linkedin_url = models.URLField(blank=True, help_text=_("Full address of the LinkedIn page."))
    youtube_url = models.URLField(blank=True, help_text=_("Full address of the YouTube channel."))
    disclaimer = models.TextField(
        max_length=1000,
        default=DEFAULT_DISCLAIMER,
        help_text=_("Medical disclaimer shown on every medical page and in the footer."),
    )
    appointment_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where every 'book an appointment' button leads."),
    )
    cta_heading = models.CharField(
        max_length=120,
        default=gettext_noop("Talk to our team"),
        help_text=_("Default call-to-action heading."),
    )
    cta_text = models.CharField(
        max_length=400,
        blank=True,
        help_text=_("One or two sentences under the heading of the default call to action."),
    )
    cta_button_label = models.CharField(
        max_length=60,
        default=gettext_noop("Request an appointment"),
        help_text=_("Default button label."),
    )
    # Bounded: a month at least, two years at most (a slip to 3650 would quietly stretch every
    # review the clinic owes its patients by a decade).
    review_interval_days = models.PositiveSmallIntegerField(
        default=365,
        validators=[MinValueValidator(30), MaxValueValidator(730)],
        help_text=_("How many days after a medical review the next one falls due (30 to 730)."),
    )
    # US school grade patient pages should read at (governance.readability); NIH and the AMA
    # advise 6 to 8. Bounded: below 4 no formula measures reliably, above 14 is no target.
    reading_grade_target = models.PositiveSmallIntegerField(
        _("target reading grade"),
        default=8,
        validators=[MinValueValidator(4), MaxValueValidator(14)],
        help_text=_(
            "The school grade patient pages should read at (4 to 14). Pages above it are "
            "listed in the 'Reading level' report."
        ),
    )
    languages = LanguagesField(
        _("languages"),
        default=default_languages,
        help_text=_(
            "The languages this clinic publishes pages in. Pages in another language are "
            "translations of the English ones; visitors find them under /es/."
        ),
    )
    texts_in_other_languages = StreamField(
        [("texts", LanguageTextsBlock())],
        blank=True,
        verbose_name=_("texts in other languages"),
        help_text=_(
            "The tagline and the default call to action as pages in another language show "
            "them. A text left empty shows the main language's."
        ),
    )
    disclaimer_in_other_languages = StreamField(
        [("disclaimer", DisclaimerTextBlock())],
        blank=True,
        verbose_name=_("disclaimer in other languages"),
        help_text=_(
            "The disclaimer as pages in another language show it. Without one, those pages show "
            "the main language's disclaimer (or the standard one in their language, if the "
            "clinic kept it)."
        ),
    )
    # Not in the panels: only the network (a superuser) launches a clinic (onboarding's admin).
    # Onboarding creates clinics private; clinics made before the flag existed stay public.
    launched = models.BooleanField(
        default=True,
        help_text=_("Whether visitors see the site; until then only the clinic's staff do."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("practice_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldRowPanel([FieldPanel("brand_colour"), FieldPanel("accent_colour")]),
            ],
            heading=_("Theme and brand colours"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("time_zone", widget=forms.Select(choices=time_zone_choices)),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social links"),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("appointment_page"),
                FieldPanel("cta_heading"),
                FieldPanel("cta_text"),
                FieldPanel("cta_button_label"),
            ],
            heading=_("Default appointment call to action"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("disclaimer"),
                GovernedFieldPanel("disclaimer_in_other_languages"),
                FieldPanel("review_interval_days"),
                FieldPanel("reading_grade_target"),
            ],
            heading=_("Medical governance"),
        ),
        MultiFieldPanel(
            [FieldPanel("languages"), FieldPanel("texts_in_other_languages")],
            heading=_("Languages"),
        ),
        *TrustSignalsMixin.trust_panels,
    ]

    class Meta:
        verbose_name = _("clinic settings")

    def __str__(self) -> str:
        return self.practice_name

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)

    @classmethod
    def for_request(cls, request):
        """The request's settings with the clinic's own texts in the active language."""
        return in_request_language(request, super().for_request(request))

    def save(self, *args, **kwargs):
        """A new clinic zone carries along the offices that were on the old one.

        An office left without its own zone takes the clinic's when saved, so an office on the
        clinic's previous zone followed the clinic; one on any other zone chose it and keeps it.
        """
        previous_zone = (
            type(self).objects.filter(pk=self.pk).values_list("time_zone", flat=True).first()
            if self.pk
            else None
        )
        if previous_zone and previous_zone != self.time_zone:
            # Before the save, whose generation bump then covers the offices' cached pages too.
            Location.objects.filter(site_id=self.site_id, time_zone=previous_zone).update(
                time_zone=self.time_zone
            )
        super().save(*args, **kwargs)

    # The preview: the clinic's home page as visitors would see it with these settings.
    preview_modes = [("", _("Home page"))]

    def get_full_url(self) -> str | None:
        return f"{self.site.root_url}/" if self.site_id else None

    def serve_preview(self, request, mode_name):
        # Wagtail's settings preview puts this unsaved instance on the request, where
        # clinic_settings_for (clinics.context_processors) finds it; nothing is cached.
        home = self.site.root_page.specific
        return home.serve_preview(request, home.default_preview_mode)

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
        help_text=_("The clinic this office belongs to."),
    )
    name = models.CharField(max_length=120, help_text=_("e.g. 'Glenview office'."))
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        blank=True,
        help_text=_("The office page's address, e.g. 'glenview'; made from the name if empty."),
    )
    street_address = models.CharField(max_length=200, help_text=_("Street and number, suite."))
    locality = models.CharField(max_length=100, help_text=_("City."))
    region = models.CharField(max_length=50, help_text=_("State, e.g. 'IL'."))
    postal_code = models.CharField(max_length=20, help_text=_("ZIP code."))
    country = models.CharField(max_length=2, default="US", help_text=_("Two-letter country code."))
    phone = models.CharField(max_length=25, blank=True, validators=[phone_validator])
    email = models.EmailField(blank=True)
    latitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, help_text=_("For maps; optional.")
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, help_text=_("For maps; optional.")
    )
    parking_and_access = models.CharField(
        _("parking and access"),
        max_length=300,
        blank=True,
        help_text=_("Parking, entrances, step-free access."),
    )
    transit = models.CharField(
        _("public transport"),
        max_length=300,
        blank=True,
        help_text=_("Buses and trains that stop nearby, and the walk from the stop."),
    )
    map_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("map image"),
        help_text=_(
            "Optional: a map of the area you made or may publish (e.g. an export with its "
            "attribution). Shown on the office page; no map service is loaded."
        ),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_(
            "The office's own time zone, e.g. America/Denver for an office in Denver. Left "
            "empty, the office takes the clinic's zone when saved."
        ),
    )
    texts_in_other_languages = StreamField(
        [("texts", OfficeTextsBlock())],
        blank=True,
        verbose_name=_("texts in other languages"),
        help_text=_(
            "The office's name, parking and transport as pages in another language show them. "
            "A text left empty shows the main language's."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Lower numbers come first.")
    )

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
            heading=_("Address"),
        ),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("slug"),
        FieldPanel("parking_and_access"),
        FieldPanel("transit"),
        FieldPanel("texts_in_other_languages"),
        FieldPanel("map_image"),
        FieldPanel(
            "time_zone",
            widget=forms.Select(
                choices=lambda: [("", _("The clinic's time zone")), *time_zone_choices()]
            ),
        ),
        InlinePanel("hours", heading=_("Opening hours"), label=_("Day")),
        InlinePanel(
            "closures",
            heading=_("Closures and holidays"),
            label=_("Closure"),
            help_text=_("Days the office is closed: no appointment slots are offered then."),
        ),
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
            models.UniqueConstraint(
                fields=["site", "name"], name="unique_location_name_per_clinic"
            ),
            models.UniqueConstraint(
                fields=["site", "slug"],
                condition=~models.Q(slug=""),
                name="unique_location_slug_per_clinic",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.locality}, {self.region})"

    # What visitors read, in the active language (clinics.language_texts.office_text); staff
    # screens and the front desk's e-mails keep the fields themselves.
    @property
    def translated_name(self) -> str:
        return office_text(self, "name").text

    @property
    def translated_parking_and_access(self) -> ShownText:
        """With its language, so a text shown in the main language can say so (``lang``)."""
        return office_text(self, "parking_and_access")

    @property
    def translated_transit(self) -> ShownText:
        return office_text(self, "transit")

    def clean(self):
        super().clean()
        if not self.slug and self.name:  # filled before the uniqueness checks run
            self.slug = office_slug(self.name)

    def save(self, *args, **kwargs):
        if not self.time_zone and self.site_id:
            self.time_zone = clinic_time_zone(self.site_id)
        if not self.slug:
            self.slug = office_slug(self.name)
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zone_of(self.time_zone)

    def is_closed_on(self, day: datetime.date) -> bool:
        """Whether a closure (holiday, refurbishment) covers this local day."""
        return any(closure.first_day <= day <= closure.last_day for closure in self.closures.all())

    def opening_intervals(self, day: datetime.date) -> list[tuple[datetime.datetime, ...]]:
        """When the office is open on this local day, as (opens, closes) moments in its zone;
        none on a closed weekday or during a closure."""
        if self.is_closed_on(day):
            return []
        zone = self.zone
        return [
            (
                datetime.datetime.combine(day, hours.opens, tzinfo=zone),
                datetime.datetime.combine(day, hours.closes, tzinfo=zone),
            )
            for hours in self.ordered_hours
            if hours.weekday == day.weekday() and not hours.is_closed and hours.opens < hours.closes
        ]

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

    @cached_property
    def week(self) -> list[WeekDay]:
        """All seven days, Monday first, each with its opening hours (none: closed)."""
        return week_of(self.ordered_hours)

    def upcoming_closures(self, limit: int = 10) -> list[LocationClosure]:
        """Closures that have not ended by today on the office's clock, soonest first."""
        today = timezone.now().astimezone(self.zone).date()
        closures = sorted(self.closures.all(), key=lambda c: (c.first_day, c.last_day))
        return [closure for closure in closures if closure.last_day >= today][:limit]


def office_slug(name: str) -> str:
    """'Glenview office' -> 'glenview-office': the office page's address."""
    return slugify(name)[:80] or "office"


def clinic_time_zone(site_id: int) -> str:
    """The clinic's zone, for an office that has none of its own."""
    zone = ClinicSettings.objects.filter(site_id=site_id).values_list("time_zone", flat=True)
    return zone.first() or default_time_zone()


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
    opens = models.TimeField(null=True, blank=True, help_text=_("Leave empty when closed."))
    closes = models.TimeField(null=True, blank=True, help_text=_("Leave empty when closed."))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self) -> str:
        return f"{self.get_weekday_display()}: {self.opens}–{self.closes}"

    @property
    def is_closed(self) -> bool:
        return self.opens is None or self.closes is None

    @property
    def schema_day(self) -> str:
        return "https://schema.org/" + self.get_weekday_display()


class LocationClosure(Orderable):
    """Days an office is closed besides its weekly hours: a holiday, a training day, a move."""

    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="closures")
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"), help_text=_("The same as the first for one day."))
    reason = models.CharField(
        _("reason"), max_length=120, blank=True, help_text=_("For staff, e.g. 'Thanksgiving'.")
    )
    # The closure as moments, from the first day's midnight to the one after the last day on
    # the office's clock: slot queries compare these without knowing the office's zone.
    begins_at = models.DateTimeField(editable=False)
    ends_at = models.DateTimeField(editable=False)

    panels = [
        FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day"), FieldPanel("reason")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_day__gte=models.F("first_day")),
                name="closure_ends_on_or_after_its_first_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_day}–{self.last_day}"

    def save(self, *args, **kwargs):
        zone = self.location.zone
        self.begins_at = datetime.datetime.combine(self.first_day, datetime.time.min, tzinfo=zone)
        after = self.last_day + datetime.timedelta(days=1)
        self.ends_at = datetime.datetime.combine(after, datetime.time.min, tzinfo=zone)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError({"last_day": _("The last day must not be before the first.")})
        if self.first_day and self.last_day and (self.last_day - self.first_day).days > 366:
            raise ValidationError({"last_day": _("A closure lasts at most a year.")})
