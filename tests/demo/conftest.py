"""Demo-data tests: a throwaway copy of the shipped data files to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clinic_pages.demo.datafiles import DATA_DIR


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(DATA_DIR, root)
    return root


def edit_copy(root: Path, relative: str, old: str, new: str) -> None:
    """Replace the first ``old`` in one file of a data copy, as a careless editor might."""
    path = root / relative
    text = path.read_text()
    assert old in text, f"{old!r} is not in {relative}"
    path.write_text(text.replace(old, new, 1))
