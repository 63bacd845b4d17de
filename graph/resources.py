"""Locate the data files the package ships (``data/`` in the repository).

A wheel carries them as ``graph/_data``; an editable install reads the
repository's ``data/`` folder directly. Nothing here reads ``../shared``.
"""

from __future__ import annotations

from pathlib import Path

from graph.errors import SkgError

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The folder of shipped data files."""
    for candidate in (_PACKAGE_DIR / "_data", _PACKAGE_DIR.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise SkgError(
        "the package data folder is missing",
        hint="reinstall stakeholder-graph (`pip install -e .` from the repository)",
    )


def data_path(*parts: str) -> Path:
    """Path of one shipped data file, e.g. ``data_path("actors", "known.tsv")``."""
    return data_dir().joinpath(*parts)
