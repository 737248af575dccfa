"""A long page's parts: its table of contents and the call to action that closes it.

The table of contents lists the page's second-level headings that carry an id, in the order the
page shows them: its own sections (regulatory status, conditions, references…) and the body's
blocks that have a heading, whose ids ``heading_anchors`` makes from the heading text. It is
read from the rendered sections, so it can never list a heading the page does not show, nor
miss one a template adds later.

A body may end with its own call to action; the page then shows that one where the clinic's
default would go, instead of two boxes back to back (``PageBody``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import unescape

from django.utils.html import strip_tags
from django.utils.text import slugify

# A page with fewer sections than this is short enough to read without one.
MIN_SECTIONS = 3
CTA_BLOCK = "call_to_action"
# Ids the layout uses elsewhere on a page: a heading's anchor never takes one of them.
RESERVED_IDS = frozenset({"main-content", "header-search-q", "booking-form", "error-summary"})
_RESERVED = re.compile(r".*-heading|ref-\d+|topic-\d+|id_.*")
_HEADING = re.compile(r"<h2\b[^>]*?\sid=\"([^\"]+)\"[^>]*>(.*?)</h2>", re.S)


@dataclass(frozen=True)
class Entry:
    anchor: str
    title: str


def contents(html: str) -> list[Entry]:
    """The ``<h2 id=…>`` headings of rendered HTML, as plain text, in document order."""
    entries = []
    for anchor, inner in _HEADING.findall(html):
        title = " ".join(unescape(strip_tags(inner)).split())
        if title:
            entries.append(Entry(anchor=unescape(anchor), title=title))
    return entries


def _heading(block) -> str:
    value = getattr(block, "value", None)
    getter = getattr(value, "get", None)
    heading = getter("heading") if callable(getter) else None
    return heading.strip() if isinstance(heading, str) else ""


def heading_anchors(body: Iterable) -> dict[int, str]:
    """An id for each block with a heading, by its position in the body: its heading as a slug,
    made unique on the page ("what-is-it", "what-is-it-2")."""
    anchors: dict[int, str] = {}
    taken: set[str] = set()
    for position, block in enumerate(body or ()):
        heading = _heading(block)
        if not heading:
            continue
        base = slugify(heading) or "section"
        if base in RESERVED_IDS or _RESERVED.fullmatch(base):
            base = f"{base}-section"
        anchor, number = base, 1
        while anchor in taken:
            number += 1
            anchor = f"{base}-{number}"
        taken.add(anchor)
        anchors[position] = anchor
    return anchors


@dataclass(frozen=True)
class PageBody:
    """A body split for the page's end: ``blocks`` to show in place, and the ``closing`` call
    to action (the body's last block when it is one) to show where the default would go."""

    blocks: Sequence = field(default_factory=list)
    closing: object | None = None
    has_cta: bool = False


def page_body(body: Iterable | None) -> PageBody:
    blocks = list(body or ())
    has_cta = any(getattr(block, "block_type", None) == CTA_BLOCK for block in blocks)
    if blocks and getattr(blocks[-1], "block_type", None) == CTA_BLOCK:
        return PageBody(blocks=blocks[:-1], closing=blocks[-1], has_cta=True)
    return PageBody(blocks=blocks, closing=None, has_cta=has_cta)
