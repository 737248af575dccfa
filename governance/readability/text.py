"""The patient-facing prose of a page, as pieces of plain text, for the reading grade.

What is read: the title, the page's own text and rich-text fields (summary, intro, bio, ...) and
the prose of its StreamField body, with the answers of the FAQ questions it shows. What is not:
headings and labels (not sentences: each would count as a very short one), figures such as doses,
references and citations, names, links and the clinic's disclaimer, which is the clinic's
boilerplate rather than the page's writing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText, get_text_for_indexing

from clinic_pages.faqs.models import FAQPage, Question

# Struct block children that hold labels, data or links rather than sentences.
NOT_PROSE = frozenset(
    {
        "heading",
        "title",
        "label",
        "value",
        "name",
        "dose",
        "rate",
        "duration",
        "course",
        "study_type",
        "attribution",
        "caption",
        "button_label",
        "phone",
        "url",
        "tone",
    }
)
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


def rich_text_segments(html: str) -> Iterator[str]:
    """One piece per paragraph, list item or heading of the rich text."""
    for part in BLOCK_END.split(html or ""):
        text = get_text_for_indexing(part)
        if text:
            yield text


def block_segments(block: blocks.Block, value) -> Iterator[str]:
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from block_segments(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            if name not in NOT_PROSE:
                yield from block_segments(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from block_segments(block.child_block, item)
    elif isinstance(block, blocks.RichTextBlock):
        yield from rich_text_segments(value.source if isinstance(value, RichText) else value)
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        if value.strip():
            yield value
    elif isinstance(value, Question):
        yield from question_segments(value)
    # Everything else -- references, pages, images, URLs, choices -- is not the page's prose.


def question_segments(question: Question) -> Iterator[str]:
    yield question.question
    yield from rich_text_segments(question.answer)


def field_segments(page: Page, field: models.Field) -> Iterator[str]:
    value = getattr(page, field.name)
    if isinstance(field, StreamField):
        yield from block_segments(field.stream_block, value)
    elif isinstance(field, RichTextField):
        yield from rich_text_segments(value)
    elif isinstance(field, models.TextField) and value and value.strip():
        yield value


def page_segments(page: Page) -> list[str]:
    """The pieces of text a patient reads on this page (a specific page, saved or not)."""
    segments = [page.title] if page.title else []
    # The page type's own fields: Page's (search description, ...) are metadata, not prose.
    for field in page._meta.get_fields(include_parents=False):
        if isinstance(field, models.Field) and not field.is_relation:
            segments.extend(field_segments(page, field))
    if isinstance(page, FAQPage) and page.pk:
        site = page.get_site()
        if site is not None:
            for _topic, questions in page.topics(site):
                for question in questions:
                    segments.extend(question_segments(question))
    return segments
