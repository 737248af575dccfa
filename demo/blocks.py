"""StreamField values in the shape of ``core.blocks``, built from the block tables of a data file.

A page body in a data file is a list of tables, each with a ``type`` (the block's name in
``core.blocks``) and that block's fields. References, FAQ questions and pages appear by natural
key (``"kurdi2014"``, the question's text, ``"treatments/tens"``); :class:`Links` turns a key
into the object. The reader passes links that only check the key exists, so a wrong key fails
before anything is written; the loader passes links to the objects it has created.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any, Protocol

from clinic_pages.demo.datafiles import DemoDataError
from clinic_pages.demo.spec import BlockData

Block = tuple[str, Any]
Prose = str | list[str]


class Links(Protocol):
    """Natural keys to the objects a block points at."""

    def ref(self, key: str) -> Any: ...

    def question(self, text: str) -> Any: ...

    def page(self, path: str) -> Any: ...


def ul(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def rich_text(text: Prose) -> str:
    """Plain paragraphs separated by blank lines become rich-text HTML; HTML passes through.

    A list of strings becomes a bulleted list.
    """
    if isinstance(text, list):
        return ul(text)
    if not text.strip():
        return ""
    if text.lstrip().startswith("<"):
        return text.strip()
    return "".join(_paragraphs(part) for part in text.strip().split("\n\n"))


# A list written inside a paragraph's text: HTML has no list inside <p> (the browser closes the
# paragraph before it, leaving a stray </p>), so the list stands between paragraphs.
LIST = re.compile(r"(<(ul|ol)>.*?</\2>)", re.DOTALL)


def _paragraphs(part: str) -> str:
    pieces = LIST.split(part)
    html = []
    for i in range(0, len(pieces), 3):  # text, list, list tag name, text, ...
        if pieces[i].strip():
            html.append(f"<p>{pieces[i].strip()}</p>")
        if i + 1 < len(pieces):
            html.append(pieces[i + 1])
    return "".join(html)


def section(links: Links, heading: str, body: Prose) -> Block:
    return ("section", {"heading": heading, "body": rich_text(body)})


def paragraph(links: Links, body: Prose) -> Block:
    return ("paragraph", rich_text(body))


def _fact(links: Links, label: str, value: str) -> dict:
    return {"label": label, "value": value}


def key_facts(links: Links, facts: list[dict], heading: str = "At a glance") -> Block:
    return ("key_facts", {"heading": heading, "facts": _each(_fact, links, facts, "facts")})


def bullet_list(links: Links, heading: str, items: list[str], intro: str = "") -> Block:
    return ("bullet_list", {"heading": heading, "intro": intro, "items": items})


def callout(links: Links, title: str, text: Prose, tone: str = "info") -> Block:
    return ("callout", {"tone": tone, "title": title, "text": rich_text(text)})


def _step(
    links: Links,
    label: str,
    reference: str = "",
    dose: str = "",
    rate: str = "",
    duration: str = "",
    course: str = "",
) -> dict:
    return {
        "label": label,
        "dose": dose,
        "rate": rate,
        "duration": duration,
        "course": course,
        "reference": links.ref(reference) if reference else None,
    }


def protocol(
    links: Links,
    steps: list[dict],
    heading: str = "Protocol and dosing",
    intro: Prose = "",
    note: str = "",
) -> Block:
    return (
        "protocol",
        {
            "heading": heading,
            "intro": rich_text(intro),
            "steps": _each(_step, links, steps, "steps"),
            "note": note,
        },
    )


def _finding(links: Links, finding: str, references: list[str], study_type: str = "") -> dict:
    return {
        "finding": finding,
        "study_type": study_type,
        "references": [links.ref(key) for key in references],
    }


def evidence(
    links: Links, findings: list[dict], heading: str = "What the research shows", intro: Prose = ""
) -> Block:
    return (
        "evidence",
        {
            "heading": heading,
            "intro": rich_text(intro),
            "findings": _each(_finding, links, findings, "findings"),
        },
    )


def side_effects(
    links: Links,
    common: list[str],
    serious: list[str],
    contraindications: list[str] | None = None,
    heading: str = "Side effects and risks",
    intro: Prose = "",
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


def _myth(links: Links, myth: str, fact: str) -> dict:
    return {"myth": myth, "fact": fact}


def myth_fact(links: Links, items: list[dict], heading: str = "Myths and facts") -> Block:
    return ("myth_fact", {"heading": heading, "items": _each(_myth, links, items, "items")})


def _alternative(links: Links, name: str, description: str, page: str = "") -> dict:
    return {"name": name, "description": description, "page": links.page(page) if page else None}


def alternatives(links: Links, items: list[dict], heading: str, intro: Prose = "") -> Block:
    return (
        "alternatives",
        {
            "heading": heading,
            "intro": rich_text(intro),
            "items": _each(_alternative, links, items, "items"),
        },
    )


def faq(links: Links, questions: list[str], heading: str = "Frequently asked questions") -> Block:
    return ("faq", {"heading": heading, "questions": [links.question(q) for q in questions]})


def quote(links: Links, quote: str, attribution: str = "") -> Block:
    return ("quote", {"quote": quote, "attribution": attribution})


def call_to_action(
    links: Links,
    heading: str = "",
    text: str = "",
    button_label: str = "",
    page: str = "",
    phone: str = "",
) -> Block:
    return (
        "call_to_action",
        {
            "heading": heading,
            "text": text,
            "button_label": button_label,
            "page": links.page(page) if page else None,
            "url": "",
            "phone": phone,
        },
    )


BUILDERS: dict[str, Callable[..., Block]] = {
    builder.__name__: builder
    for builder in (
        section,
        paragraph,
        key_facts,
        bullet_list,
        callout,
        protocol,
        evidence,
        side_effects,
        myth_fact,
        alternatives,
        faq,
        quote,
        call_to_action,
    )
}


def _fields(builder: Callable[..., Any], links: Links, data: Any, where: str) -> Any:
    """Call ``builder`` with a table's keys; a missing, unknown or dangling key names ``where``."""
    if not isinstance(data, dict):
        raise DemoDataError(where, f"expected a table, not {data!r}")
    try:
        inspect.signature(builder).bind(links, **data)
    except TypeError as exc:
        raise DemoDataError(where, str(exc)) from exc
    try:
        return builder(links, **data)
    except DemoDataError as exc:
        raise DemoDataError(where, str(exc)) from exc


def _each(builder: Callable[..., dict], links: Links, items: Any, key: str) -> list[dict]:
    if not isinstance(items, list):
        raise DemoDataError(key, f"expected a list of tables, not {items!r}")
    return [_fields(builder, links, item, f"{key}[{i}]") for i, item in enumerate(items)]


def build_stream(body: list[BlockData], links: Links, where: str) -> list[Block]:
    """The ``(block_type, value)`` pairs of a page body; errors name ``where`` and the block."""
    stream = []
    for i, data in enumerate(body):
        kind = data.get("type") if isinstance(data, dict) else None
        if kind not in BUILDERS:
            raise DemoDataError(
                f"{where}: body[{i}].type", f"expected one of {', '.join(BUILDERS)}, not {kind!r}"
            )
        fields = {key: value for key, value in data.items() if key != "type"}
        stream.append(_fields(BUILDERS[kind], links, fields, f"{where}: body[{i}] ({kind})"))
    return stream
