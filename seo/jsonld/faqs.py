"""Questions and answers, from FAQ blocks in a page's body or from the clinic's FAQ page."""

from __future__ import annotations

from collections.abc import Iterable

from clinic_pages.faqs.models import Question

from .base import Node, PageContext, plain_text, site_nodes, web_page


def question(item: Question) -> Node:
    return {
        "@type": "Question",
        "name": item.question,
        "acceptedAnswer": {"@type": "Answer", "text": plain_text(item.answer)},
    }


def questions_in_stream(stream_value) -> list[Question]:
    """Questions chosen in FAQ blocks, in reading order, each once.

    The StreamField loads all chosen snippets with one query (``bulk_to_python``); a question
    deleted from the library comes back as None and, like a never-published one, is skipped, as
    the block template does.
    """
    seen: dict[int, Question] = {}
    for block in stream_value or []:
        if block.block_type == "faq":
            for item in block.value["questions"]:
                if item is not None and item.live:
                    seen.setdefault(item.pk, item)
    return list(seen.values())


def main_entity(questions: Iterable[Question]) -> list[Node]:
    return [question(item) for item in questions]


def faq_page_questions(ctx: PageContext) -> list[Question]:
    """The FAQ page's questions, from the topics its ``get_context`` grouped, else a query."""
    topics = ctx.extra.get("topics")
    if topics is None:
        topics = ctx.page.topics(ctx.site)
    return [item for _, items in topics for item in items]


def build_faq_page(ctx: PageContext) -> list[Node]:
    page = web_page(ctx, "FAQPage", mainEntity=main_entity(faq_page_questions(ctx)))
    return [*site_nodes(ctx), page]


def page_types_with_faq(schema_type: str, stream_value) -> tuple[str | list[str], list[Node]]:
    """A page with FAQ blocks is also an FAQPage: one web page node carries both types."""
    questions = main_entity(questions_in_stream(stream_value))
    if not questions:
        return schema_type, []
    return [schema_type, "FAQPage"], questions
