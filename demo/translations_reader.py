"""A clinic's pages in another language, as read from ``data/<clinic>/<language>/``.

A translation folder holds the visitor-facing text of the clinic's English files with the same
keys (``data/README.md``): ``clinic.toml`` (settings texts, home page, section intros, the
appointment page, the locations paired by position), ``questions.toml`` (each question names the
English question it ``translates``) and one file per translated page under ``physicians/`` and
``treatments/``, named as the English page. Shared entries come from ``shared/<language>/``.
Every key is checked against the English clinic before the loader writes anything.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from clinic_pages.demo.blocks import build_stream
from clinic_pages.demo.datafiles import DATA_DIR, SHARED, DataFiles, DemoDataError
from clinic_pages.demo.reader import LINKS, KnownKeys, build, convert
from clinic_pages.demo.spec import ClinicSpec, ClinicTexts, PhysicianSpec, TreatmentSpec

# The page folders a translation may hold, and what each file describes.
TRANSLATED_FOLDERS: dict[str, type] = {"physicians": PhysicianSpec, "treatments": TreatmentSpec}


@dataclasses.dataclass
class LocationText:
    """An office's visitor-facing text; ``name`` is the office's name in this language."""

    name: str
    parking_and_access: str = ""
    transit: str = ""


@dataclasses.dataclass
class TranslatedQuestion:
    topic: str
    question: str
    answer: str
    translates: str  # the exact English question
    sort_order: int


@dataclasses.dataclass
class ClinicTranslation(ClinicTexts):
    """The clinic's words in ``language``; names, phones, colours and hours stay as in English."""

    language: str
    locations: list[LocationText]
    questions: list[TranslatedQuestion] = dataclasses.field(default_factory=list)
    # Keyed by the English page's slug (the file name); a treatment gives its own ``slug``.
    physicians: dict[str, PhysicianSpec] = dataclasses.field(default_factory=dict)
    treatments: dict[str, TreatmentSpec] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class _Answer:
    question: str
    answer: str
    translates: str


@dataclasses.dataclass
class _Topic:
    topic: str
    questions: list[_Answer]


def translation_languages(clinic: ClinicSpec, root: Path = DATA_DIR) -> list[str]:
    """The languages the clinic's folder holds a translation for (``es`` for ``<clinic>/es/``)."""
    folder = root / clinic.slug
    return sorted(path.parent.name for path in folder.glob("*/clinic.toml"))


def read_translations(
    clinic: ClinicSpec, references: set[str], root: Path = DATA_DIR
) -> list[ClinicTranslation]:
    """Every translation of the clinic, checked; :class:`DemoDataError` names file and key."""
    return [
        read_translation(clinic, language, references, root)
        for language in translation_languages(clinic, root)
    ]


def read_translation(
    clinic: ClinicSpec, language: str, references: set[str], root: Path = DATA_DIR
) -> ClinicTranslation:
    files = DataFiles(root, shared=f"{SHARED}/{language}")
    folder = f"{clinic.slug}/{language}"
    where = f"{folder}/clinic.toml"
    shared = files.read(f"{SHARED}/{language}/clinic.toml")
    for key, value in shared.items():
        if isinstance(value, str):
            shared[key] = value.format(practice_name=clinic.practice_name)
    table = files.read(where)
    notice = shared.pop("demo_notice", "")
    if notice and "disclaimer" in table:
        table["disclaimer"] = f"{notice}\n\n{table['disclaimer']}"
    translation = build(
        ClinicTranslation,
        {
            **shared,
            **table,
            "language": language,
            "questions": _read_questions(files, clinic, f"{folder}/questions.toml"),
        },
        where,
    )
    if len(translation.locations) != len(clinic.locations):
        raise DemoDataError(
            f"{where}: locations",
            f"expected {len(clinic.locations)} (one per office of ../clinic.toml, in its order)",
        )
    for name, cls in TRANSLATED_FOLDERS.items():
        setattr(translation, name, _read_pages(files, clinic, folder, name, cls))
    _check_links(clinic, translation, references, folder)
    return translation


def _read_questions(files: DataFiles, clinic: ClinicSpec, path: str) -> list[TranslatedQuestion]:
    if not (files.root / path).is_file():
        return []
    table = files.read(path)
    if set(table) != {"topics"}:
        raise DemoDataError(path, "expected only [[topics]] tables")
    topics = convert(list[_Topic], table["topics"], f"{path}: topics")
    english = {question.question for question in clinic.questions}
    questions = []
    for topic in topics:
        for position, item in enumerate(topic.questions, 1):
            if item.translates not in english:
                raise DemoDataError(
                    f"{path}: translates",
                    f"{item.translates!r} is not a question of ../questions.toml",
                )
            questions.append(
                TranslatedQuestion(
                    topic.topic, item.question, item.answer, item.translates, position
                )
            )
    for key in ("question", "translates"):
        values = [getattr(question, key) for question in questions]
        if len(set(values)) != len(values):
            raise DemoDataError(path, f"a {key} appears twice (it is a natural key)")
    return questions


def _read_pages(
    files: DataFiles, clinic: ClinicSpec, folder: str, name: str, cls: type
) -> dict[str, object]:
    """The translated pages of one folder, keyed by the English page's slug."""
    english = {page.slug: page for page in getattr(clinic, name)}
    pages = {}
    for slug in files.files(f"{folder}/{name}"):
        path = f"{folder}/{name}/{slug}.toml"
        if slug not in english:
            raise DemoDataError(path, f"no English page {name}/{slug}.toml to translate")
        table = files.read(path)
        if cls is TreatmentSpec and "slug" not in table:
            raise DemoDataError(f"{path}: slug", "a translated treatment names its own slug")
        pages[slug] = build(cls, {"slug": slug, **table}, path)
    return pages


def _check_links(
    clinic: ClinicSpec, translation: ClinicTranslation, references: set[str], folder: str
) -> None:
    """Keys name what exists: English pages and offices, references, questions of this file."""
    known = KnownKeys(clinic, references)
    known.names["questions"] = {question.question for question in translation.questions}
    for name in TRANSLATED_FOLDERS:
        for slug, page in getattr(translation, name).items():
            path = f"{folder}/{name}/{slug}.toml"
            for key, target in LINKS[name].items():
                known.check(f"{path}: {key}", target, getattr(page, key))
            build_stream(getattr(page, "body", []), known, path)
