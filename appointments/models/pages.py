"""The appointment page: the booking form every call to action leads to, with its routes."""

from __future__ import annotations

import base64
import datetime
import logging
from collections.abc import Callable
from operator import attrgetter, itemgetter
from types import SimpleNamespace
from typing import NamedTuple, TypeVar

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site

from clinic_pages.appointments.choices import kept_for_visitors
from clinic_pages.appointments.models.booking import AppointmentRequest, AppointmentSlot
from clinic_pages.clinics.models import Location
from clinic_pages.clinics.pages import ClinicPage
from clinic_pages.core.blocks import LIMITED_RICH_TEXT
from clinic_pages.core.child_rows import with_children
from clinic_pages.core.conf import clinic_pages_settings
from clinic_pages.core.visibility import public_pages
from clinic_pages.physicians.models import PhysicianPage
from clinic_pages.treatments.models import TreatmentPage

logger = logging.getLogger("clinic_pages.appointments")
T = TypeVar("T")

SESSION_KEY = "clinic_pages.appointments.references"
# What the form's physician choices show: PhysicianPage.display_name and short_name.
PHYSICIAN_NAME_FIELDS = ("honorific_prefix", "given_name", "family_name", "credentials")
CANCEL_SALT = "clinic_pages.appointments.cancel"
CALENDAR_SALT = "clinic_pages.appointments.calendar"


def _views():
    """The routes' views. They import this module's models, so they are looked up when a
    visitor asks for a route (the one deliberate late import of the app)."""
    from clinic_pages.appointments.views import booking

    return booking


def _site_pages(model, site: Site, request=None):
    """Live pages of one type under one clinic's home page, outside its restricted sections
    (which routing already looked up for the request)."""
    pages = model.objects.live().descendant_of(site.root_page, inclusive=True)
    return public_pages(pages, request)


def _chosen_or_all(rows: list, is_chosen: Callable = attrgetter("offered")) -> list:
    """The rows the editor chose, or all of them when the editor chose none."""
    return [row for row in rows if is_chosen(row)] or rows


def _short_name(honorific_prefix: str | None, family_name: str | None) -> str:
    """``PhysicianPage.short_name`` from the two columns it reads, without loading the page."""
    names = SimpleNamespace(honorific_prefix=honorific_prefix, family_name=family_name)
    return PhysicianPage.short_name.fget(names) if family_name is not None else ""


class OpenSlot(NamedTuple):
    """A free slot as the booking form lists it: ids, times and a name, no model instances
    (a tuple: the page builds hundreds of them)."""

    pk: int
    starts_at: datetime.datetime
    duration_minutes: int
    location_id: int
    physician_id: int | None
    physician_name: str = ""
    time_zone: str = ""  # the office's, which every label of the slot's time uses


class AppointmentPage(RoutablePageMixin, ClinicPage):
    """Where visitors book: an appointment slot when the clinic publishes them, else a callback.

    Editors choose what the form offers; leaving a list empty offers everything of this clinic.
    """

    template = "clinic_pages/appointments/appointment_page.html"

    intro = RichTextField(
        features=LIMITED_RICH_TEXT, help_text=_("What happens when a patient gets in touch.")
    )
    what_to_bring = RichTextField(
        features=LIMITED_RICH_TEXT,
        blank=True,
        help_text=_("What to have ready for the first visit: referral, imaging, medication list."),
    )
    privacy_notice = RichTextField(
        features=LIMITED_RICH_TEXT,
        blank=True,
        help_text=_(
            "Shown beside the consent checkbox: what the clinic does with the request, "
            "who sees it and how long it is kept. Link to the full privacy policy."
        ),
    )
    confirmation_text = RichTextField(
        features=LIMITED_RICH_TEXT,
        blank=True,
        help_text=_(
            "What happens next, shown after a request is sent, e.g. 'We call you back "
            "within one working day.'"
        ),
    )
    notification_email = models.EmailField(
        blank=True,
        help_text=_(
            "Where staff are told of new requests (no patient details are sent). "
            "Falls back to the clinic's contact address."
        ),
    )
    offered_locations = ParentalManyToManyField(
        "clinic_pages_clinics.Location",
        blank=True,
        related_name="+",
        help_text=_(
            "Offices patients can choose. Leave empty to offer all of the clinic's offices."
        ),
    )
    offered_physicians = ParentalManyToManyField(
        "clinic_pages_physicians.PhysicianPage",
        blank=True,
        related_name="+",
        help_text=_("Physicians patients can ask for. Leave empty to offer all published ones."),
    )
    offered_treatments = ParentalManyToManyField(
        "clinic_pages_treatments.TreatmentPage",
        blank=True,
        related_name="+",
        help_text=_("Treatments patients can ask about. Leave empty to offer all published ones."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("what_to_bring"),
        MultiFieldPanel(
            [
                FieldPanel("offered_locations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("offered_physicians", widget=forms.CheckboxSelectMultiple),
                FieldPanel("offered_treatments", widget=forms.CheckboxSelectMultiple),
                InlinePanel(
                    "reasons",
                    heading=_("Other reasons for a visit"),
                    label=_("Reason"),
                    help_text=_(
                        "Short categories such as 'Second opinion' or 'Follow-up visit'. "
                        "Never ask for symptoms here."
                    ),
                ),
            ],
            heading=_("What the form offers"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("privacy_notice"),
                FieldPanel("confirmation_text"),
                FieldPanel("notification_email"),
            ],
            heading=_("Privacy and confirmation"),
        ),
    ]
    parent_page_types = ["clinic_pages_home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("appointment page")

    # ------------------------------------------------------------------ what the form offers

    @cached_property
    def clinic_site(self) -> Site:
        return self.get_site()

    def _serving(self, request) -> None:
        """Remember the request the page serves, and take the clinic's Site from it when the
        page is one of its pages: routing already found it (with its root page), where
        ``get_site()`` would look it up again."""
        self._request = request
        site = Site.find_for_request(request)
        if site is not None and any(
            root.site_id == site.pk and self.url_path.startswith(root.root_path)
            for root in self._get_site_root_paths(request)
        ):
            self.__dict__["clinic_site"] = site

    def _kept(self, name: str, build: Callable[[], T]) -> T:
        """A choice list every visitor sees alike, from the cache when it may be kept there."""
        request = getattr(self, "_request", None)
        return kept_for_visitors(self, self.clinic_site.pk, request, name, build)

    def clean(self):
        super().clean()
        if not self.pk:
            return
        site = self.get_site()
        foreign = [
            str(loc) for loc in self.offered_locations.all() if site and loc.site_id != site.pk
        ]
        if foreign:
            raise ValidationError(
                {"offered_locations": "Choose only this clinic's offices: " + ", ".join(foreign)}
            )

    def _offered(self, relation: str) -> models.Expression:
        """Whether a row is among those the editor chose in ``relation``: one more column of
        the query that lists the choices, instead of a query of its own.

        The subquery reads the relation's table by ids only, so a kept QuerySet carries no page.
        """
        field = self._meta.get_field(relation)
        chosen = getattr(self, relation).all()
        if isinstance(chosen, models.QuerySet):
            ids = field.remote_field.through.objects.filter(
                **{f"{field.m2m_field_name()}_id": self.pk}
            ).values(field.m2m_reverse_field_name())
        else:  # a preview: modelcluster's in-memory set, which no query can join
            ids = [item.pk for item in chosen]
            if not ids:
                return models.Value(False)
        return models.ExpressionWrapper(Q(pk__in=ids), output_field=models.BooleanField())

    @cached_property
    def offices(self) -> list[Location]:
        """All of the clinic's offices with their opening hours, as the page lists them, each
        marked ``offered``: the footer and the JSON-LD reuse the list instead of loading the
        offices again."""

        def load() -> list[Location]:
            offices = Location.objects.filter(site=self.clinic_site).annotate(
                offered=self._offered("offered_locations")
            )
            return with_children(offices, "hours")  # offices and their hours in one query

        return self._kept("offices", load)

    def available_locations(self) -> list[Location]:
        """The offices the form offers."""
        return _chosen_or_all(self.offices)

    def available_physicians(self, request=None) -> list[PhysicianPage]:
        """The physicians the form offers, with only the fields their names need."""

        def load() -> list[PhysicianPage]:
            pages = (
                _site_pages(PhysicianPage, self.clinic_site, request)
                .annotate(offered=self._offered("offered_physicians"))
                .only(*PHYSICIAN_NAME_FIELDS)
                .order_by("family_name", "given_name")
            )
            return list(pages)

        return _chosen_or_all(self._kept("physicians", load))

    def available_treatments(self, request=None) -> list[tuple[int, str]]:
        """(id, title) of the treatments the form offers, in the order of the page tree."""

        def load() -> list[tuple[int, str, bool]]:
            rows = (
                _site_pages(TreatmentPage, self.clinic_site, request)
                .annotate(offered=self._offered("offered_treatments"))
                .order_by("path")
                .values_list("pk", "title", "offered")
            )
            return list(rows)

        chosen = _chosen_or_all(self._kept("treatments", load), itemgetter(2))
        return [(pk, title) for pk, title, _offered in chosen]

    def available_reasons(self) -> list[tuple[int, str]]:
        """(id, label) of the other reasons for a visit, in the editor's order."""
        return self._kept(
            "reasons", lambda: [(reason.pk, reason.label) for reason in self.reasons.all()]
        )

    def open_slots(self, locations, physician_id: int | None = None) -> list[OpenSlot]:
        """Free slots at these offices as plain rows, each with its physician's short name:
        the page offers hundreds of them."""
        slots = AppointmentSlot.objects.open_for_booking(self.clinic_site).filter(
            location__in=[office.pk for office in locations]
        )
        if physician_id is not None:
            slots = slots.filter(physician_id=physician_id)
        limit = clinic_pages_settings.APPOINTMENT_MAX_SLOTS_SHOWN
        rows = slots.values_list(
            "pk",
            "starts_at",
            "duration_minutes",
            "location_id",
            "physician_id",
            "physician__honorific_prefix",
            "physician__family_name",
            "location__time_zone",
        )[:limit]
        return [
            OpenSlot(pk, starts, minutes, office, physician, _short_name(prefix, family), zone)
            for pk, starts, minutes, office, physician, prefix, family, zone in rows
        ]

    # ------------------------------------------------------------------ serving

    def serve(self, request, *args, **kwargs):
        # Error reports must never carry what a patient typed, whatever the global filter says.
        request.sensitive_post_parameters = "__ALL__"
        self._serving(request)
        response = super().serve(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def serve_preview(self, request, mode_name):
        self._serving(request)
        response = super().serve_preview(request, mode_name)
        add_never_cache_headers(response)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["locations"] = self.offices
        return context

    @path("", name="form")
    def booking_form(self, request):
        return _views().BookingFormView(page=self).dispatch(request)

    @re_path(r"^confirmation/(?P<reference>[A-Z0-9]{4}-[A-Z0-9]{4})/$", name="confirmation")
    def confirmation(self, request, reference):
        if reference not in request.session.get(SESSION_KEY, []):
            raise Http404("Not a request made in this browser session.")
        booking = (
            AppointmentRequest.objects.filter(site=self.clinic_site, reference=reference)
            # Everything the recap names, in the one query.
            .select_related("slot__location", "slot__physician", "location", "physician")
            .first()
        )
        return render(
            request,
            "clinic_pages/appointments/appointment_confirmation.html",
            {"page": self, "self": self, "reference": reference, "booking": booking},
        )

    @re_path(r"^cancel/(?P<token>[\w-]{10,200})/$", name="cancel")
    def cancel(self, request, token):
        return _views().cancel_request(self, request, token)

    @re_path(r"^calendar/(?P<token>[\w-]{10,200})/$", name="calendar")
    def calendar(self, request, token):
        return _views().calendar_file(self, request, token)

    def booking_for_cancel_token(self, token: str, salt: str = CANCEL_SALT):
        """The request a signed link (cancel, or with ``salt`` another) names, or 404."""
        max_age = clinic_pages_settings.APPOINTMENT_CANCEL_LINK_MAX_AGE_DAYS * 86400
        try:
            signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
            reference = signing.TimestampSigner(salt=salt).unsign(signed, max_age=max_age)
        except (signing.BadSignature, ValueError):
            raise Http404("This link is not valid.") from None
        booking = AppointmentRequest.objects.filter(
            site=self.clinic_site, reference=reference
        ).first()
        if booking is None:
            raise Http404("No such request.")
        return booking

    def confirmation_url(self, reference: str, request=None) -> str:
        # get_url(request) stays relative on the visitor's own host, whatever port it uses.
        base = self.get_url(request=request)
        return base + self.reverse_subpage("confirmation", kwargs={"reference": reference})

    def cancel_url(self, booking, *, route: str = "cancel", salt: str = CANCEL_SALT, request=None):
        """The patient's signed link; relative on the visitor's own host when given ``request``,
        else absolute (for e-mail)."""
        # Wagtail serves only [\w-] path segments, so the signed value is base64-wrapped.
        signed = signing.TimestampSigner(salt=salt).sign(booking.reference)
        token = base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")
        base = self.get_url(request=request) if request is not None else self.full_url
        return base + self.reverse_subpage(route, kwargs={"token": token})

    def calendar_url(self, booking, request=None) -> str:
        """The patient's signed link to the .ics file of their requested time."""
        return self.cancel_url(booking, route="calendar", salt=CALENDAR_SALT, request=request)

    @staticmethod
    def remember_reference(request, reference: str) -> None:
        """Let this browser session, and only it, read the confirmation."""
        references = [*request.session.get(SESSION_KEY, []), reference][-10:]
        request.session[SESSION_KEY] = references


class AppointmentReason(Orderable):
    """A short reason category visitors can pick when no treatment fits, e.g. 'Second opinion'."""

    page = ParentalKey(AppointmentPage, on_delete=models.CASCADE, related_name="reasons")
    label = models.CharField(
        max_length=80, help_text=_("A short category, e.g. 'Second opinion'. No symptoms.")
    )

    panels = [FieldPanel("label")]

    def __str__(self) -> str:
        return self.label
