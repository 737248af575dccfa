"""``{% appointment_url %}``: the clinic's appointment page, with the CTA's context attached."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def appointment_url(context, treatment=None, physician=None, location=None) -> str:
    """URL of this clinic's appointment page, e.g. ``{% appointment_url treatment=page %}``.

    Pass pages or ids; the form arrives with that treatment, physician or office chosen.
    Returns an empty string when the clinic has not chosen an appointment page.
    """
    from clinics.models import ClinicSettings

    request = context.get("request")
    if request is None:
        return ""
    clinic = ClinicSettings.for_request(request)
    target = clinic.appointment_page
    if target is None:
        return ""
    url = target.get_url(request=request) or ""
    params = {
        name: getattr(value, "pk", value)
        for name, value in (
            ("treatment", treatment),
            ("physician", physician),
            ("location", location),
        )
        if value
    }
    return f"{url}?{urlencode(params)}" if url and params else url
