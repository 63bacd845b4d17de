"""Resolved entities and the curation judgements that shape them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from graph.model.extraction import EntityType, OrgKind


@dataclass(frozen=True)
class Entity:
    """A canonical actor after resolution: one node of the stakeholder graph."""

    id: str
    name: str
    type: EntityType
    kind: OrgKind | None = None
    aliases: tuple[str, ...] = ()
    ags: str | None = None
    lat: float | None = None
    lon: float | None = None
    land: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        data = asdict(self)
        data["type"] = str(self.type)
        data["kind"] = str(self.kind) if self.kind else None
        data["aliases"] = list(self.aliases)
        return data


class JudgementAction(StrEnum):
    """What a curator decided about one or two entities."""

    MERGE = "merge"  # ``subject`` and ``other`` are the same actor
    NOT_SAME = "not_same"  # never merge ``subject`` and ``other``
    RENAME = "rename"  # display ``subject`` as ``value``
    RETYPE = "retype"  # set ``subject``'s type/kind to ``value`` ("ORGANIZATION/vendor")
    IGNORE = "ignore"  # drop ``subject`` from the graph (its mentions stay stored)


@dataclass(frozen=True)
class Judgement:
    """A reviewable, replayable curation decision.

    Judgements refer to entity ids, which are stable content hashes, so they
    survive rebuilds. They are stored as lines of a plain JSONL file in
    ``SKG_HOME`` that can be versioned and diffed.
    """

    action: JudgementAction
    subject: str
    other: str | None = None
    value: str | None = None
    author: str = ""
    created: str = ""  # ISO timestamp, informational only
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        data = asdict(self)
        data["action"] = str(self.action)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Judgement:
        """Inverse of :meth:`to_dict`."""
        data = dict(data)
        data["action"] = JudgementAction(data["action"])
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})
