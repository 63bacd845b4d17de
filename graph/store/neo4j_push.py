"""Incremental, resumable, batched push of a :class:`GraphData` into Neo4j.

Why it resumes cleanly: every row carries a content hash (``skg_hash``). A push first reads the
stored ids and hashes, then writes only new or changed rows (nodes first, then relationships) in
managed transactions of ``push_batch`` rows, and deletes rows that vanished. After a dropped
connection or a killed process, the next push reads what was committed, skips it and finishes
the rest, ending with the same database as one clean run.

Nodes and *changed* relationships are written with ``MERGE`` on their id. Relationships whose
id was not stored are written with ``CREATE`` (1.1–2× faster than MERGE at 100k articles, see
:func:`graph.store.cypher.neo4j_create_edges`); a guard on each batch's first row keeps a
retried batch from creating them twice. Like the deletions, this assumes one push at a time
per database.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import neo4j

from graph.errors import StoreError
from graph.model.graphdata import EDGE_TYPES, NODE_LABELS, EdgeType, NodeLabel
from graph.store import cypher
from graph.store.rows import GraphRows, row_hash
from graph.store.schema import HASH_PROP, fine_labels

Run = Callable[[str, dict[str, Any]], list[dict[str, Any]]]


@dataclass
class PushCounts:
    """What one push wrote, skipped and deleted."""

    nodes: int = 0
    edges: int = 0
    skipped: int = 0
    deleted: int = 0
    seconds: float = 0.0
    prepare_seconds: float = 0.0  # of ``seconds``: building payloads and hashes in Python


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), max(size, 1)):
        yield items[start:start + size]


def _payload(row: dict[str, Any], extra: dict[str, Any], edge: bool = False) -> dict[str, Any]:
    """``{id, [source, target], props}`` with ``None`` dropped and the content hash added."""
    ends = ("source", "target") if edge else ()
    props = {k: v for k, v in row.items() if v is not None and k not in ends}
    props[HASH_PROP] = row_hash({**row, **extra})
    out = {"id": row["id"], "props": props}
    if edge:
        out["source"], out["target"] = row["source"], row["target"]
    return out


def node_payloads(rows: GraphRows) -> dict[tuple[NodeLabel, tuple[str, ...]], list[dict[str, Any]]]:
    """Node rows grouped by (label, finer labels): one Cypher text per group."""
    groups: dict[tuple[NodeLabel, tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
    for label, label_rows in rows.nodes.items():
        for row in label_rows:
            fine = fine_labels(row.get("type"), row.get("kind")) if label == "Entity" else ()
            groups[(label, fine)].append(_payload(row, {"_labels": list(fine)}))
    return groups


def edge_payloads(rows: GraphRows) -> dict[EdgeType, list[dict[str, Any]]]:
    """Relationship rows grouped by type."""
    return {t: [_payload(r, {"_type": t}, edge=True) for r in type_rows]
            for t, type_rows in rows.edges.items()}


class Pusher:
    """Runs one push through ``write(query, params)`` (a managed write transaction per call)."""

    def __init__(self, read: Run, write: Callable[[str, dict[str, Any]], None], batch: int) -> None:
        self.read, self.write, self.batch = read, write, batch
        self.counts = PushCounts()

    def _stored(self, query: str) -> dict[str, str | None]:
        return {str(r["id"]): r["h"] for r in self.read(query, {})}

    def _stored_edges(self, query: str) -> dict[str, dict[str, Any]]:
        return {str(r["id"]): r for r in self.read(query, {})}

    def _upsert(self, query: str, rows: list[dict[str, Any]], stored: dict[str, str | None]) -> int:
        todo = [r for r in rows if stored.get(r["id"]) != r["props"][HASH_PROP]]
        self.counts.skipped += len(rows) - len(todo)
        for chunk in _chunks(todo, self.batch):
            self.write(query, {"rows": chunk})
        return len(todo)

    def _create(self, query: str, rows: list[dict[str, Any]]) -> int:
        """Write relationships known to be new, each batch guarded by its first row."""
        for chunk in _chunks(rows, self.batch):
            self.write(query, {"rows": chunk, **guard(chunk[0])})
        return len(rows)

    def _delete(self, query: str, ids: list[Any]) -> None:
        for chunk in _chunks(ids, self.batch):
            self.write(query, {"ids": chunk})
        self.counts.deleted += len(ids)

    def _edges(self, edge_type: EdgeType, rows: list[dict[str, Any]]) -> None:
        """New relationships created, changed ones merged, vanished ones deleted."""
        stored = self._stored_edges(cypher.neo4j_edge_hashes(edge_type))
        new = [r for r in rows if r["id"] not in stored]
        known = [r for r in rows if r["id"] in stored]
        hashes = {k: v["h"] for k, v in stored.items()}
        self.counts.edges += self._upsert(cypher.neo4j_upsert_edges(edge_type), known, hashes)
        self.counts.edges += self._create(cypher.neo4j_create_edges(edge_type), new)
        gone = sorted(set(stored) - {r["id"] for r in rows})
        self._delete(cypher.neo4j_delete_edges(edge_type),
                     [{k: stored[i][k] for k in ("id", "source", "target")} for i in gone])

    def push(self, graph_rows: GraphRows) -> PushCounts:
        """Nodes first, then relationships; then vanished relationships and nodes are deleted."""
        started = time.perf_counter()
        node_groups, edge_groups = node_payloads(graph_rows), edge_payloads(graph_rows)
        self.counts.prepare_seconds = time.perf_counter() - started
        stored_nodes = {label: self._stored(cypher.neo4j_node_hashes(label)) for label in NODE_LABELS}
        for (label, fine), rows in sorted(node_groups.items()):
            self.counts.nodes += self._upsert(cypher.neo4j_upsert_nodes(label, fine), rows,
                                              stored_nodes[label])
        for edge_type in EDGE_TYPES:
            self._edges(edge_type, edge_groups.get(edge_type, []))
        for label in NODE_LABELS:
            wanted = {r["id"] for (lab, _), rows in node_groups.items() if lab == label for r in rows}
            self._delete(cypher.neo4j_delete_nodes(label), sorted(set(stored_nodes[label]) - wanted))
        self.counts.seconds = time.perf_counter() - started
        return self.counts


def guard(first: dict[str, Any]) -> dict[str, Any]:
    """Parameters naming a batch's first relationship (see :func:`cypher.neo4j_create_edges`)."""
    return {"guard_id": first["id"], "guard_source": first["source"], "guard_target": first["target"]}


MEMORY_CODES = ("MemoryPoolOutOfMemoryError", "TransactionOutOfMemoryError")


def out_of_memory(exc: BaseException) -> bool:
    """True for the server's "transaction memory limit reached" errors (retrying cannot help)."""
    return isinstance(exc, neo4j.exceptions.Neo4jError) and str(exc.code or "").endswith(MEMORY_CODES)


class _TooLarge(Exception):
    """A batch needed more transaction memory than the server allows (not retried by the driver)."""


def _work(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any], refused: list[str]) -> None:
    """Run one batch. A memory refusal is remembered in ``refused``: the driver retries the
    transient error anyway (it re-raises it while closing the failed transaction), and the retry
    then stops at once with :class:`_TooLarge`, which it does not retry."""
    if refused:
        raise _TooLarge(refused[0])
    try:
        tx.run(query, params).consume()
    except neo4j.exceptions.Neo4jError as exc:
        if out_of_memory(exc):
            refused.append(str(exc))
            raise _TooLarge(str(exc)) from exc
        raise


def split(params: dict[str, Any], size: int) -> list[dict[str, Any]]:
    """A batch's parameters cut into batches of at most ``size`` rows, each with its own guard.

    >>> [len(p["ids"]) for p in split({"ids": [1, 2, 3, 4, 5]}, 2)]
    [2, 2, 1]
    """
    key = "rows" if "rows" in params else "ids"
    items = params.get(key) or []
    if len(items) <= size:
        return [params]
    out = []
    for lo in range(0, len(items), size):
        part = {**params, key: items[lo:lo + size]}
        if "guard_id" in params:
            part.update(guard(part[key][0]))
        out.append(part)
    return out


def _size(params: dict[str, Any]) -> int:
    return len(params.get("rows") or params.get("ids") or [])


class SessionWriter:
    """``write(query, params)``: each call in its own managed (retried) write transaction.

    A batch refused for lack of transaction memory (a server with a small
    ``dbms.memory.transaction.total.max``, e.g. a hosted one) was rolled back whole, so it is
    written again in halves, recursively; later batches start at the size that was accepted.
    """

    def __init__(self, session: neo4j.Session) -> None:
        self.session = session
        self.limit: int | None = None  # rows per transaction after the server refused a larger batch

    def __call__(self, query: str, params: dict[str, Any]) -> None:
        for part in split(params, self.limit) if self.limit else [params]:
            self._write(query, part)

    def _write(self, query: str, params: dict[str, Any]) -> None:
        try:
            self.session.execute_write(_work, query, params, [])
        except (_TooLarge, neo4j.exceptions.Neo4jError) as exc:
            if not (isinstance(exc, _TooLarge) or out_of_memory(exc)):
                raise
            size = _size(params)
            if size < 2:
                raise StoreError(f"one row needs more transaction memory than the server allows: {exc}",
                                 hint="raise db.memory.transaction.max / dbms.memory.transaction.total.max "
                                      "(SKG_NEO4J_TX_MEMORY_MB for `skg neo4j start`)") from None
            self.limit = (size + 1) // 2
            for part in split(params, self.limit):
                self._write(query, part)


def session_writer(session: neo4j.Session) -> Callable[[str, dict[str, Any]], None]:
    """The writer of one push (see :class:`SessionWriter`)."""
    return SessionWriter(session)
