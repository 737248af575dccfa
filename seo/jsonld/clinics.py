"""Each office as a MedicalClinic: address, map position, phone, hours and how to book."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.text import slugify

from clinic_pages.clinics.models import Location, OpeningHours

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


def reserve_action(ctx: PageContext) -> Node | None:
    """Booking leads to the clinic's appointment page, as every call to action does."""
    if not ctx.appointment_url:
        return None
    return {
        "@type": "ReserveAction",
        "name": ctx.settings.cta_button_label,
        "target": {"@type": "EntryPoint", "urlTemplate": ctx.appointment_url},
    }


def medical_clinic(ctx: PageContext, location: Location) -> Node:
    """One office. ``ordered_hours`` uses the prefetched hours of ``Location.objects.for_site``."""
    return compact(
        {
            "@type": "MedicalClinic",
            "@id": clinic_id(ctx, location),
            "name": f"{ctx.settings.practice_name}, {location.name}",
            "url": ctx.root_url,
            "parentOrganization": ref(ctx.organization_id),
            "address": postal_address(location),
            "geo": geo(location),
            "hasMap": location.map_url,
            "telephone": location.phone or ctx.settings.phone,
            "email": location.email,
            "openingHoursSpecification": opening_hours(location.ordered_hours),
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
