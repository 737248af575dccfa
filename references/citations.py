"""Numbering of the references a page cites, shared by the evidence blocks and the list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from clinic_pages.references.models import Reference


def _cited_in_stream(stream_value) -> Iterable[Reference]:
    """References chosen inside evidence and protocol blocks, in reading order."""
    for block in stream_value:
        if block.block_type == "evidence":
            for finding in block.value["findings"]:
                yield from (ref for ref in finding["references"] if ref)
        elif block.block_type == "protocol":
            yield from (step["reference"] for step in block.value["steps"] if step["reference"])


@dataclass
class ReferenceList:
    """The ordered, de-duplicated references of a page, with each reference's number."""

    references: list[Reference] = field(default_factory=list)

    @classmethod
    def from_page(cls, listed: Iterable[Reference], stream_value) -> ReferenceList:
        seen: dict[int, Reference] = {}
        for reference in [*listed, *_cited_in_stream(stream_value)]:
            seen.setdefault(reference.pk, reference)
        return cls(list(seen.values()))

    @property
    def numbers(self) -> dict[int, int]:
        """Reference primary key to its 1-based number in the list."""
        return {reference.pk: number for number, reference in enumerate(self.references, 1)}

    def __iter__(self):
        return iter(self.references)

    def __len__(self) -> int:
        return len(self.references)
