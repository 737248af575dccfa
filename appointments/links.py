"""The context a call to action carries to the booking form, from the page it sits on."""

from __future__ import annotations

from urllib.parse import urlencode

from clinic_pages.physicians.models import PhysicianPage
from clinic_pages.treatments.models import TreatmentPage

# The booking form's id: every link to the appointment page lands on the form itself, which on a
# phone would otherwise sit below the page's contact cards and opening hours.
FORM_ANCHOR = "booking-form"


def booking_params(page) -> dict[str, int]:
    """Preselect the treatment or physician of the page the visitor is reading."""
    if isinstance(page, TreatmentPage):
        return {"treatment": page.pk}
    if isinstance(page, PhysicianPage):
        return {"physician": page.pk}
    return {}


def with_booking_context(url: str, page) -> str:
    """The booking page's URL with the page's context, landing on the form."""
    if not url:
        return url
    params = booking_params(page)
    query = f"?{urlencode(params)}" if params else ""
    return f"{url}{query}#{FORM_ANCHOR}"


def booking_form_url(url: str) -> str:
    """A link to the booking page that lands on its form (a link of its own URL unchanged)."""
    return f"{url}#{FORM_ANCHOR}" if url and "#" not in url else url
