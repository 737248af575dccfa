"""The public booking flow behind ``AppointmentPage``'s form route."""

from __future__ import annotations

import logging
from functools import partial

from django.db import IntegrityError, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.debug import sensitive_variables

from clinic_pages.appointments.forms import BookingForm
from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.appointments.models.booking import new_reference
from clinic_pages.appointments.notifications import deliver_after_commit
from clinic_pages.appointments.spam import FormToken, rate_limit_exceeded

logger = logging.getLogger("clinic_pages.appointments")

RATE_LIMITED = (
    "We have received several requests from your connection in a short time, so we cannot "
    "take another one just now. Please try again in an hour or call us."
)
SLOT_TAKEN = "Sorry, someone has just booked that time. Please choose another."


def _int_param(request, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) < 12 else None


class SeeOther(HttpResponseRedirect):
    status_code = 303


class BookingFormView:
    """GET shows the form (with the CTA's context chosen); POST stores one request."""

    def __init__(self, page):
        self.page = page

    def dispatch(self, request):
        if request.method == "POST":
            return self.post(request)
        if request.method in ("GET", "HEAD"):
            return self.get(request)
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])

    # ------------------------------------------------------------------ helpers

    def slots_for(self, request):
        physician_id = _int_param(request, "physician")
        if physician_id:
            physician = self.page.available_physicians().filter(pk=physician_id).first()
            if physician is not None:
                own = list(self.page.open_slots(physician=physician))
                if own:
                    return own, physician
        return list(self.page.open_slots()), None

    def make_form(self, request, data=None, initial=None):
        slots, slot_physician = self.slots_for(request)
        form = BookingForm(data=data, initial=initial, page=self.page, slots=slots)
        form.slot_physician = slot_physician
        return form

    def render(self, request, form, status=200):
        context = self.page.get_context(request)
        context.update(
            form=form,
            booking_form=form,
            slot_mode=form.slot_mode,
            slot_physician=form.slot_physician,
            form_action=self.page.get_url(request=request) + self.page.reverse_subpage("form"),
        )
        return TemplateResponse(
            request, "clinic_pages/appointments/appointment_booking.html", context, status=status
        )

    def confirmation(self, request, reference):
        self.page.remember_reference(request, reference)
        return SeeOther(self.page.confirmation_url(reference, request))

    # ------------------------------------------------------------------ GET

    def get(self, request):
        initial = {"form_token": FormToken.new().dumps()}
        treatment_id = _int_param(request, "treatment")
        if treatment_id:
            initial["topic"] = f"treatment-{treatment_id}"
        physician_id = _int_param(request, "physician")
        if physician_id and self.page.available_physicians().filter(pk=physician_id).exists():
            initial["physician"] = physician_id
        location_id = _int_param(request, "location")
        if location_id:
            initial["location"] = location_id
        form = self.make_form(request, initial=initial)
        if initial.get("topic") and initial["topic"] not in dict(
            choice for group in form.topics.values() for choice in group
        ):
            form.initial.pop("topic")
        return self.render(request, form)

    # ------------------------------------------------------------------ POST

    @sensitive_variables()
    def post(self, request):
        data = request.POST
        token = FormToken.loads(data.get("form_token", ""))
        limited = rate_limit_exceeded(request)
        form = self.make_form(request, data=data)

        if token is None or form.is_spam_trap_filled or token.filled_too_fast():
            logger.info("Discarded a booking that looked automated on site %s.", self.page.pk)
            return self.confirmation(request, new_reference())

        if limited:
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            return self.render(request, form, status=429)

        existing = AppointmentRequest.objects.filter(
            site=self.page.clinic_site, submission_token=token.submission_id
        ).first()
        if existing is not None:  # a refresh or a second click: the same request
            return self.confirmation(request, existing.reference)

        if not form.is_valid():
            return self.render(request, form)

        booking = form.build_request(site=self.page.clinic_site, submission_id=token.submission_id)
        try:
            with transaction.atomic():
                booking.save()
        except IntegrityError:
            twin = AppointmentRequest.objects.filter(submission_token=token.submission_id).first()
            if twin is not None and twin.site_id == booking.site_id:
                return self.confirmation(request, twin.reference)
            if booking.slot_id:
                form = self.make_form(request, data=data)
                form.is_valid()
                form.add_error("slot" if "slot" in form.fields else None, SLOT_TAKEN)
                return self.render(request, form, status=409)
            raise
        transaction.on_commit(partial(deliver_after_commit, booking.pk))
        return self.confirmation(request, booking.reference)
