"""The one interface every graph backend implements.

Writers take the backend-neutral :class:`graph.model.GraphData`; readers
return plain dicts and :class:`GraphData` so that callers (analysis, export,
dashboard) never see a driver object. The contract tests in
``tests/graph/store/test_contract.py`` run unchanged against every backend.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from graph.model import GraphData
from graph.model.filters import SubgraphFilter  # re-exported: defined next to its filter function
from graph.store.limits import truncation_note


@dataclass(frozen=True)
class QueryResult:
    """Rows of a user Cypher query (values are JSON-compatible).

    ``truncated`` is true when the query had more rows than the row limit: ``rows`` then holds
    the first ``len(rows)`` of them.
    """

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
    meta: dict[str, Any] = field(default_factory=dict)

    def notice(self) -> str:
        """One line telling a reader the result was cut off, and how to see more ("" if complete)."""
        return truncation_note(len(self.rows)) if self.truncated else ""


@dataclass(frozen=True)
class WriteReport:
    """What a write did."""

    nodes: int
    edges: int
    seconds: float
    snapshot_id: str
    skipped: int = 0


class GraphStore(ABC):
    """A graph backend: one writer plus read-only queries."""

    name: str = "abstract"

    @abstractmethod
    def write(self, graph: GraphData) -> WriteReport:
        """Store ``graph`` as the current snapshot (idempotent for the same graph)."""

    @abstractmethod
    def snapshot_id(self) -> str | None:
        """Id of the snapshot readers currently see (``None`` when empty)."""

    @abstractmethod
    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """One entity's properties, or ``None``."""

    @abstractmethod
    def neighbours(
        self, entity_id: str, edge_types: tuple[str, ...] = (), limit: int = 50
    ) -> list[dict[str, Any]]:
        """Entities linked to ``entity_id``: dicts with ``entity`` and ``edge`` (props + type)."""

    @abstractmethod
    def subgraph(self, flt: SubgraphFilter) -> GraphData:
        """Entities and their edges after ``flt`` (no Article/Topic nodes)."""

    @abstractmethod
    def load(self) -> GraphData:
        """The whole stored graph (all labels and edge types)."""

    @abstractmethod
    def paths(self, source: str, target: str, k: int = 3, max_hops: int = 4) -> list[list[str]]:
        """Up to ``k`` shortest entity-id paths between two entities."""

    @abstractmethod
    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Entities whose name or alias contains ``text`` (case-insensitive)."""

    @abstractmethod
    def evidence(self, a: str, b: str) -> list[dict[str, Any]]:
        """Evidence records of all edges between ``a`` and ``b``."""

    @abstractmethod
    def timeline(self, granularity: str = "month") -> list[dict[str, Any]]:
        """Articles per period, oldest first: ``[{"period": "2024-05", "articles": 12}, …]``.

        Counts documents of role ``article``/``teaser`` with a publication date (undated ones are
        skipped). ``granularity`` is ``"day"`` (``2024-05-02``), ``"month"`` (``2024-05``),
        ``"quarter"`` (``2024-Q2``) or ``"year"`` (``2024``). Aggregated in the database, so a
        dashboard's first page needs no full graph load.
        """

    @abstractmethod
    def stats(self) -> dict[str, Any]:
        """Counts of nodes per label and edges per type, plus the snapshot id."""

    @abstractmethod
    def cypher(
        self, query: str, params: dict[str, Any] | None = None, *, row_cap: int | None = None,
        timeout_s: float | None = None,
    ) -> QueryResult:
        """Run a user query read-only after the safety check; refuse anything else.

        At most ``row_cap`` rows come back (default: setting ``query_row_cap``; more are cut off
        and flagged ``truncated``); the engine stops the query after ``timeout_s`` seconds
        (default: setting ``query_timeout_s``; 0 = no limit) with
        :class:`graph.errors.QueryTimeoutError`.
        """

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
