"""Every user-facing string has its Spanish translation (``make i18n-check``, ``make messages``).

The plugin ships one catalogue per language in ``core/locale`` (Django finds it as the
``clinic_pages.core`` app's, and the wheel carries it as package data), holding the strings of
every app. The check runs ``makemessages`` for each language into a scratch copy of that
catalogue, so the checkout is left alone, and fails when a string has no translation or only a
fuzzy one, or when the compiled ``.mo`` is not the ``.po`` as committed; and, since
``makemessages`` sees only strings already marked, it first looks for user-facing literals that
were never marked (``i18n_sources``). ``--update`` writes the
catalogue back and compiles it, for whoever adds strings or translations.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from i18n_sources import untranslatable

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "core" / "locale"
LANGUAGES = ["es"]
# Not the plugin's user-facing code: the example project, tests, tooling and the demo's content.
IGNORED = [
    ".venv",
    ".git",
    "var",
    "build",
    "dist",
    "*.egg-info",
    "node_modules",
    "site",
    "tests",
    "bench",
    "tools",
    "deploy",
    "docs",
    "demo",
    "locale",
    "*/locale",
]


def _makemessages(locale_dir: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings.test")
    import django
    from django.core.management import call_command
    from django.test.utils import override_settings

    django.setup()
    with override_settings(LOCALE_PATHS=[str(locale_dir)]):
        call_command(
            "makemessages",
            locale=LANGUAGES,
            ignore_patterns=IGNORED,
            no_obsolete=True,
            no_location=False,
            add_location="file",
            verbosity=0,
        )


def _catalogue(locale_dir: Path, language: str) -> Path:
    return locale_dir / language / "LC_MESSAGES" / "django.po"


def _problems(po: Path) -> list[str]:
    """Entries without a translation or with a fuzzy one (gettext's msgattrib lists them)."""
    found = []
    for flag, what in (("--untranslated", "untranslated"), ("--only-fuzzy", "fuzzy")):
        listed = subprocess.run(
            ["msgattrib", flag, "--no-obsolete", "--no-wrap", str(po)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        ids = [line[7:-1] for line in listed.splitlines() if line.startswith('msgid "')]
        found += [f"{what}: {msgid}" for msgid in ids if msgid]
    return found


def _compiled(po: Path) -> bytes:
    with tempfile.NamedTemporaryFile(suffix=".mo") as mo:
        subprocess.run(["msgfmt", "--check", "-o", mo.name, str(po)], check=True)
        return Path(mo.name).read_bytes()


def check() -> int:
    failures = [f"not marked for translation: {found}" for found in untranslatable(ROOT)]
    with tempfile.TemporaryDirectory() as scratch:
        locale_dir = Path(scratch) / "locale"
        for language in LANGUAGES:
            _catalogue(locale_dir, language).parent.mkdir(parents=True)
            shutil.copy(_catalogue(CATALOGUES, language), _catalogue(locale_dir, language))
        os.chdir(ROOT)
        _makemessages(locale_dir)
        for language in LANGUAGES:
            failures += [f"{language} {p}" for p in _problems(_catalogue(locale_dir, language))]
    for language in LANGUAGES:
        po = _catalogue(CATALOGUES, language)
        if _compiled(po) != po.with_suffix(".mo").read_bytes():
            failures.append(f"{language}: {po.with_suffix('.mo')} is not compiled from the .po")
    for failure in failures:
        print(failure)
    if failures:
        print(f"{len(failures)} problem(s); add the translations (make messages updates the .po).")
    return 1 if failures else 0


def update() -> int:
    os.chdir(ROOT)
    _makemessages(CATALOGUES)
    for language in LANGUAGES:
        po = _catalogue(CATALOGUES, language)
        po.with_suffix(".mo").write_bytes(_compiled(po))
    return 0


if __name__ == "__main__":
    sys.exit(update() if "--update" in sys.argv[1:] else check())
