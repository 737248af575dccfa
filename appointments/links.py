"""The context a call to action carries to the booking form, from the page it sits on."""

from __future__ import annotations

from urllib.parse import urlencode

from clinic_pages.physicians.models import PhysicianPage
from clinic_pages.treatments.models import TreatmentPage


def booking_params(page) -> dict[str, int]:
    """Preselect the treatment or physician of the page the visitor is reading."""
    if isinstance(page, TreatmentPage):
        return {"treatment": page.pk}
    if isinstance(page, PhysicianPage):
        return {"physician": page.pk}
    return {}


def with_booking_context(url: str, page) -> str:
    params = booking_params(page)
    return f"{url}?{urlencode(params)}" if url and params else url
