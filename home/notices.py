"""The notices a US practice shows on every page's footer, and the taglines its
non-discrimination notice carries (data file ``home/data/language_taglines.toml``)."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _

TAGLINES_FILE = Path(__file__).parent / "data" / "language_taglines.toml"


class NoticeKind(models.TextChoices):
    PRIVACY = "privacy", _("Notice of Privacy Practices")
    NONDISCRIMINATION = "nondiscrimination", _("Non-discrimination and language assistance")
    ACCESSIBILITY = "accessibility", _("Accessibility statement")
    OTHER = "other", _("Other notice")


@dataclass(frozen=True)
class Tagline:
    lang: str
    language: str
    text: str
    dir: str = "ltr"


@functools.cache
def language_taglines() -> tuple[Tagline, ...]:
    with TAGLINES_FILE.open("rb") as data:
        return tuple(Tagline(**row) for row in tomllib.load(data)["taglines"])
