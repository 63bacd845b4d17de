"""Page-reference gold: annotations in the repo, page texts in a folder outside it.

The municipal-IT dev set (``tests/gold/municipal_it/gold.jsonl``) may not ship
the news texts it annotates, so each line names its page (``id``, ``url``,
``query``) and the ``sha256`` of the exact text the offsets refer to. The texts
live in a folder of ``<id>.txt`` files (``--texts`` or the ``eval_texts``
setting); a page whose text is missing or changed is skipped and counted,
because offsets into another text would score nonsense.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import InputError
from graph.extract.evaluation.readers import GoldDocument
from graph.extract.evaluation.scorer import Span

FINE_TYPES = ("PERSON", "ORGANIZATION", "MUNICIPALITY", "LOCATION")
TEXTS_HINT = ("save each page's text as TEXTS/<id>.txt (UTF-8, exactly the text whose sha256 the gold "
              "line gives); tests/gold/municipal_it/README.md says how to fetch them")


@dataclass(frozen=True)
class GoldEntity:
    """One annotated mention with the attributes scored beyond its span."""

    start: int
    end: int
    text: str
    type: str
    canonical: str
    kind: str | None = None
    ags: str | None = None

    @property
    def span(self) -> Span:
        """The mention as a fine-typed span."""
        return Span(self.start, self.end, self.type)


@dataclass(frozen=True)
class PageRef:
    """One gold line: which page, the checksum of its text, and its mentions."""

    id: str
    url: str
    sha256: str
    chars: int
    entities: tuple[GoldEntity, ...]
    outlet: str = ""
    query: str = ""


@dataclass
class TextCheck:
    """Which pages of a gold file have their text in the folder."""

    folder: str
    texts: dict[str, str] = field(default_factory=dict)  # page id → verified text
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # present, but another sha256 or an offset mismatch

    def as_dict(self) -> dict[str, Any]:
        """Counts and ids for JSON output."""
        return {"folder": self.folder, "present": len(self.texts), "missing": self.missing,
                "changed": self.changed}


def is_page_gold(record: dict[str, Any]) -> bool:
    """A page reference has a checksum and entities but no text of its own.

    >>> is_page_gold({"id": "x", "sha256": "00", "entities": []}), is_page_gold({"text": "a", "entities": []})
    (True, False)
    """
    return "sha256" in record and "entities" in record and "text" not in record


def _entity(item: dict[str, Any]) -> GoldEntity:
    if item["type"] not in FINE_TYPES:
        raise ValueError(f"unknown type {item['type']!r}")
    if not 0 <= int(item["start"]) < int(item["end"]):
        raise ValueError(f"bad span {item['start']}-{item['end']}")
    return GoldEntity(int(item["start"]), int(item["end"]), str(item["text"]), str(item["type"]),
                      str(item["canonical"]), item.get("kind"), item.get("ags"))


def _page(line: str) -> PageRef:
    record = json.loads(line)
    entities = tuple(_entity(e) for e in record["entities"])
    return PageRef(str(record["id"]), str(record["url"]), str(record["sha256"]), int(record["chars"]),
                   entities, str(record.get("outlet", "")), str(record.get("query", "")))


def read_page_gold(path: Path) -> list[PageRef]:
    """Every page reference of a gold file; a malformed line is reported with its number."""
    pages = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                pages.append(_page(line))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"not a page gold record: {exc}", path=str(path), line=line_no,
                                 hint="each line needs id, url, sha256, chars and entities "
                                      "(start, end, text, type, canonical)") from None
    return pages


def _offsets_fit(page: PageRef, text: str) -> bool:
    return len(text) == page.chars and all(text[e.start:e.end] == e.text for e in page.entities)


def load_texts(pages: Sequence[PageRef], folder: Path) -> TextCheck:
    """Read ``folder/<id>.txt`` for each page and keep the texts whose checksum and offsets match."""
    check = TextCheck(str(folder))
    for page in pages:
        path = folder / f"{page.id}.txt"
        if not path.is_file():
            check.missing.append(page.id)
            continue
        raw = path.read_bytes()
        text = raw.decode("utf-8", errors="replace")
        if hashlib.sha256(raw).hexdigest() != page.sha256 or not _offsets_fit(page, text):
            check.changed.append(page.id)
            continue
        check.texts[page.id] = text
    return check


def page_documents(pages: Sequence[PageRef], check: TextCheck) -> list[tuple[PageRef, GoldDocument]]:
    """Pages with a verified text, each with its gold document (fine-typed spans)."""
    return [(page, GoldDocument(page.id, check.texts[page.id], tuple(sorted(e.span for e in page.entities))))
            for page in pages if page.id in check.texts]


def texts_folder(option: Path | None, setting: str) -> Path:
    """The texts folder: the ``--texts`` option, else the ``eval_texts`` setting."""
    if option is not None:
        return option
    if setting:
        return Path(setting).expanduser()
    raise InputError("a page gold file needs the folder with its page texts",
                     hint="give --texts DIR or set SKG_EVAL_TEXTS; " + TEXTS_HINT)
