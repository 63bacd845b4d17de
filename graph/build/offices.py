"""One office per (person, role, organisation): start, end and status over all articles of a build.

Extraction reads what single sentences say ("seit 2019", "ehemaliger",
"Nachfolgerin von X"); here the sentences of every article are put together,
and every bound names the sentence that set it (``bounds``):

* ``start_date``: the earliest start read from a text; otherwise the date the
  office was first seen (the oldest article stating it).
* ``end_date``: the earliest end read from a text ("bis 2021", "schied im Juni
  aus", a successor's start); otherwise, when a text says the office is over
  ("ehemaliger", "a. D.") without a date, the date of the first such article
  (the office ended by then); otherwise none.
* ``status``: ``ended`` with an end, ``current`` with a start read from a text
  and no end, ``unknown`` when the texts only show the office held.
* ``predecessor`` / ``successor``: the person before or after in the same
  role and organisation (from SUCCEEDS relations; the newest article wins).

Who held an office on a given day is decided from these properties by
:func:`graph.model.filters.held_on` (the ``as_of`` filter).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.model import DocumentExtraction, Relation, RelationType

OfficeKey = tuple[str, str, str, str | None]  # ("HOLDS_ROLE", person, organisation, role)


@dataclass
class _Bound:
    day: str
    precision: str
    source: str  # "text" | "first_seen" | "article_date"
    cue: str
    evidence: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.day, "precision": self.precision, "source": self.source, "cue": self.cue,
                **self.evidence}


@dataclass
class OfficeTrack:
    """What the articles of one build say about one office."""

    start: _Bound | None = None
    end: _Bound | None = None
    ended_by: _Bound | None = None  # "ehemaliger" without a date: the article date bounds the end
    oldest: _Bound | None = None  # the first sighting (fallback start)
    predecessor: dict[str, Any] | None = None  # {"id", "article_id", "published", "sentence"}
    successor: dict[str, Any] | None = None
    cues: set[str] = field(default_factory=set)


def _earlier(old: _Bound | None, new: _Bound) -> _Bound:
    """The earlier bound; on a tie the one seen first (articles come newest first, so the older text)."""
    return new if old is None or (new.day, new.precision) <= (old.day, old.precision) else old


def add_office(track: OfficeTrack, rel: Relation, day: str | None, evidence: dict[str, Any]) -> None:
    """Fold one HOLDS_ROLE relation (of an article dated ``day``) into its office."""
    if day:
        track.oldest = _earlier(track.oldest, _Bound(day[:10], "day", "first_seen", "", evidence))
    office = rel.office
    if office is None:
        return
    if office.cue:
        track.cues.add(office.cue)
    cue = office.cue
    if office.start and office.start_precision:
        stated = _Bound(office.start, office.start_precision, "text", cue, evidence)
        track.start = _earlier(track.start, stated)
    if office.end and office.end_precision:
        track.end = _earlier(track.end, _Bound(office.end, office.end_precision, "text", cue, evidence))
    elif office.ended and day:
        track.ended_by = _earlier(track.ended_by, _Bound(day[:10], "day", "article_date", cue, evidence))


def link_successions(docs: list[DocumentExtraction], tracks: dict[OfficeKey, OfficeTrack]) -> None:
    """Name predecessor and successor on both offices of each SUCCEEDS relation (newest article first).

    A SUCCEEDS relation names the two people and the role; the organisation is the one of the
    successor's HOLDS_ROLE relation from the same sentence.
    """
    for doc in docs:
        for rel in doc.relations:
            if rel.type is not RelationType.SUCCEEDS:
                continue
            org = next((r.target for r in doc.relations if r.type is RelationType.HOLDS_ROLE
                        and r.source == rel.source and r.role == rel.role
                        and r.evidence.start == rel.evidence.start), None)
            later = tracks.get(("HOLDS_ROLE", rel.source, org, rel.role)) if org else None
            earlier = tracks.get(("HOLDS_ROLE", rel.target, org, rel.role)) if org else None
            ev = rel.evidence
            said = {"article_id": ev.article_id or doc.article_id, "published": ev.published,
                    "sentence": ev.sentence}
            if later is not None and later.predecessor is None:
                later.predecessor = {"id": rel.target, **said}
            if earlier is not None and earlier.successor is None:
                earlier.successor = {"id": rel.source, **said}


def office_props(track: OfficeTrack) -> dict[str, Any]:
    """The stored properties of one office (``start_date`` … ``successor``, ``bounds``; no ``None`` values,
    as a store reads them back)."""
    start = track.start or track.oldest
    end = track.end or track.ended_by
    status = "ended" if end else ("current" if track.start else "unknown")
    props = {
        "start_date": start.day if start else None,
        "start_precision": start.precision if start else None,
        "end_date": end.day if end else None,
        "end_precision": end.precision if end else None,
        "status": status,
        "bounds": {"start": start.to_dict() if start else None, "end": end.to_dict() if end else None,
                   "predecessor": track.predecessor, "successor": track.successor},
        "predecessor": track.predecessor["id"] if track.predecessor else None,
        "successor": track.successor["id"] if track.successor else None,
    }
    return {k: v for k, v in props.items() if v is not None}


def _older_wins(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Of two bounds with the same date, the one a full build keeps: from the older article, then the
    higher article id (a build reads articles newest first, ties by id, and keeps the last equal one)."""
    key_a = (str(a.get("published") or ""), _neg(a.get("article_id")))
    key_b = (str(b.get("published") or ""), _neg(b.get("article_id")))
    return a if key_a <= key_b else b


def _neg(text: Any) -> tuple[int, ...]:
    return tuple(-ord(c) for c in str(text or ""))


def _earliest(bounds: list[dict[str, Any] | None], source: set[str]) -> dict[str, Any] | None:
    found = [b for b in bounds if b and b.get("source") in source]
    if not found:
        return None
    best = found[0]
    for b in found[1:]:
        a_key, b_key = (best["date"], best["precision"]), (b["date"], b["precision"])
        best = b if b_key < a_key else best if a_key < b_key else _older_wins(best, b)
    return best


def _newest(links: list[dict[str, Any] | None]) -> dict[str, Any] | None:
    """The succession a full build keeps: from the newest article, then the lower article id."""
    found = [x for x in links if x]
    return min(found, key=lambda x: (not x.get("published"), _neg(x.get("published")),
                                     str(x.get("article_id") or "")), default=None)


def merge_office_props(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The office of two builds over disjoint articles, as one build over all of them would give it
    (for :func:`graph.build.incremental.update_graph`)."""
    bounds = [old.get("bounds") or {}, new.get("bounds") or {}]
    start = (_earliest([b.get("start") for b in bounds], {"text"})
             or _earliest([b.get("start") for b in bounds], {"first_seen"}))
    end = (_earliest([b.get("end") for b in bounds], {"text"})
           or _earliest([b.get("end") for b in bounds], {"article_date"}))
    track = OfficeTrack(
        start=_Bound(start["date"], start["precision"], "text", "", {}) if start and start["source"] == "text"
        else None,
        end=_Bound(end["date"], end["precision"], "text", "", {}) if end else None,
        oldest=_Bound(start["date"], start["precision"], "first_seen", "", {}) if start else None,
        predecessor=_newest([b.get("predecessor") for b in bounds]),
        successor=_newest([b.get("successor") for b in bounds]),
    )
    props = office_props(track)
    props["bounds"] = {**props["bounds"], "start": start, "end": end}
    return props
