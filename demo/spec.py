"""The shape of a demo clinic, as :mod:`~clinic_pages.demo.reader` builds it from the data files.

Each dataclass lists the keys its data file may hold; a field without a default must be given.
Page bodies stay as the block tables of the data file: they name references, FAQ questions and
sibling pages that only exist once the loader has created them (see ``blocks``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from clinic_pages.demo.trust_spec import ClosureSpec, OfficesSpec, TrustSpec

BlockData = dict[str, Any]


@dataclass
class ReferenceSpec:
    """A published source, found again by its title; only what the source gives is filled in."""

    kind: str
    title: str
    authors: str = ""
    journal: str = ""
    year: int | None = None
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    pmid: int | None = None
    pmcid: str = ""
    bookshelf_id: str = ""
    url: str = ""


@dataclass
class OpeningHours:
    weekday: str
    opens: str = ""
    closes: str = ""


@dataclass
class LocationSpec:
    name: str
    street_address: str
    locality: str
    region: str
    postal_code: str
    phone: str
    hours: list[OpeningHours]
    email: str = ""
    parking_and_access: str = ""
    time_zone: str = ""  # IANA name; empty: the clinic's
    transit: str = ""  # the rest is loaded by demo.trust
    closures: list[ClosureSpec] = field(default_factory=list)


@dataclass
class QuestionSpec:
    topic: str
    question: str
    answer: str
    sort_order: int


@dataclass
class Education:
    kind: str
    description: str


@dataclass
class PhysicianSpec:
    slug: str
    honorific_prefix: str
    family_name: str
    job_title: str
    bio: str
    listing_summary: str
    specialties: list[str]
    # Left out where the facts do not say (a real clinician's profile): nothing is shown.
    languages: str = ""
    accepting_new_patients: bool | None = None
    given_name: str = ""
    credentials: str = ""
    initials: str = ""
    certifications: list[str] = field(default_factory=list)
    education: list[Education] = field(default_factory=list)
    location_names: list[str] = field(default_factory=list)
    treatment_slugs: list[str] = field(default_factory=list)


@dataclass
class Cause:
    name: str
    description: str = ""


@dataclass
class ConditionSpec:
    slug: str
    title: str
    summary: str
    listing_summary: str
    symptoms: list[str]
    causes: list[Cause]
    reviewed_days_ago: int
    alternate_names: str = ""
    body: list[BlockData] = field(default_factory=list)


@dataclass
class RegulatoryStatus:
    """As ``TreatmentRegulatoryStatus`` expects it (``status`` is one of its codes)."""

    status: str
    indication: str
    note: str = ""


@dataclass
class TreatmentSpec:
    slug: str
    title: str
    summary: str
    listing_summary: str
    reviewed_days_ago: int
    body: list[BlockData]
    alternate_names: str = ""
    condition_slugs: list[str] = field(default_factory=list)
    statuses: list[RegulatoryStatus] = field(default_factory=list)
    reference_keys: list[str] = field(default_factory=list)
    related_slugs: list[str] = field(default_factory=list)
    # The clinic's first physician reviews the page unless another is named.
    reviewer_slug: str = ""
    show_default_cta: bool = True


@dataclass
class ArticleSpec:
    slug: str
    title: str
    date: datetime.date
    author_slug: str
    summary: str
    listing_summary: str
    body: list[BlockData]
    related_treatment_slugs: list[str] = field(default_factory=list)


@dataclass
class ClinicTexts:
    """The clinic's own words on its site: in its main language (``ClinicSpec``) and in each
    language it translates into (``demo.translations_reader.ClinicTranslation``)."""

    tagline: str
    cta_heading: str
    cta_text: str
    cta_button_label: str
    disclaimer: str
    hero_heading: str
    hero_text: str
    welcome: str
    home_search_description: str
    treatments_title: str
    treatments_intro: str
    conditions_title: str
    conditions_intro: str
    physicians_title: str
    physicians_intro: str
    faq_title: str
    faq_intro: str
    articles_title: str
    articles_intro: str
    appointment_title: str
    appointment_intro: str
    appointment_what_to_bring: list[str]
    privacy_notice: str
    confirmation_text: str
    appointment_reasons: list[str]


@dataclass
class ClinicSpec(ClinicTexts):
    slug: str
    practice_name: str
    brand_colour: str
    accent_colour: str
    phone: str
    locations: list[LocationSpec]
    # Pages in creation order: the first physician reviews by default, and the treatments
    # index lists treatments (and a treatment series runs) in this order.
    physicians: list[PhysicianSpec]
    questions: list[QuestionSpec]
    conditions: list[ConditionSpec]
    treatments: list[TreatmentSpec]
    articles: list[ArticleSpec] = field(default_factory=list)
    featured_treatment_slugs: list[str] = field(default_factory=list)
    is_default_site: bool = False
    trust: TrustSpec | None = None  # demo.trust: credentials, insurance, self-pay prices
    offices: OfficesSpec | None = None  # the offices page's title and introduction
    theme: str = "calm"  # core.themes.Theme: layout, type and cards of the clinic's site
    time_zone: str = "America/Chicago"  # IANA name of where the clinic is
    # Clinics that publish bookable slots; the others take callback requests.
    publishes_slots: bool = False

    @property
    def hostname(self) -> str:
        return f"{self.slug}.localhost"

    @property
    def email(self) -> str:
        return f"hello@{self.slug}.example.com"

    @property
    def editor_username(self) -> str:
        return f"{self.slug}-editor"


@dataclass
class DemoSpec:
    """Everything the loader creates: the shared references and the clinics in loading order."""

    references: dict[str, ReferenceSpec]
    clinics: list[ClinicSpec]
