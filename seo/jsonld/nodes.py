"""The two helpers every node builder uses, below ``base`` so that any builder can import them."""

from __future__ import annotations

from typing import Any

Node = dict[str, Any]


def ref(node_id: str) -> Node:
    """A reference to a node described elsewhere in the graph (or on another page)."""
    return {"@id": node_id}


def compact(node: Node) -> Node:
    """Drop empty values so the graph never claims an empty name, list or address."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}
