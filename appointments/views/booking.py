"""The public booking flow behind ``AppointmentPage``'s form route."""

from __future__ import annotations

import datetime
import logging
import re
from functools import partial

from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables
from wagtail.log_actions import log

from clinic_pages.appointments.forms import BookingChoices, BookingForm
from clinic_pages.appointments.ics import calendar_file as calendar_text
from clinic_pages.appointments.links import FORM_ANCHOR
from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.appointments.models.booking import new_reference
from clinic_pages.appointments.models.pages import CALENDAR_SALT
from clinic_pages.appointments.recap import recap_of
from clinic_pages.appointments.spam import BookingAllowance, FormToken, attempt_limit_exceeded
from clinic_pages.appointments.tasks import enqueue_appointment_emails
from clinic_pages.clinics.context_processors import clinic_settings_for
from clinic_pages.core.conf import clinic_pages_settings

logger = logging.getLogger("clinic_pages.appointments")

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
SLOT_TAKEN = _("Sorry, someone has just booked that time. Please choose another.")
PLEASE_CONFIRM = _(
    "Please check your details and press the button again to send your request. "
    "Nothing has been sent yet."
)
# The value of the no-JavaScript "Show times" button, which narrows and never books.
SHOW_TIMES = "times"
# Ids in links are short ASCII numbers; "²" or "٣" pass str.isdigit() but are not.
ID_PATTERN = re.compile(r"[0-9]{1,12}")


def _int_param(request, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if ID_PATTERN.fullmatch(value) else None


class SeeOther(HttpResponseRedirect):
    status_code = 303


class BookingFormView:
    """GET shows the form (with the CTA's context chosen); POST stores one request."""

    def __init__(self, page):
        self.page = page

    @property
    def site(self):
        return self.page.clinic_site

    def dispatch(self, request):
        if request.method == "POST":
            return self.post(request)
        if request.method in ("GET", "HEAD"):
            return self.get(request)
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])

    # ------------------------------------------------------------------ helpers

    def load_choices(self, request) -> BookingChoices:
        """Everything the form offers: one query per list, plain rows where no object is needed."""
        page = self.page
        locations = page.available_locations()
        choices = BookingChoices(
            locations=locations,
            treatments=page.available_treatments(request),
            reasons=page.available_reasons(),
            location_names={office.pk: office.translated_name for office in page.offices},
        )
        physicians = None
        physician_id = _int_param(request, "physician")
        if physician_id:
            physicians = page.available_physicians(request)
            physician = next((p for p in physicians if p.pk == physician_id), None)
            if physician is not None:
                choices.slots = page.open_slots(locations, physician_id=physician.pk)
                choices.slot_physician = physician if choices.slots else None
        if not choices.slots:
            choices.slots = page.open_slots(locations)
        if not choices.slots:
            choices.physicians = (
                physicians if physicians is not None else page.available_physicians(request)
            )
        return choices

    def make_form(self, request, data=None, initial=None, choices=None):
        return BookingForm(
            data=data, initial=initial, choices=choices or self.load_choices(request)
        )

    def render(self, request, form, status=200, *, narrowed=False):
        context = self.page.get_context(request)
        form_url = self.page.get_url(request=request) + self.page.reverse_subpage("form")
        # The response to a POST opens at the form (its error summary first), not the page top.
        query = f"?physician={form.slot_physician.pk}" if form.slot_physician else ""
        context.update(
            form=form,
            booking_form=form,
            slot_mode=form.slot_mode,
            slot_physician=form.slot_physician,
            picker=form.picker,
            narrowed=narrowed,
            all_times_url=form_url + f"#{FORM_ANCHOR}",
            form_action=f"{form_url}{query}#{FORM_ANCHOR}",
        )
        return TemplateResponse(
            request, "clinic_pages/appointments/appointment_booking.html", context, status=status
        )

    def confirmation(self, request, reference):
        self.page.remember_reference(request, reference)
        return SeeOther(self.page.confirmation_url(reference, request))

    def limited_message(self, request) -> str:
        clinic = clinic_settings_for(request)
        phone = (getattr(clinic, "phone", "") or "").strip()
        if phone:
            return gettext(
                "We have already received several requests from you, so we cannot take "
                "another one online just now. Please call us on %(phone)s and we will help "
                "you straight away."
            ) % {"phone": phone}
        return gettext(
            "We have already received several requests from you, so we cannot take another "
            "one online just now. Please try again tomorrow or call the clinic."
        )

    # ------------------------------------------------------------------ GET

    def get(self, request):
        initial = {"form_token": FormToken.new(self.site.pk).dumps()}
        treatment_id = _int_param(request, "treatment")
        if treatment_id:
            initial["topic"] = f"treatment-{treatment_id}"
        location_id = _int_param(request, "location")
        if location_id:
            initial["location"] = initial["office"] = location_id
        physician_id = _int_param(request, "physician")
        if physician_id:
            initial["physician"] = physician_id
        form = self.make_form(request, initial=initial)
        # Preselect only what the form offers; anything else is quietly left unchosen.
        for name, key in (("topic", "topic"), ("location", "location"), ("physician", "physician")):
            if key in initial and (
                name not in form.fields
                or str(initial[key]) not in _choice_values(form.fields[name].choices)
            ):
                form.initial.pop(key)
        return self.render(request, form)

    # ------------------------------------------------------------------ POST

    @sensitive_variables()
    def post(self, request):
        # A browser form sends url-encoded fields; multipart would let file parts past the
        # body size limit, and nothing here takes a file.
        if request.content_type != FORM_CONTENT_TYPE:
            return HttpResponse(
                gettext("Send the booking form as a web form."),
                status=415,
                content_type="text/plain; charset=utf-8",
            )
        data = request.POST
        token = FormToken.loads(data.get("form_token", ""))
        if token is not None and token.site_id != self.site.pk:
            token = None  # issued by another clinic's form: this one needs its own

        if token is not None:
            existing = AppointmentRequest.objects.filter(
                site=self.site, submission_token=token.submission_id
            ).first()
            if existing is not None:  # a refresh or a second click: the same request
                return self.confirmation(request, existing.reference)

        choices = self.load_choices(request)
        form = self.make_form(request, data=data, choices=choices)
        if data.get("step") == SHOW_TIMES:
            # No JavaScript: the patient chose another office or day and asks for its times.
            # Nothing is sent and nothing they typed is lost.
            form.keep_answers_only()
            return self.render(request, form, narrowed=True)
        if form.is_spam_trap_filled:
            logger.info("Discarded a booking that filled the trap on site %s.", self.site.pk)
            return self.confirmation(request, new_reference())

        if attempt_limit_exceeded(request, self.site.pk):
            form.is_valid()
            form.add_error(None, self.limited_message(request))
            return self.render(request, form, status=429)

        if token is None or token.filled_too_fast():
            # Too fast for a person, or a form from elsewhere: nothing is dropped, the visitor
            # sees their answers again with a fresh token and sends them once more.
            return self.ask_to_confirm(request, data, choices, token)

        if not form.is_valid():
            return self.render(request, form)

        if self.contact_limit_reached(form.cleaned_data):
            form.add_error(None, self.limited_message(request))
            return self.render(request, form, status=429)

        allowance = BookingAllowance(request, self.site.pk)
        if not allowance.take():
            form.add_error(None, self.limited_message(request))
            return self.render(request, form, status=429)

        booking = form.build_request(site=self.site, submission_id=token.submission_id)
        booking.language = translation.get_language() or ""
        try:
            with transaction.atomic():
                booking.save()
        except IntegrityError:
            allowance.give_back()
            return self.after_conflict(request, data, choices, token, booking)
        transaction.on_commit(partial(enqueue_appointment_emails, booking.pk))
        return self.confirmation(request, booking.reference)

    def ask_to_confirm(self, request, data, choices, token):
        fresh = FormToken.new(self.site.pk, token.submission_id if token else None)
        data = data.copy()
        data["form_token"] = fresh.dumps()
        form = self.make_form(request, data=data, choices=choices)
        form.is_valid()
        form.add_error(None, PLEASE_CONFIRM)
        return self.render(request, form)

    def contact_limit_reached(self, cleaned) -> bool:
        since = timezone.now() - datetime.timedelta(days=1)
        same_contact = AppointmentRequest.objects.filter(
            site=self.site, created_at__gte=since
        ).with_contact(email=cleaned.get("email", ""), phone=cleaned.get("phone", ""))
        limit = clinic_pages_settings.APPOINTMENT_CONTACT_LIMIT_PER_DAY
        return same_contact.count() >= limit

    def after_conflict(self, request, data, choices, token, booking):
        """The save hit a unique constraint: a twin submission, or the slot went meanwhile."""
        twin = AppointmentRequest.objects.filter(submission_token=token.submission_id).first()
        if twin is not None and twin.site_id == booking.site_id:
            return self.confirmation(request, twin.reference)
        if twin is not None:  # the id is another clinic's: send the answers with a new one
            return self.ask_to_confirm(request, data, choices, None)
        form = self.make_form(request, data=data)
        form.is_valid()
        form.add_error("slot" if "slot" in form.fields else None, SLOT_TAKEN)
        return self.render(request, form, status=409)


def _choice_values(choices) -> set[str]:
    values = set()
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            values.update(str(v) for v, _label in label)
        else:
            values.add(str(value))
    return values


def cancel_request(page, request, token):
    """The patient's signed cancel link: GET asks, POST cancels and has the clinic told."""
    booking = page.booking_for_cancel_token(token)
    cancelled = False
    if request.method == "POST" and booking.can_be_cancelled:
        with transaction.atomic():
            booking.cancel()
            log(booking, "clinic_pages.appointments.cancel_by_patient", user=None)
        transaction.on_commit(partial(enqueue_appointment_emails, booking.pk))
        cancelled = True
    return render(
        request,
        "clinic_pages/appointments/appointment_cancel.html",
        {"page": page, "self": page, "booking": booking, "cancelled": cancelled},
    )


def calendar_file(page, request, token):
    """The patient's signed link to their requested time as an .ics file (never cached: the
    page's ``serve`` marks every route private and no-store)."""
    booking = page.booking_for_cancel_token(token, salt=CALENDAR_SALT)
    if not booking.slot_id or not booking.can_be_cancelled:
        raise Http404("No time is held for this request.")
    clinic = clinic_settings_for(request)
    with translation.override(booking.language or translation.get_language()):
        body = calendar_text(
            booking,
            recap_of(booking),
            clinic_name=(getattr(clinic, "practice_name", "") or page.clinic_site.site_name),
            host=page.clinic_site.hostname,
            phone=getattr(clinic, "phone", "") or "",
        )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    filename = f"appointment-{booking.reference}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response
