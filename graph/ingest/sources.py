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
explicitly is read as plain text. What a walk cannot read (see
:mod:`graph.ingest.walk`) is one failure each. No file is read beyond
``max_file_mb``, whatever its size claimed when the walk saw it.
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
from graph.ingest.walk import classify, printable, walk


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
    return printable(os.path.abspath(location))


def _limit(settings: Any) -> int:
    return int(float(settings.max_file_mb) * 1024 * 1024)


def _size_failure(location: str, settings: Any) -> InputFailure:
    return InputFailure(location, None, f"the input is larger than {settings.max_file_mb} MiB",
                        "split it into smaller files or raise SKG_MAX_FILE_MB")


def _read_file(path: Path, key: str, location: str, settings: Any) -> RawSource | InputFailure:
    """The file's bytes, read up to the size limit (a file that grows while read is still refused)."""
    limit = _limit(settings)
    try:
        if os.stat(path).st_size > limit:
            return _size_failure(location, settings)
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        return InputFailure(location, None, f"cannot read the file ({exc.strerror or exc})",
                            "check that it exists and that you may read it")
    if len(data) > limit:
        return _size_failure(location, settings)
    return RawSource(key, location, data, suffix=path.suffix.lower(), origin=printable(os.path.abspath(path)))


def _read_stdin(settings: Any) -> RawSource | InputFailure:
    limit = _limit(settings)
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        return _size_failure("-", settings)
    return RawSource("stdin", "-", data, origin="-")


def _folder(path: Path, settings: Any) -> Iterator[RawSource | InputFailure]:
    for entry in walk(path):
        location = printable(str(entry.path))
        if entry.problem is not None:
            yield InputFailure(location, None, *entry.problem)
        else:
            yield _read_file(entry.path, entry.rel, location, settings)


def _one(arg: str, settings: Any) -> Iterator[RawSource | InputFailure]:
    if arg == "-":
        yield _read_stdin(settings)
        return
    if is_url(arg):
        yield fetch_url(arg, settings)
        return
    path = Path(arg)
    kind, problem = classify(path)
    if kind == "dir":
        yield from _folder(path, settings)
    elif kind == "file":
        yield _read_file(path, printable(path.name), printable(arg), settings)
    else:
        assert problem is not None
        yield InputFailure(printable(arg), None, *problem)


def iter_sources(inputs: Sequence[str], settings: Any) -> Iterator[RawSource | InputFailure]:
    """Every raw source named by ``inputs``, lazily and in a stable order."""
    for arg in inputs:
        yield from _one(arg, settings)


def count_sources(inputs: Sequence[str]) -> int:
    """How many sources ``inputs`` name (for a progress bar), without reading them."""
    total = 0
    for arg in inputs:
        path = Path(arg)
        if arg != "-" and not is_url(arg) and classify(path)[0] == "dir":
            total += len(walk(path))
        else:
            total += 1
    return total
