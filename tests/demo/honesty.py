"""Checks that keep the demo honest, as functions returning what they found wrong.

Each returns a list of problems (empty when all is well), so the tests can assert both that the
shipped data passes and that a broken copy of it is caught. The source text is the clinic facts
file (``sources/clinic-facts.md``, a copy of the project's shared facts): the demo states those
facts in its own words, so no run of ``RUN`` words may appear in both.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from clinic_pages.demo.spec import ClinicSpec, DemoSpec, PhysicianSpec

FACTS = Path(__file__).parent / "sources" / "clinic-facts.md"
RUN = 8
# Phrases the issue found copied from the sources, kept even if the facts file is reworded.
SOURCE_PHRASES = [
    "The long-term effects of repeated infusions are not well understood",
    "Bladder and kidney problems with long-term, high-dose use",
]
FICTIONAL_PHONE = re.compile(r"^\(\d{3}\) 555-01\d\d$")
PHONE_LIKE = re.compile(r"\(?\b\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b")
EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
FICTIONAL_DOMAIN = re.compile(r"(^|\.)example\.com$|\.test$")
TAG = re.compile(r"<[^>]+>")


def words(text: str) -> list[str]:
    """Lower-case words and numbers, markup dropped: how a reader would compare two texts."""
    return re.findall(r"[a-z0-9]+", TAG.sub(" ", text).lower())


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def source_runs() -> set[tuple[str, ...]]:
    found = runs(FACTS.read_text())
    for phrase in SOURCE_PHRASES:
        found |= runs(phrase)
    return found


def real_clinicians() -> set[str]:
    """Family names of the real physicians the facts file names (``Physician: **Dr. X**``)."""
    return set(re.findall(r"Physician: \*\*Dr\. ([\w'-]+)\*\*", FACTS.read_text()))


def texts(value: Any, where: str) -> Iterator[tuple[str, str]]:
    """Every string in a spec (dataclasses, lists, block tables), with where it sits."""
    if isinstance(value, str):
        yield where, value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from texts(getattr(value, f.name), f"{where}.{f.name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from texts(item, f"{where}[{i}]")


def clinic_texts(clinic: ClinicSpec, skip: set[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """The clinic's words; physicians whose family name is in ``skip`` are left out."""
    for f in dataclasses.fields(clinic):
        value = getattr(clinic, f.name)
        if f.name == "physicians":
            value = [p for p in value if p.family_name not in skip]
        yield from texts(value, f"{clinic.slug}.{f.name}")


# ----------------------------------------------------------------- the checks


def copied_runs(demo: DemoSpec) -> list[str]:
    """Demo text sharing a run of RUN words with the sources (the references are citations)."""
    sources = source_runs()
    return [
        f"{where}: '{' '.join(sorted(shared)[0])}'"
        for clinic in demo.clinics
        for where, text in clinic_texts(clinic)
        if (shared := runs(text) & sources)
    ]


def _physicians(clinic: ClinicSpec) -> dict[str, PhysicianSpec]:
    return {p.slug: p for p in clinic.physicians}


def signers(clinic: ClinicSpec) -> list[tuple[str, str]]:
    """(what, physician slug) for every review stamp and byline the loader sets.

    The first physician reviews conditions and treatments that name no reviewer, and the demo
    reviewer account signs approvals as that physician.
    """
    first = clinic.physicians[0].slug
    found = [(f"{clinic.slug}: the demo reviewer account", first)]
    found += [(f"{clinic.slug}/conditions/{c.slug}", first) for c in clinic.conditions]
    found += [
        (f"{clinic.slug}/treatments/{t.slug}", t.reviewer_slug or first) for t in clinic.treatments
    ]
    found += [(f"{clinic.slug}/articles/{a.slug}", a.author_slug) for a in clinic.articles]
    return found


def real_signers(demo: DemoSpec) -> list[str]:
    """Review stamps or bylines given to anyone but a physician marked fictional."""
    real = real_clinicians()
    problems = []
    for clinic in demo.clinics:
        physicians = _physicians(clinic)
        for what, slug in signers(clinic):
            physician = physicians[slug]
            if physician.family_name in real or "fictional" not in physician.job_title:
                problems.append(f"{what} is signed by {physician.family_name}")
    return problems


def real_clinician_mentions(demo: DemoSpec) -> list[str]:
    """A real clinician named anywhere but their own profile, or a profile not marked as demo."""
    real = real_clinicians()
    problems = []
    for clinic in demo.clinics:
        for where, text in clinic_texts(clinic, skip=real):
            problems += [f"{where} names {name}" for name in real if name in text]
        for physician in clinic.physicians:
            if physician.family_name in real and not physician.bio.startswith("Demo content"):
                problems.append(f"{clinic.slug}/physicians/{physician.slug}: bio not marked demo")
    return problems


def ketamine_pages(demo: DemoSpec) -> Iterator[tuple[str, list[dict]]]:
    for clinic in demo.clinics:
        for treatment in clinic.treatments:
            if "ketamine" in treatment.slug:
                yield f"{clinic.slug}/treatments/{treatment.slug}", treatment.body


def missing_contraindications(demo: DemoSpec) -> list[str]:
    return [
        where
        for where, body in ketamine_pages(demo)
        if not any(b["type"] == "side_effects" and b.get("contraindications") for b in body)
    ]


def missing_caveat(demo: DemoSpec, caveat: dict) -> list[str]:
    """Ketamine pages without the shared callout on how weak the evidence is."""
    return [
        where
        for where, body in ketamine_pages(demo)
        if not any(b["type"] == "callout" and b.get("text") == caveat["text"] for b in body)
    ]


def real_contacts(demo: DemoSpec) -> list[str]:
    """Phone numbers outside 555-0100..0199 and e-mail addresses outside example.com / .test."""
    problems = []
    for clinic in demo.clinics:
        items = [*clinic_texts(clinic), (f"{clinic.slug}.email", clinic.email)]
        for where, text in items:
            for number in PHONE_LIKE.findall(text):
                if not FICTIONAL_PHONE.match(number):
                    problems.append(f"{where}: {number}")
            for domain in EMAIL.findall(text):
                if not FICTIONAL_DOMAIN.search(domain.lower()):
                    problems.append(f"{where}: {domain}")
    return problems


def cited_keys(body: list[dict]) -> list[str]:
    """References the body's evidence findings and protocol steps cite, in order of citation."""
    keys: list[str] = []
    for block in body:
        for finding in block.get("findings", []) if block["type"] == "evidence" else []:
            keys += finding["references"]
        for step in block.get("steps", []) if block["type"] == "protocol" else []:
            keys += [step["reference"]] if step.get("reference") else []
    return list(dict.fromkeys(keys))


def uncited_references(demo: DemoSpec) -> list[str]:
    """Pages whose reference list is not exactly the sources their body cites."""
    return [
        f"{clinic.slug}/treatments/{t.slug}: lists {t.reference_keys}, cites {cited_keys(t.body)}"
        for clinic in demo.clinics
        for t in clinic.treatments
        if t.reference_keys != cited_keys(t.body)
    ]


def unattributed_references(demo: DemoSpec) -> list[str]:
    """References with neither authors and a year nor their identifier in the title."""
    problems = []
    for key, ref in demo.references.items():
        identifiers = [i for i in (ref.pmcid, ref.bookshelf_id, str(ref.pmid or "")) if i]
        if not (ref.authors and ref.year) and not any(i in ref.title for i in identifiers):
            problems.append(f"{key}: {ref.title!r}")
    return problems
