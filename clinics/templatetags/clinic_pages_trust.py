"""``{% treatment_prices page as prices %}``: the clinic's self-pay prices linked to a treatment.

Read from the clinic's settings every page already has (``clinics.trust``): no query.
"""

from __future__ import annotations

from django import template

from clinic_pages.clinics.context_processors import clinic_settings_for
from clinic_pages.clinics.trust import SelfPayPrice

register = template.Library()


@register.simple_tag(takes_context=True)
def treatment_prices(context, page) -> list[SelfPayPrice]:
    settings = clinic_settings_for(getattr(context, "request", None) or context.get("request"))
    if settings is None or page is None or not page.pk:
        return []
    return settings.prices_for_treatment(page.pk)
