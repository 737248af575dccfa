"""Reading the demo's TOML files: wrapped prose, shared entries and errors that name the file.

Two conventions keep the files pleasant to edit (``data/README.md`` explains them to editors):

* Prose may be wrapped over several lines. Lines are joined with a space and a blank line
  separates paragraphs, so a wrapped text reads back exactly as if written on one line.
* A table with a ``shared`` key stands for an entry of ``data/shared/``: ``shared =
  "ketamine.myths"`` is the ``myths`` entry of ``shared/ketamine.toml``. Where that entry is a
  table, the other keys beside ``shared`` replace the entry's own.
"""

from __future__ import annotations

import copy
import re
import tomllib
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

DATA_DIR = Path(__file__).parent / "data"
SHARED = "shared"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


class DemoDataError(CommandError):
    """A demo data file that cannot be loaded, named with the key at fault."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")


def unwrap(text: str) -> str:
    """Join wrapped lines with a space; blank lines stay paragraph breaks ("\\n\\n")."""
    if "\n" not in text:
        return text
    paragraphs = _PARAGRAPH_BREAK.split(text.strip())
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def _unwrap_all(value: Any) -> Any:
    if isinstance(value, str):
        return unwrap(value)
    if isinstance(value, dict):
        return {key: _unwrap_all(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_unwrap_all(item) for item in value]
    return value


class DataFiles:
    """The data folder: TOML files read once each, with ``shared`` entries filled in."""

    def __init__(self, root: Path = DATA_DIR, shared: str = SHARED):
        # ``shared`` is the folder of shared entries: ``shared/es`` for the Spanish files.
        self.root = root
        self.shared = shared
        self._cache: dict[Path, dict[str, Any]] = {}
        self._reading: set[Path] = set()

    def read(self, relative: str) -> dict[str, Any]:
        """The file's table with wrapped prose joined and ``shared`` entries filled in."""
        path = self.root / relative
        if path not in self._cache:
            if not path.is_file():
                raise DemoDataError(relative, "no such file")
            if path in self._reading:
                raise DemoDataError(relative, "its shared entries refer back to this file")
            try:
                with path.open("rb") as file:
                    raw = tomllib.load(file)
            except tomllib.TOMLDecodeError as exc:
                raise DemoDataError(relative, f"not valid TOML ({exc})") from exc
            self._reading.add(path)
            try:
                self._cache[path] = self._resolve(_unwrap_all(raw), relative, "")
            finally:
                self._reading.discard(path)
        return copy.deepcopy(self._cache[path])

    def files(self, folder: str) -> list[str]:
        """Slugs of the ``*.toml`` files in ``folder``, to spot a page that is not listed."""
        return sorted(path.stem for path in (self.root / folder).glob("*.toml"))

    def _resolve(self, value: Any, file: str, key: str) -> Any:
        if isinstance(value, list):
            return [self._resolve(item, file, f"{key}[{i}]") for i, item in enumerate(value)]
        if not isinstance(value, dict):
            return value
        resolved = {
            name: self._resolve(item, file, f"{key}.{name}" if key else name)
            for name, item in value.items()
            if name != "shared"
        }
        if "shared" not in value:
            return resolved
        where = f"{file}: {key}.shared" if key else f"{file}: shared"
        entry = self._shared(value["shared"], where)
        if not isinstance(entry, dict):
            if resolved:
                raise DemoDataError(where, f"{value['shared']!r} is not a table to add keys to")
            return entry
        return {**entry, **resolved}

    def _shared(self, name: Any, where: str) -> Any:
        if not isinstance(name, str) or "." not in name:
            raise DemoDataError(where, f"expected 'file.key', e.g. 'ketamine.myths', not {name!r}")
        file, *keys = name.split(".")
        relative = f"{self.shared}/{file}.toml"
        if not (self.root / relative).is_file():
            raise DemoDataError(where, f"no shared file {relative} for {name!r}")
        entry: Any = self.read(relative)
        for depth, key in enumerate(keys):
            if not isinstance(entry, dict) or key not in entry:
                found = ".".join([file, *keys[:depth]])
                raise DemoDataError(where, f"no shared entry {name!r} ({found} has no {key!r})")
            entry = entry[key]
        return copy.deepcopy(entry)
