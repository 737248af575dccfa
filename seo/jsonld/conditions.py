"""A condition page: a MedicalWebPage about a MedicalCondition and the clinic's treatments."""

from __future__ import annotations

from clinic_pages.conditions.models import ConditionPage

from .base import Node, PageContext, compact, ref, site_nodes, split_names
from .physicians import physician_reference, therapy_reference
from .treatments import medical_web_page


def condition(ctx: PageContext, page: ConditionPage) -> Node:
    return compact(
        {
            "@type": "MedicalCondition",
            "@id": ctx.page_url + "#condition",
            "name": page.title,
            "alternateName": split_names(page.alternate_names),
            "description": page.summary,
            "url": ctx.page_url,
            "signOrSymptom": [
                {"@type": "MedicalSignOrSymptom", "name": symptom.name}
                for symptom in page.symptom_list
            ],
            "cause": [
                compact(
                    {"@type": "MedicalCause", "name": cause.name, "description": cause.description}
                )
                for cause in page.cause_list
            ],
            "possibleTreatment": [
                therapy_reference(ctx, treatment) for treatment in page.treatments
            ],
            "mainEntityOfPage": ref(ctx.webpage_id),
        }
    )


def build_condition_page(ctx: PageContext) -> list[Node]:
    page: ConditionPage = ctx.page
    node = condition(ctx, page)
    webpage = medical_web_page(ctx, page, about=[ref(node["@id"])])
    reviewer = [physician_reference(ctx, page.reviewed_by)] if page.reviewed_by else []
    return [*site_nodes(ctx), webpage, node, *reviewer]
