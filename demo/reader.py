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
    return cls(
        **{key: convert(hints[key], value, f"{where}.{key}") for key, value in table.items()}
    )


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
    shared = {
        key: value.format(practice_name=name) if isinstance(value, str) else value
        for key, value in files.read("shared/clinic.toml").items()
    }
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


def _check_hours(hours, where: str) -> None:
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


class KnownKeys:
    """:class:`~clinic_pages.demo.blocks.Links` that only check a key exists."""

    def __init__(self, clinic: ClinicSpec, references: set[str]):
        self.clinic = clinic
        self.references = references
        self.questions = {q.question for q in clinic.questions}
        self.pages = {"appointments", "faq"}
        for folder in PAGE_FOLDERS:
            self.pages.add(folder)
            self.pages.update(f"{folder}/{page.slug}" for page in getattr(clinic, folder))

    def ref(self, key: str) -> str:
        if key not in self.references:
            raise DemoDataError(f"reference {key!r}", "not in shared/references.toml")
        return key

    def question(self, text: str) -> str:
        if text not in self.questions:
            raise DemoDataError(f"question {text!r}", f"not in {self.clinic.slug}/questions.toml")
        return text

    def page(self, path: str) -> str:
        if path not in self.pages:
            raise DemoDataError(
                f"page {path!r}", f"{self.clinic.slug} has no such page, e.g. 'treatments/<slug>'"
            )
        return path


def _check_links(clinic: ClinicSpec, references: set[str]) -> None:
    known = KnownKeys(clinic, references)
    slugs = {folder: {page.slug for page in getattr(clinic, folder)} for folder in PAGE_FOLDERS}
    locations = [location.name for location in clinic.locations]
    _check_unique(locations, f"{clinic.slug}/clinic.toml: locations", "location")
    if not clinic.physicians:
        raise DemoDataError(f"{clinic.slug}/clinic.toml: physicians", "name at least one")

    def check(path: str, key: str, values: list[str], allowed: set[str], folder: str) -> None:
        for value in values:
            if value not in allowed:
                raise DemoDataError(f"{path}: {key}", f"{value!r} is not one of {folder}")

    treatments = f"{clinic.slug}/treatments/"
    check(
        f"{clinic.slug}/clinic.toml",
        "featured_treatment_slugs",
        clinic.featured_treatment_slugs,
        slugs["treatments"],
        treatments,
    )
    for p in clinic.physicians:
        path = f"{clinic.slug}/physicians/{p.slug}.toml"
        check(path, "location_names", p.location_names, set(locations), "the clinic's locations")
        check(path, "treatment_slugs", p.treatment_slugs, slugs["treatments"], treatments)
    for c in clinic.conditions:
        build_stream(c.body, known, f"{clinic.slug}/conditions/{c.slug}.toml")
    for t in clinic.treatments:
        path = f"{clinic.slug}/treatments/{t.slug}.toml"
        conditions = f"{clinic.slug}/conditions/"
        check(path, "condition_slugs", t.condition_slugs, slugs["conditions"], conditions)
        check(path, "related_slugs", t.related_slugs, slugs["treatments"], treatments)
        check(path, "reference_keys", t.reference_keys, references, "shared/references.toml")
        reviewers = [t.reviewer_slug] if t.reviewer_slug else []
        physicians = f"{clinic.slug}/physicians/"
        check(path, "reviewer_slug", reviewers, slugs["physicians"], physicians)
        build_stream(t.body, known, path)
    for a in clinic.articles:
        path = f"{clinic.slug}/articles/{a.slug}.toml"
        check(
            path, "author_slug", [a.author_slug], slugs["physicians"], f"{clinic.slug}/physicians/"
        )
        check(
            path,
            "related_treatment_slugs",
            a.related_treatment_slugs,
            slugs["treatments"],
            treatments,
        )
        build_stream(a.body, known, path)
