"""Every URL pattern under a URLconf, with its full view name, for checks and tests.

Django's resolver answers "what matches this path"; the admin guard's checks need the opposite,
"which view names exist", including those Wagtail's hooks add at import time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from django.urls import URLPattern, URLResolver


class Route(NamedTuple):
    # "namespace:name" as request.resolver_match.view_name gives it; None for unnamed patterns.
    view_name: str | None
    # The route relative to where the walk began, e.g. "reports/locked/".
    route: str


def walk(
    patterns: Iterable[URLPattern | URLResolver], namespace: str = "", prefix: str = ""
) -> Iterator[Route]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern.url_patterns, inner, route)
        elif pattern.name:
            yield Route(f"{namespace}:{pattern.name}" if namespace else pattern.name, route)
        else:
            yield Route(None, route)


def view_names(patterns: Iterable[URLPattern | URLResolver]) -> set[str]:
    return {route.view_name for route in walk(patterns) if route.view_name}
