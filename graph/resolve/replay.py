"""Replay judgements in file order into one curation state.

Later judgements win over earlier ones about the same thing: a ``merge`` of
A and B after a ``not_same`` of A and B turns the pair into a merge, a second
``rename`` replaces the first. Judgements about ids the current corpus does
not know are kept in the file but skipped, with a warning (an entity can
vanish when the extractor improves and come back later).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from graph.errors import JudgementError
from graph.model import EntityType, Judgement, JudgementAction, OrgKind
from graph.resolve.judgements import parse_type

Pair = tuple[str, str]


@dataclass
class Curation:
    """What the judgements ask for, keyed by the entity ids they name.

    Values carry the judgement's position in the file so that, within one
    merged group, the latest decision wins.
    """

    merges: list[Pair] = field(default_factory=list)
    not_same: list[Pair] = field(default_factory=list)
    renames: dict[str, tuple[int, str]] = field(default_factory=dict)
    retypes: dict[str, tuple[int, EntityType, OrgKind | None]] = field(default_factory=dict)
    ignored: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def replay(judgements: Sequence[Judgement], known: Collection[str]) -> Curation:
    """Fold ``judgements`` (file order) into a :class:`Curation` over ``known`` ids."""
    known_set = set(known)
    state = Curation()
    pairs: dict[Pair, tuple[int, JudgementAction]] = {}
    for index, j in enumerate(judgements):
        refs = [r for r in (j.subject, j.other) if r]
        missing = [r for r in refs if r not in known_set]
        if missing:
            unknown = ", ".join(missing)
            state.warnings.append(f"judgement {index + 1} ({j.action.value}) skipped: unknown {unknown}")
            continue
        if j.action in (JudgementAction.MERGE, JudgementAction.NOT_SAME) and j.other and j.other != j.subject:
            pairs[_pair(j.subject, j.other)] = (index, j.action)
        elif j.action is JudgementAction.RENAME and (j.value or "").strip():
            state.renames[j.subject] = (index, (j.value or "").strip())
        elif j.action is JudgementAction.RETYPE:
            _retype(state, index, j)
        elif j.action is JudgementAction.IGNORE:
            state.ignored.add(j.subject)
        else:
            state.warnings.append(f"judgement {index + 1} ({j.action.value}) skipped: incomplete")
    for pair, (_, action) in sorted(pairs.items(), key=lambda item: item[1][0]):
        (state.merges if action is JudgementAction.MERGE else state.not_same).append(pair)
    return state


def _retype(state: Curation, index: int, j: Judgement) -> None:
    try:
        etype, kind = parse_type(j.value or "")
    except JudgementError as exc:
        state.warnings.append(f"judgement {index + 1} (retype) skipped: {exc.message}")
        return
    state.retypes[j.subject] = (index, etype, kind)
