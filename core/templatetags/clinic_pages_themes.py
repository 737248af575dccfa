"""The clinic's theme in templates: ``{% clinic_theme clinic_settings as theme %}`` gives the
``ThemeSpec`` (layout switches, fonts to preload, home section order) and ``{% theme_colours %}``
the CSS custom properties of its colour roles, fitted for contrast (``core.themes``)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from clinic_pages.core.themes import ThemeSpec, colour_roles, theme_spec

register = template.Library()


@register.simple_tag
def clinic_theme(clinic) -> ThemeSpec:
    """The clinic's theme; the default one off any clinic."""
    return theme_spec(getattr(clinic, "theme", None))


@register.simple_tag
def theme_colours(clinic) -> SafeString:
    """``:root{--primary:…}`` for the clinic's theme and colours.

    Safe: every value is a ``#rrggbb`` built by ``colour_roles`` (the clinic's input is used
    only when it is one) or an ``rgb()`` of such numbers.
    """
    roles = colour_roles(
        clinic_theme(clinic).key,
        getattr(clinic, "brand_colour", None),
        getattr(clinic, "accent_colour", None),
    )
    return mark_safe(roles.css())
