"""Walk an input folder (or check one path) without surprises: sorted, bounded, every problem named.

Why not ``Path.rglob``: it silently skips what it cannot read (a folder without
read permission, a broken or looping symbolic link, a FIFO), so a user never
learns that part of the corpus was not ingested. Here every such entry becomes
one :class:`Entry` with a problem (message and what to do), which the caller
turns into exactly one failure line. Links to files are read; links to folders
are never followed (that is how loops such as ``sub/up -> ..`` cannot happen)
and are reported instead, so the user can name the linked folder itself.

File names that are not valid UTF-8 (legacy archives) are shown with
backslash escapes (``caf\\xe9.txt``): the same on every run, and storable in
the corpus store, which holds text only.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

SKIPPED_IN_FOLDERS = (".md", ".markdown")
Problem = tuple[str, str]  # (message, hint)

NOT_REGULAR: Problem = ("not a regular file (a device, FIFO or socket)",
                        "remove it from the folder or give the file it stands for")
LINKED_FOLDER: Problem = ("a symbolic link to a folder, not followed",
                          "ingest the linked folder itself (skg ingest TARGET)")


@dataclass(frozen=True)
class Entry:
    """One file found in a folder, or one entry that cannot be read (``problem`` set)."""

    rel: str  # posix path relative to the folder argument, printable
    path: Path
    problem: Problem | None = None


def printable(text: str) -> str:
    """``text`` with undecodable file-name bytes (surrogate escapes) spelt as ``\\xNN``."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _os_problem(exc: OSError, what: str) -> Problem:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop", "fix or remove the link"
    if exc.errno == errno.ENOENT:
        return "a broken symbolic link (its target does not exist)", "fix or remove the link"
    return (f"cannot read the {what} ({exc.strerror or exc})",
            f"check that the {what} exists and that you may read it")


def classify(path: Path) -> tuple[str, Problem | None]:
    """``("file" | "dir" | "bad", problem)`` for a path as a command-line argument."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ENOENT and not os.path.lexists(path):
            return "bad", ("no such file or folder", "check the path; URLs must start with http:// or https://")
        return "bad", _os_problem(exc, "file")
    if stat.S_ISDIR(mode):
        return "dir", None
    return ("file", None) if stat.S_ISREG(mode) else ("bad", NOT_REGULAR)


def _entry_kind(entry: os.DirEntry[str]) -> tuple[str, Problem | None]:
    """What a folder entry is, without following a link into a folder."""
    try:
        if entry.is_symlink():
            mode = os.stat(entry.path).st_mode  # follows the link: a loop or dead end raises
            if stat.S_ISDIR(mode):
                return "bad", LINKED_FOLDER
            return ("file", None) if stat.S_ISREG(mode) else ("bad", NOT_REGULAR)
        if entry.is_dir(follow_symlinks=False):
            return "dir", None
        return ("file", None) if entry.is_file(follow_symlinks=False) else ("bad", NOT_REGULAR)
    except OSError as exc:
        return "bad", _os_problem(exc, "file")


def _scan(root: Path, current: Path, found: list[Entry]) -> None:
    rel = printable(current.relative_to(root).as_posix())
    try:
        with os.scandir(current) as listing:
            entries = list(listing)
    except OSError as exc:
        found.append(Entry("" if rel == "." else rel, current, _os_problem(exc, "folder")))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        kind, problem = _entry_kind(entry)
        path = Path(entry.path)
        if kind == "dir":
            _scan(root, path, found)
        elif kind == "bad" or path.suffix.lower() not in SKIPPED_IN_FOLDERS:
            found.append(Entry(printable(path.relative_to(root).as_posix()), path, problem))


def walk(folder: Path) -> list[Entry]:
    """Files below ``folder`` sorted by relative path; hidden entries and Markdown docs skipped."""
    found: list[Entry] = []
    _scan(folder, folder, found)
    return sorted(found, key=lambda e: e.rel)
