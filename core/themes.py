"""Site themes: a clinic picks one in its settings; its brand colours fill the theme's colour roles.

A theme is more than colours: it sets the type pairing (self-hosted fonts), the header and hero
layouts, card styles (``site.css``, under ``[data-theme=…]``) and the order of the home page's
sections. Colours are emitted per clinic as CSS custom properties (one inline ``<style>``, allowed
by its hash, ``core.csp``), and every one of them comes from ``colour_roles``, which darkens or
lightens the clinic's colours until each pair the layout puts together reaches WCAG 2.2 AA:
4.5:1 for text, 3:1 for focus indicators and other UI parts. Contrast holds by construction,
whatever colours a clinic enters, instead of being checked page by page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from django.db import models
from django.utils.translation import gettext_lazy as _

from clinic_pages.core.validators import contrast_ratio

TEXT_MINIMUM = 4.5  # WCAG 1.4.3, normal-size text
UI_MINIMUM = 3.0  # WCAG 1.4.11, focus rings, input borders and other UI parts
WHITE, BLACK = "#ffffff", "#000000"
HEX = re.compile(r"#[0-9a-fA-F]{6}")


class Theme(models.TextChoices):
    CALM = "calm", _("Calm: serif headings, soft cards, a centred hero over the photo")
    CLINICAL = "clinical", _("Clinical: one crisp sans-serif, sharp borders, photo beside the text")
    WARM = "warm", _("Warm: rounded type and cards, the text on a tinted band over the photo")


@dataclass(frozen=True)
class Palette:
    """The neutral colours a theme is built on; the clinic's colours are fitted to them."""

    surface: str  # page background
    surface_alt: str  # bands, cards, call-to-action boxes
    text: str
    muted: str
    border: str  # decorative lines (card edges, table rules): no contrast needed


@dataclass(frozen=True)
class ThemeSpec:
    key: str
    palette: Palette
    # Font files (core/static/clinic_pages/fonts/) the first screen uses: preloaded.
    fonts: tuple[str, ...]
    # The hero: "centred" card over the photo, "split" photo beside the text, "overlay" band.
    hero: str
    # Hero crops (Wagtail fill specs: they keep the image's focal point in the frame); the wide
    # one from HERO_BREAKPOINT up, the narrow one below it.
    hero_wide: str
    hero_narrow: str
    # The width the hero image takes from HERO_BREAKPOINT up, and below it (``sizes``).
    hero_sizes: tuple[str, str]
    # The home page's sections, top to bottom (home/templates/.../home/sections/<name>.html).
    home_sections: tuple[str, ...]

    @property
    def hero_media(self) -> str:
        return HERO_BREAKPOINT


HERO_BREAKPOINT = "(min-width: 48rem)"
FORMATS = "format-{avif,webp,jpeg}"

THEMES: dict[str, ThemeSpec] = {
    Theme.CALM: ThemeSpec(
        key=Theme.CALM,
        palette=Palette(
            surface="#ffffff",
            surface_alt="#f2f5f4",
            text="#1c2326",
            muted="#4b5558",
            border="#d3dbd8",
        ),
        fonts=("lora-latin-wght-normal.woff2", "source-sans-3-latin-wght-normal.woff2"),
        hero="centred",
        hero_wide=f"fill-{{1024x427,1600x667,2400x1000}}-c50|{FORMATS}",
        hero_narrow=f"fill-{{480x360,960x720}}-c50|{FORMATS}",
        hero_sizes=("100vw", "100vw"),
        home_sections=(
            "welcome",
            "trust",
            "treatments",
            "conditions",
            "physicians",
            "articles",
            "locations",
        ),
    ),
    Theme.CLINICAL: ThemeSpec(
        key=Theme.CLINICAL,
        palette=Palette(
            surface="#ffffff",
            surface_alt="#f1f4f8",
            text="#111827",
            muted="#4b5563",
            border="#c3cbd6",
        ),
        fonts=("ibm-plex-sans-latin-wght-normal.woff2",),
        hero="split",
        hero_wide=f"fill-{{640x640,960x960,1280x1280}}-c50|{FORMATS}",
        hero_narrow=f"fill-{{240x360,480x720}}-c75|{FORMATS}",
        hero_sizes=("46vw", "38vw"),
        home_sections=(
            "treatments",
            "trust",
            "conditions",
            "physicians",
            "locations",
            "welcome",
            "articles",
        ),
    ),
    Theme.WARM: ThemeSpec(
        key=Theme.WARM,
        palette=Palette(
            surface="#fffaf4",
            surface_alt="#f9ede0",
            text="#2b211c",
            muted="#5b4c43",
            border="#e3d2c0",
        ),
        fonts=("nunito-latin-wght-normal.woff2",),
        hero="overlay",
        hero_wide=f"fill-{{1024x512,1600x800,2400x1200}}-c50|{FORMATS}",
        hero_narrow=f"fill-{{480x600,960x1200}}-c50|{FORMATS}",
        hero_sizes=("100vw", "100vw"),
        home_sections=(
            "welcome",
            "physicians",
            "trust",
            "treatments",
            "articles",
            "conditions",
            "locations",
        ),
    ),
}
DEFAULT_THEME = Theme.CALM
DEFAULT_BRAND, DEFAULT_ACCENT = "#1f4e79", "#7a3b00"


def theme_spec(key: str | None) -> ThemeSpec:
    """The theme of this key; an unknown or empty key gets the default theme."""
    return THEMES.get(key or "", THEMES[DEFAULT_THEME])


# Colour arithmetic in sRGB hex, enough for fitting colours; no colour library needed.


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0 to 1) of the way towards ``other``."""
    channels = (round(a + (b - a) * amount) for a, b in zip(_rgb(colour), _rgb(other), strict=True))
    return "#" + "".join(f"{channel:02x}" for channel in channels)


def fit(colour: str, backgrounds: tuple[str, ...], minimum: float, towards: str = BLACK) -> str:
    """``colour``, moved towards black (or white) just far enough to reach ``minimum`` against
    every one of ``backgrounds``. A colour that already does is returned unchanged, so a
    clinic's own shade survives whenever it is readable."""
    step = 0.0
    candidate = colour
    while step < 1 and min(contrast_ratio(candidate, b) for b in backgrounds) < minimum:
        step = min(1.0, step + 0.02)
        candidate = mix(colour, towards, step)
    return candidate


def readable_on(background: str, choices: tuple[str, ...]) -> str:
    """The choice with the most contrast against ``background``."""
    return max(choices, key=lambda choice: contrast_ratio(choice, background))


def scrim_opacity(scrim: str, text: str, minimum: float = TEXT_MINIMUM) -> float:
    """The least opacity of ``scrim`` over a photo that keeps ``text`` readable on it whatever
    the photo shows there: checked against a pure white and a pure black pixel beneath."""
    for hundredths in range(50, 101):
        opacity = hundredths / 100
        if all(
            contrast_ratio(text, mix(pixel, scrim, opacity)) >= minimum for pixel in (WHITE, BLACK)
        ):
            return opacity
    return 1.0


@dataclass(frozen=True)
class ColourRoles:
    surface: str
    surface_alt: str
    text: str
    muted: str
    border: str
    primary: str  # links, buttons, the header band
    on_primary: str  # text on primary
    primary_soft: str  # a tint of primary for highlighted boxes; text and links stay readable
    accent: str  # rules and highlights; as text too
    on_accent: str
    focus: str  # focus ring on the light surfaces
    scrim: str  # primary over a photo, as ``r g b / opacity``
    scrim_opacity: float

    def pairs(self) -> list[tuple[str, str, str, float]]:
        """Every (name, foreground, background, minimum) the layout puts together."""
        light = {
            "surface": self.surface,
            "surface_alt": self.surface_alt,
            "primary_soft": self.primary_soft,
        }
        pairs = []
        for name, background in light.items():
            pairs += [
                (f"text on {name}", self.text, background, TEXT_MINIMUM),
                (f"muted on {name}", self.muted, background, TEXT_MINIMUM),
                (f"primary on {name}", self.primary, background, TEXT_MINIMUM),
                (f"accent on {name}", self.accent, background, TEXT_MINIMUM),
                (f"focus on {name}", self.focus, background, UI_MINIMUM),
                (f"input border on {name}", self.muted, background, UI_MINIMUM),
            ]
        pairs += [
            ("on_primary on primary", self.on_primary, self.primary, TEXT_MINIMUM),
            ("on_accent on accent", self.on_accent, self.accent, TEXT_MINIMUM),
            ("focus ring on primary", self.on_primary, self.primary, UI_MINIMUM),
        ]
        return pairs

    def css(self) -> str:
        """The roles as custom properties for ``:root`` (the page's one inline style)."""
        values = {
            "surface": self.surface,
            "surface-alt": self.surface_alt,
            "text": self.text,
            "muted": self.muted,
            "border": self.border,
            "primary": self.primary,
            "on-primary": self.on_primary,
            "primary-soft": self.primary_soft,
            "accent": self.accent,
            "on-accent": self.on_accent,
            "focus": self.focus,
            "scrim": self.scrim,
        }
        return ":root{" + "".join(f"--{name}:{value};" for name, value in values.items()) + "}"


def _away_from(text: str) -> str:
    return BLACK if contrast_ratio(text, WHITE) < contrast_ratio(text, BLACK) else WHITE


def _clean(colour: str | None, default: str) -> str:
    return colour.lower() if colour and HEX.fullmatch(colour) else default


@cache
def colour_roles(theme: str, brand: str | None, accent: str | None) -> ColourRoles:
    """The theme's colour roles with the clinic's brand and accent colours fitted into them.

    Brand and accent become text and links on every light surface of the theme and carry
    text themselves (buttons, the header), so each is darkened until both hold at 4.5:1; the
    tint for highlighted boxes is lightened until text and links on it still do.
    """
    palette = theme_spec(theme).palette
    surfaces = (palette.surface, palette.surface_alt)
    text_choices = (WHITE, palette.text)
    primary = fit(_clean(brand, DEFAULT_BRAND), surfaces, TEXT_MINIMUM)
    on_primary = readable_on(primary, text_choices)
    primary = fit(primary, (on_primary,), TEXT_MINIMUM, towards=_away_from(on_primary))
    accent_colour = fit(_clean(accent, DEFAULT_ACCENT), surfaces, TEXT_MINIMUM)
    on_accent = readable_on(accent_colour, text_choices)
    accent_colour = fit(accent_colour, (on_accent,), TEXT_MINIMUM, towards=_away_from(on_accent))
    readers = (palette.text, palette.muted, primary, accent_colour)
    soft = mix(primary, palette.surface, 0.9)
    step = 0.9
    while step < 1 and min(contrast_ratio(c, soft) for c in readers) < TEXT_MINIMUM:
        step = min(1.0, step + 0.01)
        soft = mix(primary, palette.surface, step)
    muted = fit(palette.muted, (*surfaces, soft), TEXT_MINIMUM)
    focus = fit(palette.text, (*surfaces, soft), UI_MINIMUM)
    opacity = scrim_opacity(primary, on_primary)
    red, green, blue = _rgb(primary)
    return ColourRoles(
        surface=palette.surface,
        surface_alt=palette.surface_alt,
        text=palette.text,
        muted=muted,
        border=palette.border,
        primary=primary,
        on_primary=on_primary,
        primary_soft=soft,
        accent=accent_colour,
        on_accent=on_accent,
        focus=focus,
        scrim=f"rgb({red} {green} {blue} / {opacity:.2f})",
        scrim_opacity=opacity,
    )
