"""Builders for StreamField values in the shape of ``core.blocks``.

Each returns a ``(block_type, value)`` pair with model instances where choosers expect them;
the loader turns them into raw JSON with stable block ids, so re-running compares equal.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Block = tuple[str, dict[str, Any]]


def rich_text(text: str) -> str:
    """Plain paragraphs separated by blank lines become rich-text HTML; HTML passes through."""
    if not text.strip():
        return ""
    if text.lstrip().startswith("<"):
        return text.strip()
    return "".join(f"<p>{part.strip()}</p>" for part in text.strip().split("\n\n"))


def ul(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def section(heading: str, body: str) -> Block:
    return ("section", {"heading": heading, "body": rich_text(body)})


def paragraph(body: str) -> Block:
    return ("paragraph", rich_text(body))  # type: ignore[return-value]


def key_facts(facts: list[tuple[str, str]], heading: str = "At a glance") -> Block:
    return (
        "key_facts",
        {"heading": heading, "facts": [{"label": k, "value": v} for k, v in facts]},
    )


def bullets(heading: str, items: list[str], intro: str = "") -> Block:
    return ("bullet_list", {"heading": heading, "intro": intro, "items": items})


def callout(title: str, text: str, tone: str = "info") -> Block:
    return ("callout", {"tone": tone, "title": title, "text": rich_text(text)})


def step(label: str, *, reference=None, dose="", rate="", duration="", course="") -> dict:
    return {
        "label": label,
        "dose": dose,
        "rate": rate,
        "duration": duration,
        "course": course,
        "reference": reference,
    }


def protocol(steps: list[dict], heading: str = "Protocol and dosing", intro="", note="") -> Block:
    return (
        "protocol",
        {
            "heading": heading,
            "intro": rich_text(intro),
            "steps": steps,
            "note": note,
        },
    )


def finding(text: str, references: list, study_type: str = "") -> dict:
    return {"finding": text, "study_type": study_type, "references": references}


def evidence(findings: list[dict], heading="What the research shows", intro="") -> Block:
    return (
        "evidence",
        {"heading": heading, "intro": rich_text(intro), "findings": findings},
    )


def side_effects(
    common: list[str],
    serious: list[str],
    contraindications: list[str] | None = None,
    heading: str = "Side effects and risks",
    intro: str = "",
) -> Block:
    return (
        "side_effects",
        {
            "heading": heading,
            "intro": rich_text(intro),
            "common": common,
            "serious": serious,
            "contraindications": contraindications or [],
        },
    )


def myths(items: list[tuple[str, str]], heading: str = "Myths and facts") -> Block:
    return ("myth_fact", {"heading": heading, "items": [{"myth": m, "fact": f} for m, f in items]})


def alternatives(items: list[tuple[str, str, Any]], heading: str, intro: str = "") -> Block:
    return (
        "alternatives",
        {
            "heading": heading,
            "intro": rich_text(intro),
            "items": [{"name": n, "description": d, "page": page} for n, d, page in items],
        },
    )


def faq(questions: list, heading: str = "Frequently asked questions") -> Block:
    return ("faq", {"heading": heading, "questions": [q for q in questions if q]})


def quote(text: str, attribution: str = "") -> Block:
    return ("quote", {"quote": text, "attribution": attribution})


def cta(heading="", text="", button_label="", page=None, phone="") -> Block:
    return (
        "call_to_action",
        {
            "heading": heading,
            "text": text,
            "button_label": button_label,
            "page": page,
            "url": "",
            "phone": phone,
        },
    )
