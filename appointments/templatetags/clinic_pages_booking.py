"""The call-to-action tag, and the filter that shows a slot's time on its office's clock."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext

from clinic_pages.appointments.links import with_booking_context
from clinic_pages.appointments.local_time import office_time
from clinic_pages.appointments.recap import Recap, recap_of
from clinic_pages.clinics.context_processors import clinic_settings_for
from clinic_pages.clinics.translations import in_language_of
from clinic_pages.core.validators import tel_href

register = template.Library()


@register.filter(name="office_time")
def office_time_filter(slot, style: str = "long") -> str:
    """``{{ slot|office_time }}``: "Tuesday 10 March 2026, 10:00 AM CDT", the slot's start in
    its office's zone; styles ``short``, ``time`` and ``sortable`` as in ``local_time``."""
    if not slot:
        return ""
    return office_time(slot.starts_at, slot.time_zone, style)


@register.simple_tag(takes_context=True)
def call_to_action(context, value=None) -> dict[str, str]:
    """Resolve a call to action: the block's own fields, falling back to the clinic's defaults.

    Returns heading, text, button_label, href, phone and phone_href. The phone line is left
    out when the button itself already dials that number.
    """
    request = context.get("request")
    clinic = clinic_settings_for(request)
    value = value or {}

    def pick(key: str, default_attr: str) -> str:
        return (value.get(key) or getattr(clinic, default_attr, "") or "").strip()

    chosen_page = value.get("page") if value else None
    if chosen_page is not None:
        href = chosen_page.get_url(request=request) or ""
    else:
        href = getattr(value, "href", "") if value else ""
    booking_page = in_language_of(
        context.get("page"), clinic.booking_page if clinic is not None else None, request
    )
    if booking_page is not None:
        booking_url = booking_page.get_url(request=request) or ""
        if href in ("", booking_url):
            # From a treatment or physician page the form arrives with it preselected.
            href = with_booking_context(booking_url, context.get("page"))
    phone = (value.get("phone") or getattr(clinic, "phone", "") or "").strip()
    phone_link = tel_href(phone)
    if phone_link and phone_link == href:
        phone, phone_link = "", ""
    return {
        "heading": pick("heading", "cta_heading"),
        "text": pick("text", "cta_text"),
        "button_label": pick("button_label", "cta_button_label")
        or gettext("Request an appointment"),
        "href": href,
        "phone": phone,
        "phone_href": phone_link,
    }


@register.simple_tag
def booking_recap(booking) -> Recap:
    """``{% booking_recap booking as recap %}``: when, where, with whom and about what."""
    return recap_of(booking) if booking is not None else Recap()


@register.simple_tag(takes_context=True)
def booking_calendar_url(context, page, booking) -> str:
    """The signed .ics link of a request that holds a time, else ""."""
    if booking is None or not booking.slot_id:
        return ""
    return page.calendar_url(booking, request=context.get("request"))
