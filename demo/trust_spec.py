"""The keys of a clinic's ``[trust]`` and ``[offices]`` tables and of an office's ``closures``
(``demo.trust`` loads them); ``demo.reader`` checks each file against these dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CredentialSpec:
    kind: str  # clinics.trust.CredentialKind
    name: str
    issuer: str = ""
    since: int | None = None
    url: str = ""


@dataclass
class PlanSpec:
    name: str
    note: str = ""
    network_id: str = ""


@dataclass
class PriceSpec:
    service: str
    price: str  # dollars, e.g. "450.00": TOML floats would round
    max_price: str = ""
    includes: str = ""
    note: str = ""
    treatment_slug: str = ""  # a page of the clinic's treatments/ folder


@dataclass
class TrustSpec:
    founded_year: int
    credentials: list[CredentialSpec] = field(default_factory=list)
    insurance_plans: list[PlanSpec] = field(default_factory=list)
    insurance_note: str = ""
    self_pay_prices: list[PriceSpec] = field(default_factory=list)


@dataclass
class OfficesSpec:
    title: str = "Our offices"
    intro: str = ""


@dataclass
class ClosureSpec:
    """A yearly holiday, as month and day ("12-25"), for as many days as it lasts."""

    month_day: str
    name: str
    days: int = 1
