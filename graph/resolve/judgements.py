"""The curation log: one :class:`graph.model.Judgement` per line of a JSONL file.

The file (``SKG_HOME/judgements.jsonl``) is plain text with sorted keys so it
can be versioned and reviewed in a diff. Lines are only appended, except by
:meth:`JudgementLog.undo_last`, which rewrites the file atomically (temporary
file + rename) so a crash never leaves half a log.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from pathlib import Path

from graph.errors import JudgementError
from graph.model import EntityType, Judgement, JudgementAction, OrgKind

FILE_NAME = "judgements.jsonl"
PAIR_ACTIONS = (JudgementAction.MERGE, JudgementAction.NOT_SAME)
VALUE_ACTIONS = (JudgementAction.RENAME, JudgementAction.RETYPE)


def log_path(settings: object) -> Path:
    """Where the judgements of ``settings.home`` live."""
    return Path(settings.home_path) / FILE_NAME  # type: ignore[attr-defined]


def now_iso() -> str:
    """The current UTC time as ISO text (informational field of a judgement)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def parse_type(value: str) -> tuple[EntityType, OrgKind | None]:
    """Parse a retype value such as ``"ORGANIZATION/vendor"`` or ``"person"``.

    >>> parse_type("ORGANIZATION/vendor")
    (<EntityType.ORGANIZATION: 'ORGANIZATION'>, <OrgKind.VENDOR: 'vendor'>)
    >>> parse_type("person")
    (<EntityType.PERSON: 'PERSON'>, None)
    """
    head, _, tail = value.strip().partition("/")
    try:
        etype = EntityType(head.strip().upper())
    except ValueError:
        valid = ", ".join(t.value for t in EntityType)
        raise JudgementError(f"unknown entity type {head!r}", hint=f"use one of {valid}") from None
    if not tail.strip():
        return etype, None
    try:
        kind = OrgKind(tail.strip().lower())
    except ValueError:
        valid = ", ".join(k.value for k in OrgKind)
        raise JudgementError(f"unknown organisation kind {tail!r}", hint=f"use one of {valid}") from None
    if etype is not EntityType.ORGANIZATION:
        raise JudgementError(f"only organisations have a kind, not {etype.value}",
                             hint="write ORGANIZATION/<kind> or the type alone")
    return etype, kind


def check_judgement(j: Judgement) -> None:
    """Raise :class:`JudgementError` when a judgement lacks what its action needs."""
    if not j.subject:
        raise JudgementError(f"{j.action.value} judgement without a subject", hint="name an entity id")
    if j.action in PAIR_ACTIONS and (not j.other or j.other == j.subject):
        raise JudgementError(f"{j.action.value} needs two different entities",
                             hint="give the second entity id in `other`")
    if j.action in VALUE_ACTIONS and not (j.value or "").strip():
        raise JudgementError(f"{j.action.value} needs a value", hint="give the new name or type")
    if j.action is JudgementAction.RETYPE:
        parse_type(j.value or "")


def _dump(j: Judgement) -> str:
    return json.dumps(j.to_dict(), ensure_ascii=False, sort_keys=True)


class JudgementLog:
    """Append-only JSONL file of judgements, replayed in file order on every rebuild."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"JudgementLog({str(self.path)!r})"

    def add(self, judgement: Judgement) -> Judgement:
        """Check and append one judgement (its ``created`` stamp is filled in when empty)."""
        check_judgement(judgement)
        if not judgement.created:
            data = judgement.to_dict() | {"created": now_iso()}
            judgement = Judgement.from_dict(data)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(_dump(judgement) + "\n")
        return judgement

    def all(self) -> list[Judgement]:
        """Every judgement in file order; an unreadable line raises an error naming it."""
        return [j for _, j in self.numbered()]

    def numbered(self) -> list[tuple[int, Judgement]]:
        """Judgements with their 1-based line numbers (blank lines are skipped)."""
        if not self.path.exists():
            return []
        out = []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if line.strip():
                out.append((number, self._parse(line, number)))
        return out

    def _parse(self, line: str, number: int) -> Judgement:
        try:
            judgement = Judgement.from_dict(json.loads(line))
            check_judgement(judgement)
        except JudgementError as exc:
            raise JudgementError(exc.message, path=str(self.path), line=number, hint=exc.hint) from None
        except (ValueError, TypeError, KeyError) as exc:
            raise JudgementError(
                f"not a judgement: {exc}", path=str(self.path), line=number,
                hint="fix or delete the line (each line is one JSON object with action and subject)",
            ) from None
        return judgement

    def undo_last(self) -> Judgement | None:
        """Remove the last judgement (atomic rewrite); ``None`` when the log is empty."""
        numbered = self.numbered()
        if not numbered:
            return None
        last_line, last = numbered[-1]
        lines = self.path.read_text(encoding="utf-8").splitlines()
        kept = [line for n, line in enumerate(lines, start=1) if n != last_line and line.strip()]
        self._write(kept)
        return last

    def _write(self, lines: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".judgements-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write("".join(line + "\n" for line in lines))
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def validate(self, known_ids: Collection[str]) -> None:
        """Raise :class:`JudgementError` naming the first line that refers to an unknown entity."""
        known = set(known_ids)
        for number, judgement in self.numbered():
            for ref in (judgement.subject, judgement.other):
                if ref is not None and ref not in known:
                    raise JudgementError(
                        f"{judgement.action.value} refers to unknown entity {ref!r}",
                        path=str(self.path), line=number,
                        hint="the entity may have vanished after re-extraction; edit or delete the line",
                    )
