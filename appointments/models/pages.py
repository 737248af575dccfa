"""The appointment page: the booking form every call to action leads to, with its routes."""

from __future__ import annotations

import base64
import logging

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.log_actions import log
from wagtail.models import Orderable, Page, Site

from clinic_pages.appointments.models.booking import AppointmentRequest, AppointmentSlot
from clinic_pages.clinics.models import Location
from clinic_pages.clinics.pages import ClinicPage
from clinic_pages.core.blocks import LIMITED_RICH_TEXT
from clinic_pages.core.conf import clinic_pages_settings
from clinic_pages.physicians.models import PhysicianPage
from clinic_pages.treatments.models import TreatmentPage

logger = logging.getLogger("clinic_pages.appointments")

SESSION_KEY = "clinic_pages.appointments.references"
CANCEL_SALT = "clinic_pages.appointments.cancel"


def _site_pages(model, site: Site):
    """Live, public pages of one type that sit under one clinic's home page."""
    return model.objects.live().public().descendant_of(site.root_page, inclusive=True)


class AppointmentPage(RoutablePageMixin, ClinicPage):
    """Where visitors book: an appointment slot when the clinic publishes them, else a callback.

    Editors choose what the form offers; leaving a list empty offers everything of this clinic.
    """

    template = "clinic_pages/appointments/appointment_page.html"

    intro = RichTextField(
        features=LIMITED_RICH_TEXT, help_text="What happens when a patient gets in touch."
    )
    what_to_bring = RichTextField(
        features=LIMITED_RICH_TEXT,
        blank=True,
        help_text="What to have ready for the first visit: referral, imaging, medication list.",
    )
    privacy_notice = RichTextField(
        features=LIMITED_RICH_TEXT,
        blank=True,
        help_text="Shown beside the consent checkbox: what the clinic does with the request, "
        "who sees it and how long it is kept. Link to the full privacy policy.",
    )
    confirmation_text = RichTextField(
        features=LIMITED_RICH_TEXT,
        blank=True,
        help_text="What happens next, shown after a request is sent, e.g. 'We call you back "
        "within one working day.'",
    )
    notification_email = models.EmailField(
        blank=True,
        help_text="Where staff are told of new requests (no patient details are sent). "
        "Falls back to the clinic's contact address.",
    )
    offered_locations = ParentalManyToManyField(
        "clinic_pages_clinics.Location",
        blank=True,
        related_name="+",
        help_text="Offices patients can choose. Leave empty to offer all of the clinic's offices.",
    )
    offered_physicians = ParentalManyToManyField(
        "clinic_pages_physicians.PhysicianPage",
        blank=True,
        related_name="+",
        help_text="Physicians patients can ask for. Leave empty to offer all published ones.",
    )
    offered_treatments = ParentalManyToManyField(
        "clinic_pages_treatments.TreatmentPage",
        blank=True,
        related_name="+",
        help_text="Treatments patients can ask about. Leave empty to offer all published ones.",
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
                    heading="Other reasons for a visit",
                    label="Reason",
                    help_text="Short categories such as 'Second opinion' or 'Follow-up visit'. "
                    "Never ask for symptoms here.",
                ),
            ],
            heading="What the form offers",
        ),
        MultiFieldPanel(
            [
                FieldPanel("privacy_notice"),
                FieldPanel("confirmation_text"),
                FieldPanel("notification_email"),
            ],
            heading="Privacy and confirmation",
        ),
    ]
    parent_page_types = ["clinic_pages_home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "appointment page"

    # ------------------------------------------------------------------ what the form offers

    @cached_property
    def clinic_site(self) -> Site:
        return self.get_site()

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

    def available_locations(self):
        site = self.clinic_site
        offices = Location.objects.filter(site=site)
        chosen = offices.filter(pk__in=[office.pk for office in self.offered_locations.all()])
        return chosen if chosen.exists() else offices

    def available_physicians(self):
        pages = _site_pages(PhysicianPage, self.clinic_site)
        # A list of ids, not .values(): in previews the relation is modelcluster's in-memory set.
        chosen = pages.filter(pk__in=[page.pk for page in self.offered_physicians.all()])
        return (chosen if chosen.exists() else pages).order_by("family_name", "given_name")

    def available_treatments(self):
        pages = _site_pages(TreatmentPage, self.clinic_site)
        chosen = pages.filter(pk__in=[page.pk for page in self.offered_treatments.all()])
        return (chosen if chosen.exists() else pages).order_by("path")

    def open_slots(self, physician=None):
        slots = AppointmentSlot.objects.open_for_booking(self.clinic_site).filter(
            location__in=self.available_locations()
        )
        if physician is not None:
            slots = slots.filter(physician=physician)
        limit = clinic_pages_settings.APPOINTMENT_MAX_SLOTS_SHOWN
        return slots.select_related("location", "physician")[:limit]

    # ------------------------------------------------------------------ serving

    def serve(self, request, *args, **kwargs):
        # Error reports must never carry what a patient typed, whatever the global filter says.
        request.sensitive_post_parameters = "__ALL__"
        response = super().serve(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def serve_preview(self, request, mode_name):
        response = super().serve_preview(request, mode_name)
        add_never_cache_headers(response)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["locations"] = Location.objects.for_site(self.clinic_site)
        return context

    @path("", name="form")
    def booking_form(self, request):
        # The view imports this module's models, so it is looked up when a visitor asks for it.
        from clinic_pages.appointments.views.booking import BookingFormView

        return BookingFormView(page=self).dispatch(request)

    @re_path(r"^confirmation/(?P<reference>[A-Z0-9]{4}-[A-Z0-9]{4})/$", name="confirmation")
    def confirmation(self, request, reference):
        if reference not in request.session.get(SESSION_KEY, []):
            raise Http404("Not a request made in this browser session.")
        booking = (
            AppointmentRequest.objects.filter(site=self.clinic_site, reference=reference)
            .select_related("slot", "slot__location")
            .first()
        )
        return render(
            request,
            "clinic_pages/appointments/appointment_confirmation.html",
            {"page": self, "self": self, "reference": reference, "booking": booking},
        )

    @re_path(r"^cancel/(?P<token>[\w-]{10,200})/$", name="cancel")
    def cancel(self, request, token):
        max_age = clinic_pages_settings.APPOINTMENT_CANCEL_LINK_MAX_AGE_DAYS * 86400
        try:
            signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
            reference = signing.TimestampSigner(salt=CANCEL_SALT).unsign(signed, max_age=max_age)
        except (signing.BadSignature, ValueError):
            raise Http404("This cancellation link is not valid.") from None
        booking = AppointmentRequest.objects.filter(
            site=self.clinic_site, reference=reference
        ).first()
        if booking is None:
            raise Http404("No such request.")
        cancelled = False
        if request.method == "POST" and booking.can_be_cancelled:
            booking.cancel()
            log(booking, "clinic_pages.appointments.cancel_by_patient", user=None)
            cancelled = True
        return render(
            request,
            "clinic_pages/appointments/appointment_cancel.html",
            {"page": self, "self": self, "booking": booking, "cancelled": cancelled},
        )

    def confirmation_url(self, reference: str, request=None) -> str:
        # get_url(request) stays relative on the visitor's own host, whatever port it uses.
        base = self.get_url(request=request)
        return base + self.reverse_subpage("confirmation", kwargs={"reference": reference})

    def cancel_url(self, booking) -> str:
        # Wagtail serves only [\w-] path segments, so the signed value is base64-wrapped.
        signed = signing.TimestampSigner(salt=CANCEL_SALT).sign(booking.reference)
        token = base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")
        return self.full_url + self.reverse_subpage("cancel", kwargs={"token": token})

    @staticmethod
    def remember_reference(request, reference: str) -> None:
        """Let this browser session, and only it, read the confirmation."""
        references = [*request.session.get(SESSION_KEY, []), reference][-10:]
        request.session[SESSION_KEY] = references


class AppointmentReason(Orderable):
    """A short reason category visitors can pick when no treatment fits, e.g. 'Second opinion'."""

    page = ParentalKey(AppointmentPage, on_delete=models.CASCADE, related_name="reasons")
    label = models.CharField(
        max_length=80, help_text="A short category, e.g. 'Second opinion'. No symptoms."
    )

    panels = [FieldPanel("label")]

    def __str__(self) -> str:
        return self.label
