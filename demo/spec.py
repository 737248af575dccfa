"""The shape of a demo clinic. Every clinic module fills these in with its own wording.

Page bodies are functions of a :class:`~clinics.demo.loader.Context`, because they cite
references, FAQ questions and sibling pages that only exist once the loader has created them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from clinic_pages.demo.blocks import rich_text

if TYPE_CHECKING:
    from clinic_pages.demo.loader import Context

StreamBuilder = Callable[["Context"], list[tuple[str, dict[str, Any]]]]

WEEKDAYS_9_TO_5 = [(day, "09:00", "17:00") for day in range(5)]


@dataclass
class LocationSpec:
    name: str
    street_address: str
    locality: str
    region: str
    postal_code: str
    phone: str
    email: str = ""
    parking_and_access: str = ""
    # (weekday 0=Monday, opens "HH:MM" or None, closes "HH:MM" or None)
    hours: list[tuple[int, str | None, str | None]] = field(
        default_factory=lambda: list(WEEKDAYS_9_TO_5)
    )


@dataclass
class QuestionSpec:
    topic: str
    question: str
    answer: str
    sort_order: int = 0


@dataclass
class PhysicianSpec:
    slug: str
    family_name: str
    bio: str
    listing_summary: str
    specialties: list[str]
    given_name: str = ""
    honorific_prefix: str = "Dr."
    credentials: str = ""
    job_title: str = ""
    certifications: list[str] = field(default_factory=list)
    education: list[tuple[str, str]] = field(default_factory=list)
    languages: str = "English"
    location_names: list[str] = field(default_factory=list)
    treatment_slugs: list[str] = field(default_factory=list)
    initials: str = ""


@dataclass
class ConditionSpec:
    slug: str
    title: str
    summary: str
    listing_summary: str
    symptoms: list[str]
    causes: list[tuple[str, str]]
    alternate_names: str = ""
    body: StreamBuilder | None = None
    reviewed_days_ago: int = 60


@dataclass
class TreatmentSpec:
    slug: str
    title: str
    summary: str
    listing_summary: str
    body: StreamBuilder
    alternate_names: str = ""
    condition_slugs: list[str] = field(default_factory=list)
    # (status code, indication, note) as TreatmentRegulatoryStatus expects them
    statuses: list[tuple[str, str, str]] = field(default_factory=list)
    reference_keys: list[str] = field(default_factory=list)
    related_slugs: list[str] = field(default_factory=list)
    reviewer_slug: str = ""
    reviewed_days_ago: int = 45
    show_default_cta: bool = True


@dataclass
class ArticleSpec:
    slug: str
    title: str
    date: datetime.date
    author_slug: str
    summary: str
    listing_summary: str
    body: StreamBuilder
    related_treatment_slugs: list[str] = field(default_factory=list)


@dataclass
class ClinicSpec:
    slug: str
    practice_name: str
    tagline: str
    brand_colour: str
    accent_colour: str
    phone: str
    cta_heading: str
    cta_text: str
    cta_button_label: str
    disclaimer: str
    hero_heading: str
    hero_text: str
    welcome: str
    home_search_description: str
    treatments_intro: str
    conditions_intro: str
    physicians_intro: str
    faq_intro: str
    articles_intro: str
    appointment_intro: str
    appointment_what_to_bring: str
    locations: list[LocationSpec]
    physicians: list[PhysicianSpec]
    questions: list[QuestionSpec]
    conditions: list[ConditionSpec]
    # In page order: the treatments index lists them (and the series runs) in this order.
    treatments: list[TreatmentSpec]
    articles: list[ArticleSpec] = field(default_factory=list)
    featured_treatment_slugs: list[str] = field(default_factory=list)
    is_default_site: bool = False
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


def questions_by_topic(topics: dict[str, dict[str, str]]) -> list[QuestionSpec]:
    """FAQ entries as ``{topic: {question: answer}}``; each topic lists them in the order given."""
    return [
        QuestionSpec(topic, question, rich_text(answer), position)
        for topic, answers in topics.items()
        for position, (question, answer) in enumerate(answers.items(), 1)
    ]


def fictional_physician(
    given_name: str, family_name: str, *, role: str, profile: str, **fields: Any
) -> PhysicianSpec:
    """An invented physician for a practice the sources name none for, labelled as invented.

    ``profile`` finishes the sentence "In this profile, Dr. <family name> ...".
    """
    return PhysicianSpec(
        slug=f"dr-{given_name}-{family_name}".lower(),
        given_name=given_name,
        family_name=family_name,
        credentials="MD",
        job_title=f"{role} (fictional demo profile)",
        bio=(
            f"<p>Dr. {family_name} is a fictional physician created for this demo site.</p>"
            f"<p>In this profile, Dr. {family_name} {profile}</p>"
        ),
        initials=given_name[0] + family_name[0],
        **fields,
    )


def privacy_notice(practice_name: str) -> str:
    return (
        f"<p>{practice_name} uses what you send here only to arrange your visit. Our front-desk "
        "team can see it; we never sell it or share it for marketing. Please do not include "
        "details about your health: your physician will ask about them in person. We delete "
        "requests we no longer need after six months.</p>"
    )


def confirmation_text(practice_name: str) -> str:
    return (
        f"<p>A member of the {practice_name} team will contact you within one working day, "
        "in the way you asked, to confirm a time or suggest another. If your pain suddenly gets "
        "much worse, or you have new weakness or numbness, call 911 or go to the nearest "
        "emergency department instead of waiting for us.</p>"
    )
