"""The page's numbered reference list as schema.org citations."""

from __future__ import annotations

from collections.abc import Iterable

from clinic_pages.references.models import Reference

from .base import Node, compact

ET_AL = {"et al", "et al."}

CONTAINER_TYPES = {
    # kind -> (type of the cited work, type of what it is part of)
    "article": ("ScholarlyArticle", "Periodical"),
    "book": ("Chapter", "Book"),
    "web": ("WebPage", "WebSite"),
}


def authors(reference: Reference) -> list[Node]:
    """'Correll GE, Maleki J, et al.' -> two Persons; 'et al.' names nobody, so it is left out."""
    names = [name.strip() for name in reference.authors.split(",")]
    return [{"@type": "Person", "name": name} for name in names if name and name not in ET_AL]


def identifiers(reference: Reference) -> list[Node]:
    pairs = [
        ("DOI", reference.doi),
        ("PMID", str(reference.pmid) if reference.pmid else ""),
        ("PMCID", reference.pmcid),
        ("NBK", reference.bookshelf_id),
    ]
    return [
        {"@type": "PropertyValue", "propertyID": scheme, "value": value}
        for scheme, value in pairs
        if value
    ]


def citation(reference: Reference) -> Node:
    work_type, container_type = CONTAINER_TYPES.get(reference.kind, CONTAINER_TYPES["article"])
    if work_type == "Chapter" and not reference.journal:
        work_type = "Book"
    container = {"@type": container_type, "name": reference.journal} if reference.journal else None
    urls = [url for _, url in reference.links]
    return compact(
        {
            "@type": work_type,
            "name": reference.title,
            "author": authors(reference),
            "isPartOf": container if work_type != "Book" else None,
            "datePublished": str(reference.year) if reference.year else "",
            "pagination": reference.pages if work_type in {"ScholarlyArticle", "Chapter"} else "",
            "url": urls[0] if urls else "",
            "sameAs": urls[1:],
            "identifier": identifiers(reference),
        }
    )


def citations(references: Iterable[Reference]) -> list[Node]:
    return [citation(reference) for reference in references]
