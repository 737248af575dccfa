"""The demo clinics as read from ``data/``, checked before the loader writes anything.

``data/clinics.toml`` gives the loading order; each clinic's folder holds ``clinic.toml`` (its
settings, section intros, locations and the page slugs in order), ``questions.toml`` and one file
per page. Every natural key a file uses (a reference, FAQ question, page, location or physician)
must exist, so a typo fails here with the file and key named instead of deep inside the loader.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
from pathlib import Path
from typing import Any

from clinic_pages.demo.blocks import build_stream
from clinic_pages.demo.datafiles import DATA_DIR, DataFiles, DemoDataError
from clinic_pages.demo.spec import (
    ArticleSpec,
    ClinicSpec,
    ConditionSpec,
    DemoSpec,
    OpeningHours,
    PhysicianSpec,
    QuestionSpec,
    ReferenceSpec,
    TreatmentSpec,
)

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# The folders of a clinic holding one file per page, and what each file describes.
PAGE_FOLDERS: dict[str, type] = {
    "physicians": PhysicianSpec,
    "conditions": ConditionSpec,
    "treatments": TreatmentSpec,
    "articles": ArticleSpec,
}


def read_demo(root: Path = DATA_DIR) -> DemoSpec:
    """Read and check every data file; raises :class:`DemoDataError` naming the file and key."""
    files = DataFiles(root)
    references = {
        key: build(ReferenceSpec, table, f"shared/references.toml: {key}")
        for key, table in files.read("shared/references.toml").items()
    }
    order = files.read("clinics.toml")
    slugs = convert(list[str], order.get("clinics"), "clinics.toml: clinics")
    clinics = [_read_clinic(files, slug) for slug in slugs]
    for clinic in clinics:
        _check_links(clinic, set(references))
    return DemoSpec(references=references, clinics=clinics)


# ---------------------------------------------------------------- tables to dataclasses


def build(cls: type, table: Any, where: str) -> Any:
    """A ``cls`` from a table whose keys are its fields, each converted to the field's type."""
    if not isinstance(table, dict):
        raise DemoDataError(where, f"expected a table, not {table!r}")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(table) - set(fields))
    if unknown:
        raise DemoDataError(where, f"unknown key {unknown[0]!r} (expected {', '.join(fields)})")
    missing = [
        name
        for name, f in fields.items()
        if name not in table
        and f.default is dataclasses.MISSING
        and f.default_factory is dataclasses.MISSING
    ]
    if missing:
        raise DemoDataError(where, f"missing key {missing[0]!r}")
    hints = typing.get_type_hints(cls)
    return cls(**{key: convert(hints[key], value, _at(where, key)) for key, value in table.items()})


def _at(where: str, key: str) -> str:
    """``file: key`` for a key of a file, ``file: table.key`` for a key further in."""
    return f"{where}.{key}" if ": " in where else f"{where}: {key}"


def convert(annotation: Any, value: Any, where: str) -> Any:
    """``value`` checked against ``annotation``; tables become dataclasses."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        (annotation,) = (arg for arg in args if arg is not type(None))
        return convert(annotation, value, where)
    if origin is list:
        if not isinstance(value, list):
            raise DemoDataError(where, f"expected a list, not {value!r}")
        return [convert(args[0], item, f"{where}[{i}]") for i, item in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise DemoDataError(where, f"expected a table, not {value!r}")
        return value
    if dataclasses.is_dataclass(annotation):
        return value if isinstance(value, annotation) else build(annotation, value, where)
    if annotation is Any:
        return value
    # bool is an int in Python, but `year = true` is a mistake in a data file.
    if not isinstance(value, annotation) or (annotation is int and isinstance(value, bool)):
        raise DemoDataError(where, f"expected {annotation.__name__}, not {value!r}")
    return value


# ---------------------------------------------------------------- one clinic


def _read_clinic(files: DataFiles, slug: str) -> ClinicSpec:
    where = f"{slug}/clinic.toml"
    table = files.read(where)
    pages = {
        folder: _read_pages(files, slug, folder, cls, table.pop(folder, []))
        for folder, cls in PAGE_FOLDERS.items()
    }
    questions = _read_questions(files, f"{slug}/questions.toml")
    name = convert(str, table.get("practice_name", ""), f"{where}: practice_name")
    # What every clinic says in the same words, with the clinic's name filled in.
    shared = files.read("shared/clinic.toml")
    for key, value in shared.items():
        if isinstance(value, str):
            try:
                shared[key] = value.format(practice_name=name)
            except (KeyError, IndexError, ValueError) as exc:
                raise DemoDataError(
                    f"shared/clinic.toml: {key}", "only {practice_name} may stand in braces"
                ) from exc
    # Every page shows the disclaimer, so the demo says there that it is demo content.
    notice = shared.pop("demo_notice", "")
    if notice and "disclaimer" in table:
        table["disclaimer"] = f"{notice}\n\n{table['disclaimer']}"
    clinic = build(
        ClinicSpec, {**shared, **table, "slug": slug, **pages, "questions": questions}, where
    )
    for i, location in enumerate(clinic.locations):
        for j, hours in enumerate(location.hours):
            _check_hours(hours, f"{where}: locations[{i}].hours[{j}]")
    return clinic


def _read_pages(files: DataFiles, slug: str, folder: str, cls: type, listed: Any) -> list:
    """The pages ``clinic.toml`` lists under ``folder``, in its order; each is one file."""
    where = f"{slug}/clinic.toml: {folder}"
    listed = convert(list[str], listed, where)
    present = files.files(f"{slug}/{folder}")
    if len(set(listed)) != len(listed) or sorted(listed) != present:
        raise DemoDataError(
            where, f"lists {listed} but {slug}/{folder}/ holds {[f'{p}.toml' for p in present]}"
        )
    pages = []
    for page in listed:
        path = f"{slug}/{folder}/{page}.toml"
        table = files.read(path)
        if "slug" in table:
            raise DemoDataError(f"{path}: slug", "the file name is the page's slug")
        pages.append(build(cls, {**table, "slug": page}, path))
    return pages


@dataclasses.dataclass
class _Answer:
    question: str
    answer: str


@dataclasses.dataclass
class _Topic:
    topic: str
    questions: list[_Answer]


def _read_questions(files: DataFiles, path: str) -> list[QuestionSpec]:
    """FAQ entries topic by topic; each topic orders its questions as the file lists them."""
    table = files.read(path)
    if set(table) != {"topics"}:
        raise DemoDataError(path, "expected only [[topics]] tables")
    topics = convert(list[_Topic], table["topics"], f"{path}: topics")
    questions = [
        QuestionSpec(topic.topic, item.question, item.answer, position)
        for topic in topics
        for position, item in enumerate(topic.questions, 1)
    ]
    _check_unique([q.question for q in questions], path, "question")
    return questions


def _check_hours(hours: OpeningHours, where: str) -> None:
    if hours.weekday not in WEEKDAYS:
        raise DemoDataError(f"{where}.weekday", f"expected one of {', '.join(WEEKDAYS)}")
    for key in ("opens", "closes"):
        value = getattr(hours, key)
        try:
            if value:
                datetime.time.fromisoformat(value)
        except ValueError as exc:
            raise DemoDataError(f"{where}.{key}", f"expected a time like '08:30' ({exc})") from exc


def _check_unique(values: list[str], where: str, what: str) -> None:
    seen = set()
    for value in values:
        if value in seen:
            raise DemoDataError(where, f"{what} {value!r} appears twice (it is a natural key)")
        seen.add(value)


# ---------------------------------------------------------------- natural keys

# The keys of each kind of page (and of clinic.toml) that name other things, and what they name:
# a page folder, the clinic's locations or the shared references.
LINKS: dict[str, dict[str, str]] = {
    "clinic": {"featured_treatment_slugs": "treatments"},
    "physicians": {"location_names": "locations", "treatment_slugs": "treatments"},
    "conditions": {},
    "treatments": {
        "condition_slugs": "conditions",
        "related_slugs": "treatments",
        "reference_keys": "references",
        "reviewer_slug": "physicians",
    },
    "articles": {"author_slug": "physicians", "related_treatment_slugs": "treatments"},
}


class KnownKeys:
    """:class:`~clinic_pages.demo.blocks.Links` that only check a key exists."""

    def __init__(self, clinic: ClinicSpec, references: set[str]):
        self.clinic = clinic
        self.names: dict[str, set[str]] = {
            "references": references,
            "locations": {location.name for location in clinic.locations},
            "questions": {q.question for q in clinic.questions},
        }
        self.pages = {"appointments", "faq"}
        for folder in PAGE_FOLDERS:
            self.names[folder] = {page.slug for page in getattr(clinic, folder)}
            self.pages |= {folder} | {f"{folder}/{slug}" for slug in self.names[folder]}

    def source(self, name: str) -> str:
        """Where the names of ``name`` come from, for an error message."""
        if name == "references":
            return "shared/references.toml"
        if name == "questions":
            return f"the questions in {self.clinic.slug}/questions.toml"
        if name in PAGE_FOLDERS:
            return f"the files in {self.clinic.slug}/{name}/"
        return f"the {name} in {self.clinic.slug}/clinic.toml"

    def check(self, where: str, name: str, values: str | list[str]) -> None:
        for value in [values] if isinstance(values, str) else values:
            if value and value not in self.names[name]:
                raise DemoDataError(where, f"{value!r} is not one of {self.source(name)}")

    def ref(self, key: str) -> str:
        self.check("reference", "references", key)
        return key

    def question(self, text: str) -> str:
        self.check("question", "questions", text)
        return text

    def page(self, path: str) -> str:
        if path not in self.pages:
            raise DemoDataError(
                f"page {path!r}", f"no such page in {self.clinic.slug}, e.g. 'treatments/<slug>'"
            )
        return path


def _check_links(clinic: ClinicSpec, references: set[str]) -> None:
    """Every natural key a clinic's files use names something that exists."""
    known = KnownKeys(clinic, references)
    where = f"{clinic.slug}/clinic.toml"
    _check_unique([location.name for location in clinic.locations], where, "location")
    if not clinic.physicians:
        raise DemoDataError(f"{where}: physicians", "name at least one")
    for key, name in LINKS["clinic"].items():
        known.check(f"{where}: {key}", name, getattr(clinic, key))
    for folder in PAGE_FOLDERS:
        for page in getattr(clinic, folder):
            path = f"{clinic.slug}/{folder}/{page.slug}.toml"
            for key, name in LINKS[folder].items():
                known.check(f"{path}: {key}", name, getattr(page, key))
            build_stream(getattr(page, "body", []), known, path)
