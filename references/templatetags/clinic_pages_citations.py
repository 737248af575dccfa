"""Numbered reference lists for pages that cite sources inside their body."""

from __future__ import annotations

from django import template

from clinic_pages.references.citations import ReferenceList

register = template.Library()


@register.simple_tag
def cited_references(stream_value) -> ReferenceList:
    """Number the references cited in a page body that has no listed references of its own."""
    return ReferenceList.from_page([], stream_value or [])
