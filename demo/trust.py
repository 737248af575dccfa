"""The demo clinics' trust signals and office pages, from the ``[trust]``, ``[offices]`` and
``[[locations]]`` keys of each ``clinic.toml``.

Everything here is demo data: bodies, networks and prices are fictional (their names say
"demo"), founding years are invented, and real facts (Dr. DeCaria's two board certifications) stay
on the physician's own file. Holiday closures are written as month and day ("12-25") and loaded as
their next date, so the office pages always have upcoming holiday hours to show.
"""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING, Any

from django.core.management.base import CommandError

from clinic_pages.clinics.models import ClinicSettings, Location, LocationClosure
from clinic_pages.demo.blocks import rich_text
from clinic_pages.demo.trust_spec import OfficesSpec, TrustSpec
from clinic_pages.home.offices import OfficeIndexPage

if TYPE_CHECKING:  # the loader imports this module
    from clinic_pages.demo.loader import Context, DemoLoader


def next_date(month_day: str, today: datetime.date) -> datetime.date:
    month, day = (int(part) for part in month_day.split("-"))
    date = datetime.date(today.year, month, day)
    return date if date >= today else datetime.date(today.year + 1, month, day)


def _stream(block_type: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Ids from the row's content, so reloading the same data changes nothing.
    return [
        {"type": block_type, "value": row, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, repr(row)))}
        for row in rows
    ]


def trust_values(spec: TrustSpec, treatment_id) -> dict[str, Any]:
    """The settings' trust fields; ``treatment_id(slug)`` finds a price's treatment page."""
    return {
        "founded_year": spec.founded_year,
        "credentials": _stream(
            "credential",
            [
                {"kind": c.kind, "name": c.name, "issuer": c.issuer, "since": c.since, "url": c.url}
                for c in spec.credentials
            ],
        ),
        "insurance_plans": _stream(
            "plan",
            [
                {"name": p.name, "note": p.note, "network_id": p.network_id}
                for p in spec.insurance_plans
            ],
        ),
        "insurance_note": spec.insurance_note,
        "self_pay_prices": _stream(
            "price",
            [
                {
                    "service": p.service,
                    "treatment": treatment_id(p.treatment_slug) if p.treatment_slug else None,
                    "price": p.price,
                    "max_price": p.max_price or None,
                    "includes": p.includes,
                    "note": p.note,
                }
                for p in spec.self_pay_prices
            ],
        ),
    }


def load_trust_and_offices(loader: DemoLoader, ctx: Context) -> None:
    """The clinic's trust signals on its settings, its offices page, and each office's
    transport line and coming holiday closures."""
    spec = ctx.spec
    if spec.trust is not None:
        settings = ClinicSettings.objects.get(site=ctx.site)
        if loader.reset or not settings.founded_year:

            def treatment_id(slug: str) -> int:
                page = ctx.treatment(slug)
                if page is None:
                    raise CommandError(f"{spec.slug}/clinic.toml: trust: no treatment {slug!r}")
                return page.pk

            for name, value in trust_values(spec.trust, treatment_id).items():
                setattr(settings, name, value)
            settings.full_clean()
            settings.save()
            loader.stats["clinic trust signals set"] += 1

    offices = spec.offices or OfficesSpec()
    loader.sync_page(
        ctx.home,
        OfficeIndexPage,
        "offices",
        lambda: {"title": offices.title, "intro": rich_text(offices.intro), "show_in_menus": True},
    )

    today = datetime.date.today()
    for office in spec.locations:
        location = Location.objects.get(site=ctx.site, name=office.name)
        if office.transit and (loader.reset or not location.transit):
            location.transit = office.transit
            location.save(update_fields=["transit"])
        for holiday in office.closures:
            first = next_date(holiday.month_day, today)
            _, created = LocationClosure.objects.get_or_create(
                location=location,
                first_day=first,
                defaults={
                    "last_day": first + datetime.timedelta(days=holiday.days - 1),
                    "reason": holiday.name,
                },
            )
            if created:
                loader.stats["clinics.LocationClosure created"] += 1
