"""Turn the user's input arguments into raw sources: files, folders, stdin, URLs.

Each :class:`RawSource` carries a ``key`` that is the same on every machine
(the path relative to the folder argument, the file name of a single-file
argument, the URL, or ``stdin``); article ids and the documents' ``source``
are derived from it, so the same files read from another folder (or through a
relative instead of an absolute path) give the same documents and the same
graph. Where a file was actually read from is its ``origin`` (the absolute
path), which only the corpus store's provenance keeps.
Folders are walked recursively in sorted order so that every run sees the
inputs in the same sequence (ids, duplicate links and reports stay stable).
Hidden files and Markdown files (a folder's README, MANIFEST …: documentation
of the corpus, not news) are skipped in folder walks; a Markdown file named
explicitly is read as plain text.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.ingest.failures import InputFailure
from graph.ingest.fetch import fetch_url, is_url


@dataclass(frozen=True)
class RawSource:
    """One input's bytes plus where they came from."""

    key: str  # stable across machines: relative path, file name, URL or "stdin"
    location: str  # what the user recognises: the path as given, or the URL
    data: bytes
    url: str | None = None
    suffix: str = ""  # lower-case file extension, "" for stdin and most URLs
    origin: str = ""  # the absolute path (or URL, or "-") for the corpus store's provenance


def origin_of(location: str) -> str:
    """The absolute form of a location as given (URLs and ``-`` stay as they are).

    ``os.path.abspath`` rather than ``Path.resolve``: it never follows links, so a
    symbolic-link loop cannot make it fail.
    """
    if location == "-" or is_url(location):
        return location
    return os.path.abspath(location)


def _too_big(size: int, settings: Any) -> bool:
    return size > float(settings.max_file_mb) * 1024 * 1024


def _size_failure(location: str, settings: Any) -> InputFailure:
    return InputFailure(location, None, f"the input is larger than {settings.max_file_mb} MiB",
                        "split it into smaller files or raise SKG_MAX_FILE_MB")


def _read_file(path: Path, key: str, settings: Any) -> RawSource | InputFailure:
    location = str(path)
    try:
        if _too_big(path.stat().st_size, settings):
            return _size_failure(location, settings)
        data = path.read_bytes()
    except OSError as exc:
        return InputFailure(location, None, f"cannot read the file ({exc.strerror or exc})",
                            "check that it exists and that you may read it")
    return RawSource(key, location, data, suffix=path.suffix.lower(), origin=origin_of(location))


SKIPPED_IN_FOLDERS = (".md", ".markdown")


def _walk(folder: Path) -> list[Path]:
    """Files below ``folder`` in sorted order, skipping hidden files/folders and Markdown docs."""
    found = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.suffix.lower() in SKIPPED_IN_FOLDERS:
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _read_stdin(settings: Any) -> RawSource | InputFailure:
    limit = int(float(settings.max_file_mb) * 1024 * 1024)
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        return _size_failure("-", settings)
    return RawSource("stdin", "-", data, origin="-")


def _one(arg: str, settings: Any) -> Iterator[RawSource | InputFailure]:
    if arg == "-":
        yield _read_stdin(settings)
        return
    if is_url(arg):
        yield fetch_url(arg, settings)
        return
    path = Path(arg)
    if path.is_dir():
        for file in _walk(path):
            yield _read_file(file, file.relative_to(path).as_posix(), settings)
    elif path.is_file():
        yield _read_file(path, path.name, settings)
    else:
        yield InputFailure(arg, None, "no such file or folder",
                           "check the path; URLs must start with http:// or https://")


def iter_sources(inputs: Sequence[str], settings: Any) -> Iterator[RawSource | InputFailure]:
    """Every raw source named by ``inputs``, lazily and in a stable order."""
    for arg in inputs:
        yield from _one(arg, settings)


def count_sources(inputs: Sequence[str]) -> int:
    """How many sources ``inputs`` name (for a progress bar), without reading them."""
    total = 0
    for arg in inputs:
        path = Path(arg)
        if arg != "-" and not is_url(arg) and path.is_dir():
            total += len(_walk(path))
        else:
            total += 1
    return total
