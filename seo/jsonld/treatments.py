"""A treatment page: a MedicalWebPage about a MedicalTherapy and the conditions it is used for.

Everything comes from the blocks and relations a visitor reads on the page: side effects,
protocol steps, regulatory statuses, the numbered references, the linked conditions.
"""

from __future__ import annotations

import re

from clinic_pages.core.blocks import DoseStepValue
from clinic_pages.treatments.models import TreatmentPage

from .base import Node, PageContext, compact, ref, site_nodes, split_names, web_page
from .citations import citations
from .faqs import page_types_with_faq
from .physicians import physician_reference

# '80 mg', '80 mg total', '0.35 mg/kg/h': one number and a unit, perhaps followed by words.
# Ranges ('0.5-1 mg/kg', '0.5 to 1 mg/kg') and 'up to 2 mg' do not match, so they stay text.
SINGLE_DOSE = re.compile(
    r"^(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>[a-zA-Zµμ%]+(?:/[a-zA-Z]+)*)(?:\s+[a-zA-Z ]+)?$"
)
RANGE_WORDS = re.compile(r"\b(?:to|or|up)\b", re.IGNORECASE)
FREQUENCY_WORDS = re.compile(
    r"\b(?:daily|weekly|monthly|hourly|once|twice|every|times|per (?:day|week|month))\b",
    re.IGNORECASE,
)


def therapy_id(ctx: PageContext) -> str:
    return ctx.page_url + "#therapy"


def condition_id(ctx: PageContext, condition) -> str:
    return ctx.url_of(condition) + "#condition"


def stream_blocks(page: TreatmentPage, block_type: str):
    return [block.value for block in page.body if block.block_type == block_type]


def dose_value(text: str) -> tuple[float | None, str]:
    match = SINGLE_DOSE.match((text or "").strip())
    if not match or RANGE_WORDS.search(text):
        return None, ""
    value = float(match["value"])
    return (int(value) if value.is_integer() else value), match["unit"]


def dose_schedule(step: DoseStepValue) -> Node:
    """One protocol line. The full line is always the description; numbers only where they parse."""
    value, unit = dose_value(step.get("dose") or step.get("rate") or "")
    course = step.get("course") or ""
    return compact(
        {
            "@type": "DoseSchedule",
            "name": step["label"],
            "description": "; ".join(f"{label}: {text}" for label, text in step.parts()),
            "doseValue": value,
            "doseUnit": unit,
            "frequency": course if FREQUENCY_WORDS.search(course) else "",
        }
    )


def side_effect_nodes(names: list[str]) -> list[Node]:
    return [{"@type": "MedicalEntity", "name": name} for name in names if name]


def legal_statuses(page: TreatmentPage) -> list[Node]:
    """'FDA-approved: general anesthesia', 'Off-label use: chronic pain', as the page says."""
    return [
        compact({"@type": "DrugLegalStatus", "name": str(status), "description": status.note})
        for status in page.regulatory_status_list
    ]


def therapy(ctx: PageContext, page: TreatmentPage) -> Node:
    side_effects = stream_blocks(page, "side_effects")
    protocol_steps = [step for block in stream_blocks(page, "protocol") for step in block["steps"]]
    return compact(
        {
            "@type": "MedicalTherapy",
            "@id": therapy_id(ctx),
            "name": page.title,
            "alternateName": split_names(page.alternate_names),
            "description": page.summary,
            "url": ctx.page_url,
            "adverseOutcome": side_effect_nodes([n for b in side_effects for n in b["common"]]),
            "seriousAdverseOutcome": side_effect_nodes(
                [n for b in side_effects for n in b["serious"]]
            ),
            "contraindication": [n for b in side_effects for n in b["contraindications"] if n],
            "doseSchedule": [dose_schedule(step) for step in protocol_steps],
            "legalStatus": legal_statuses(page),
            "mainEntityOfPage": ref(ctx.webpage_id),
        }
    )


def condition_node(ctx: PageContext, condition) -> Node:
    """A condition the therapy is used for; its own page describes it in full."""
    return {
        "@type": "MedicalCondition",
        "@id": condition_id(ctx, condition),
        "name": condition.title,
        "url": ctx.url_of(condition),
        "possibleTreatment": ref(therapy_id(ctx)),
    }


def medical_web_page(ctx: PageContext, page, about: list[Node], **properties) -> Node:
    """MedicalWebPage with the review metadata shown to visitors (shared with conditions)."""
    schema_type, questions = page_types_with_faq("MedicalWebPage", page.body)
    reviewer = page.reviewed_by
    return web_page(
        ctx,
        schema_type,
        about=about,
        # An FAQ page's main entity must be its questions; otherwise it is what the page is about.
        mainEntity=questions or (about[0] if about else None),
        medicalAudience={"@type": "Patient"},
        lastReviewed=page.last_reviewed.isoformat() if page.last_reviewed else "",
        reviewedBy=ref(physician_reference(ctx, reviewer)["@id"]) if reviewer else None,
        **properties,
    )


def build_treatment_page(ctx: PageContext) -> list[Node]:
    page: TreatmentPage = ctx.page
    conditions = [condition_node(ctx, condition) for condition in page.conditions]
    offered_by = [
        {**physician_reference(ctx, physician), "availableService": ref(therapy_id(ctx))}
        for physician in page.physicians
    ]
    webpage = medical_web_page(
        ctx,
        page,
        about=[ref(therapy_id(ctx)), *(ref(node["@id"]) for node in conditions)],
        citation=citations(page.references),
    )
    reviewer = [physician_reference(ctx, page.reviewed_by)] if page.reviewed_by else []
    return [*site_nodes(ctx), webpage, therapy(ctx, page), *conditions, *offered_by, *reviewer]
