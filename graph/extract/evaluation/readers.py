"""Readers for gold NER files: GermEval 2014 TSV and JSONL with character-offset spans.

Both become :class:`GoldDocument` records (text plus labelled spans with the
coarse labels ``PER``, ``ORG``, ``LOC``) so one scorer serves every format.
The seed's ``*.expected.json`` is not a span format; :mod:`.seed` checks it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from graph.errors import InputError, UnsupportedFormatError
from graph.extract.evaluation.scorer import Span

GoldFormat = Literal["seed", "germeval", "jsonl", "pages"]
COARSE = ("PER", "ORG", "LOC")

# SmartData-style labels → coarse labels; LOCATION_* is handled by prefix.
JSONL_LABELS: dict[str, str] = {
    "PERSON": "PER", "PER": "PER",
    "ORGANIZATION": "ORG", "ORGANIZATION_COMPANY": "ORG", "ORG": "ORG",
    "LOCATION": "LOC", "LOC": "LOC", "GPE": "LOC",
}


@dataclass(frozen=True)
class GoldDocument:
    """One gold document: its id, text and gold spans (offsets into ``text``)."""

    id: str
    text: str
    spans: tuple[Span, ...]


def detect_format(path: Path) -> GoldFormat:
    """Tell the gold format from the file name, then from the first non-empty line."""
    name = path.name.lower()
    if name.endswith(".expected.json"):
        return "seed"
    if name.endswith(".tsv"):
        return "germeval"
    first = _first_line(path)
    if name.endswith(".jsonl") or first.startswith("{"):
        return "pages" if _names_pages(first) else "jsonl"
    if "\t" in first:
        return "germeval"
    raise UnsupportedFormatError(
        "cannot tell the gold format", path=str(path),
        hint="use *.expected.json (seed), GermEval TSV (*.tsv), JSONL spans or page references (*.jsonl)",
    )


def _names_pages(line: str) -> bool:
    """Whether a JSONL line is a page reference (checksum, no text) rather than a text with spans."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and "sha256" in record and "entities" in record and "text" not in record


def _first_line(path: Path) -> str:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.strip():
                return line.strip()
    return ""


def germeval_label(tag: str, include_other: bool = False, include_partderiv: bool = False) -> str | None:
    """The span label of a GermEval BIO tag body (``PER``, ``LOCderiv`` …), or ``None`` to skip it.

    >>> germeval_label("LOC"), germeval_label("LOCderiv"), germeval_label("LOCderiv", include_partderiv=True)
    ('LOC', None, 'LOCderiv')
    >>> germeval_label("OTH"), germeval_label("OTH", include_other=True)
    (None, 'OTH')
    """
    base = tag[:3]
    if base == "OTH" and not include_other:
        return None
    if len(tag) > 3 and not include_partderiv:
        return None
    return tag


def read_germeval(
    path: Path, include_other: bool = False, include_partderiv: bool = False
) -> list[GoldDocument]:
    """Sentences of a GermEval 2014 TSV file with their outer-column spans.

    The text is the tokens joined by single spaces; a span runs from its
    first token's start to its last token's end. ``I-`` after a different
    label starts a new span (lenient BIO).
    """
    docs = []
    for number, (line_no, rows) in enumerate(_germeval_sentences(path)):
        docs.append(_germeval_doc(f"{path.name}#{number + 1}", rows, line_no, path,
                                  include_other, include_partderiv))
    return docs


def _germeval_sentences(path: Path) -> Iterator[tuple[int, list[list[str]]]]:
    rows: list[list[str]] = []
    start = 0
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if rows:
                    yield start, rows
                rows = []
                continue
            if not rows:
                start = line_no
            parts = line.split("\t")
            if len(parts) < 3:
                raise InputError(f"expected index, token and tag columns, got {len(parts)}",
                                 path=str(path), line=line_no, hint="is this a GermEval 2014 TSV file?")
            rows.append(parts)
    if rows:
        yield start, rows


def _germeval_doc(doc_id: str, rows: list[list[str]], line_no: int, path: Path,
                  include_other: bool, include_partderiv: bool) -> GoldDocument:
    tokens, spans = [], []
    offset = 0
    open_label: str | None = None
    open_start = open_end = 0
    for _, token, tag, *_ in rows:
        start, end = offset, offset + len(token)
        tokens.append(token)
        offset = end + 1
        prefix, _, body = tag.partition("-")
        label = germeval_label(body, include_other, include_partderiv) if body else None
        continues = prefix == "I" and label is not None and label == open_label
        if continues:
            open_end = end
            continue
        if open_label is not None:
            spans.append(Span(open_start, open_end, open_label))
        open_label, open_start, open_end = (label, start, end) if prefix in ("B", "I") else (None, 0, 0)
    if open_label is not None:
        spans.append(Span(open_start, open_end, open_label))
    return GoldDocument(doc_id, " ".join(tokens), tuple(spans))


def jsonl_label(label: str) -> str | None:
    """The coarse label of a SmartData-style entity type, ``None`` for types not scored.

    >>> [jsonl_label(t) for t in ("PERSON", "ORGANIZATION_COMPANY", "LOCATION_CITY", "DATE")]
    ['PER', 'ORG', 'LOC', None]
    """
    upper = label.upper()
    if upper in JSONL_LABELS:
        return JSONL_LABELS[upper]
    return "LOC" if upper.startswith("LOCATION_") else None


def read_span_jsonl(path: Path, exclude: frozenset[str] = frozenset()) -> list[GoldDocument]:
    """Documents of a JSONL file with ``text`` and ``entities`` (``start``, ``end``, ``type``).

    ``spans`` instead of ``entities`` and ``label`` instead of ``type`` are
    accepted too. Types in ``exclude`` (original names, e.g. ``LOCATION_ROUTE``)
    are not scored. Spans are checked against the text so a wrong offset is
    reported with its line instead of silently lowering the score.
    """
    docs = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if line.strip():
                docs.append(_jsonl_doc(line, line_no, path, exclude))
    return docs


def _jsonl_doc(line: str, line_no: int, path: Path, exclude: frozenset[str]) -> GoldDocument:
    try:
        record = json.loads(line)
        text = str(record["text"])
        items = record.get("entities", record.get("spans", []))
        spans = []
        for item in items:
            raw = str(item.get("type", item.get("label", "")))
            label = None if raw.upper() in exclude else jsonl_label(raw)
            start, end = int(item["start"]), int(item["end"])
            if label is None:
                continue
            if not 0 <= start < end <= len(text):
                raise ValueError(f"span {start}-{end} lies outside the text")
            spans.append(Span(start, end, label))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"not a gold span record: {exc}", path=str(path), line=line_no,
                         hint="each line needs text and entities with start, end and type") from None
    return GoldDocument(str(record.get("id", f"{path.name}#{line_no}")), text, tuple(sorted(spans)))
