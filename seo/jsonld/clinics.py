"""Each office as a MedicalClinic: address, map position, phone, hours and how to book."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.text import slugify

from clinic_pages.clinics.models import Location, LocationClosure, OpeningHours
from clinic_pages.core.outline import site_outline

from .base import Node, PageContext, compact, ref


def clinic_id(ctx: PageContext, location: Location) -> str:
    """Stable per office: location names are unique within a clinic."""
    return f"{ctx.root_url}#clinic-{slugify(location.name)}"


def postal_address(location: Location) -> Node:
    return {
        "@type": "PostalAddress",
        "streetAddress": location.street_address,
        "addressLocality": location.locality,
        "addressRegion": location.region,
        "postalCode": location.postal_code,
        "addressCountry": location.country,
    }


def geo(location: Location) -> Node | None:
    if location.latitude is None or location.longitude is None:
        return None
    return {
        "@type": "GeoCoordinates",
        "latitude": float(location.latitude),
        "longitude": float(location.longitude),
    }


def opening_hours(hours: Iterable[OpeningHours]) -> list[Node]:
    """Days with hours; closed days are left out, which schema.org reads as closed."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": day.schema_day,
            "opens": day.opens.strftime("%H:%M"),
            "closes": day.closes.strftime("%H:%M"),
        }
        for day in hours
        if not day.is_closed
    ]


def special_hours(closures: Iterable[LocationClosure]) -> list[Node]:
    """Holidays and other closures, as schema.org says a place is closed on given days: hours
    from midnight to midnight, valid from the first to the last day (on the office's clock)."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "opens": "00:00",
            "closes": "00:00",
            "validFrom": closure.first_day.isoformat(),
            "validThrough": closure.last_day.isoformat(),
        }
        for closure in closures
    ]


def office_url(ctx: PageContext, location: Location) -> str:
    """The office's own page, when the clinic has an offices page (from the site outline
    routing loaded: no query); else ''."""
    outline = site_outline(ctx.request) if ctx.request is not None else None
    if outline is None or outline.offices is None or not location.slug:
        return ""
    return ctx.absolute(f"{outline.offices.url}{location.slug}/")


def payment_accepted(ctx: PageContext) -> str:
    """The insurance plans the clinic takes, and self-pay when it publishes prices."""
    clinic = ctx.settings
    names = [plan["name"] for plan in clinic.plan_list]
    if clinic.price_list:
        names.append("Self-pay")
    return ", ".join(names)


def reserve_action(ctx: PageContext) -> Node | None:
    """Booking leads to the clinic's appointment page, as every call to action does."""
    if not ctx.appointment_url:
        return None
    return {
        "@type": "ReserveAction",
        "name": ctx.settings.cta_button_label,
        "target": {"@type": "EntryPoint", "urlTemplate": ctx.appointment_url},
    }


def medical_clinic(
    ctx: PageContext, location: Location, closures: Iterable[LocationClosure] = ()
) -> Node:
    """One office. ``ordered_hours`` uses the prefetched hours of ``Location.objects.for_site``;
    ``closures``: the upcoming ones its own page lists."""
    return compact(
        {
            "@type": "MedicalClinic",
            "@id": clinic_id(ctx, location),
            "name": f"{ctx.settings.practice_name}, {location.translated_name}",
            "url": office_url(ctx, location) or ctx.root_url,
            "parentOrganization": ref(ctx.organization_id),
            "address": postal_address(location),
            "geo": geo(location),
            "hasMap": location.map_url,
            "telephone": location.phone or ctx.settings.phone,
            "email": location.email,
            "openingHoursSpecification": opening_hours(location.ordered_hours),
            "specialOpeningHoursSpecification": special_hours(closures),
            "paymentAccepted": payment_accepted(ctx),
            "potentialAction": reserve_action(ctx),
        }
    )


def site_locations(ctx: PageContext, context_key: str = "locations") -> list[Location]:
    """The offices the page's ``get_context`` already loaded, else the clinic's offices."""
    locations = ctx.extra.get(context_key)
    if locations is None:
        locations = Location.objects.for_site(ctx.site)
    return list(locations)


def medical_clinics(ctx: PageContext, locations: Iterable[Location]) -> list[Node]:
    return [medical_clinic(ctx, location) for location in locations]
