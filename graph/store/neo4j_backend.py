"""The Neo4j backend: the official ``neo4j`` driver against a Community (or any) server.

Reads use the same common-dialect queries as the embedded store (via
:class:`CypherReader`); writes go through :class:`graph.store.neo4j_push.Pusher`
after the schema (uniqueness constraints, indexes, a full-text index on names
and aliases) was created idempotently. User Cypher runs in a READ session
after the allow-list check *and* an ``EXPLAIN`` whose query type must be
read-only (``r``), under the time and row limits of :mod:`graph.store.limits`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import neo4j
from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node as NeoNode
from neo4j.graph import Path as NeoPath
from neo4j.graph import Relationship as NeoRel

from graph.errors import BackendUnavailableError, QueryError, QueryRefusedError
from graph.model.graphdata import NODE_LABELS, GraphData
from graph.settings import Settings
from graph.store import cypher, limits
from graph.store.base import QueryResult, WriteReport
from graph.store.neo4j_push import Pusher, out_of_memory, session_writer
from graph.store.reader import CypherReader
from graph.store.rows import graph_rows, plain
from graph.store.safety import check_query
from graph.store.schema import HASH_PROP

log = logging.getLogger(__name__)


def to_json_value(value: Any) -> Any:
    """A driver value as JSON-compatible data shaped like the embedded backend's."""
    if isinstance(value, NeoNode):
        base = next((label for label in NODE_LABELS if label in value.labels), sorted(value.labels)[0])
        return {"_label": base, **_props(value)}
    if isinstance(value, NeoRel):
        return {"_type": value.type, **_props(value)}
    if isinstance(value, NeoPath):
        return {"nodes": [to_json_value(n) for n in value.nodes],
                "relationships": [to_json_value(r) for r in value.relationships]}
    if isinstance(value, (list, tuple)):
        return [to_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json_value(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return plain(value)


def _props(entity: NeoNode | NeoRel) -> dict[str, Any]:
    return {k: to_json_value(v) for k, v in entity.items() if k != HASH_PROP and v is not None}


class Neo4jStore(CypherReader):
    """A Neo4j database reached over Bolt."""

    name = "neo4j"

    def __init__(self, settings: Settings) -> None:
        from graph.store.neo4j_server import local_credentials

        self.settings = settings
        self.uri, user, password = local_credentials(settings)
        self.user = user
        self.database = str(settings.neo4j_database)
        # The fixed queries name every relationship type of the model; Neo4j would log a warning for
        # each type a graph lacks ("relationship type does not exist") on every read.
        self._driver = neo4j.GraphDatabase.driver(self.uri, auth=(user, password), connection_timeout=10,
                                                  notifications_min_severity="OFF")
        with self._errors():
            self._driver.verify_connectivity()
        self._schema_done = False
        self._column_cache: dict[str, list[str] | None] = {}
        self._pack = True  # packed reads until the server refuses one for lack of memory

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn driver failures into one actionable :class:`StoreError`."""
        try:
            yield
        except AuthError:
            raise BackendUnavailableError(
                f"Neo4j at {self.uri} refused the login of user {self.user!r}",
                hint="check SKG_NEO4J_USER / SKG_NEO4J_PASSWORD (or the password file of `skg neo4j start`)",
            ) from None
        except (ServiceUnavailable, OSError) as exc:
            raise BackendUnavailableError(
                f"no Neo4j answers at {self.uri} ({exc.__class__.__name__})",
                hint="run `skg neo4j start` or check SKG_NEO4J_URI; a push resumes where it stopped",
            ) from None

    # ---------------------------------------------------------------- writing
    def ensure_schema(self) -> None:
        """Create constraints and indexes (idempotent) and wait until they are online."""
        if self._schema_done:
            return
        with self._errors(), self._driver.session(database=self.database) as session:
            for stmt in cypher.neo4j_schema():
                session.run(stmt).consume()
            session.run(cypher.AWAIT_INDEXES).consume()
        self._schema_done = True

    def write(self, graph: GraphData) -> WriteReport:
        """Push ``graph`` incrementally: changed rows only, vanished rows deleted, resumable."""
        rows = graph_rows(graph)
        self.ensure_schema()
        with self._errors(), self._driver.session(database=self.database) as session:
            writer = session_writer(session)
            writer(cypher.NEO4J_META_PENDING, {"sid": graph.snapshot_id})
            counts = Pusher(self._rows, writer, int(self.settings.push_batch)).push(rows)
            writer(cypher.NEO4J_META_DONE, {"sid": graph.snapshot_id})
        return WriteReport(counts.nodes, counts.edges, counts.seconds, graph.snapshot_id, counts.skipped)

    def wipe(self, relationships_only: bool = False) -> None:
        """Delete every relationship and (unless ``relationships_only``) node: benchmarks and tests only."""
        with self._errors(), self._driver.session(database=self.database) as session:
            for stmt in cypher.NEO4J_WIPE[:1] if relationships_only else cypher.NEO4J_WIPE:
                session.run(stmt).consume()

    # ---------------------------------------------------------------- reading
    def snapshot_id(self) -> str | None:
        """The snapshot id of the last completed push (``None`` before it)."""
        rows = self._rows(cypher.NEO4J_META_READ)
        return str(rows[0]["sid"]) if rows and rows[0]["sid"] is not None else None

    def _rows(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of one fixed query, fetched as one packed record (see :func:`cypher.neo4j_packed`)."""
        params = params or {}
        columns = self._columns(query, params)
        if columns is not None and self._pack:
            packed = self._packed_rows(query, columns, params)
            if packed is not None:
                return packed
        return [{k: plain(v) for k, v in rec.items()} for rec in self._read(query, params)]

    def _packed_rows(self, query: str, columns: list[str],
                     params: dict[str, Any]) -> list[dict[str, Any]] | None:
        """The rows as one packed record; None (and row-by-row reads from now on) when the server
        refuses it for lack of transaction memory: a packed result must fit in it whole."""
        try:
            records = self._read_once(cypher.neo4j_packed(query, columns), params)
        except Neo4jError as exc:
            if not out_of_memory(exc):
                raise
            self._pack = False
            log.warning("Neo4j refused a packed read for lack of transaction memory; reading row by row "
                        "from now on (raise dbms.memory.transaction.total.max for faster reads)")
            return None
        packed = records[0]["rows"] if records else []
        return [{k: plain(v) for k, v in zip(columns, row, strict=True)} for row in packed]

    def _columns(self, query: str, params: dict[str, Any]) -> list[str] | None:
        """Result keys of a fixed query, asked once per query text with ``EXPLAIN`` (nothing runs).

        ``None`` when a key is not a plain name: Neo4j's plan renames an alias that shadows a
        variable (``count(n) AS n`` plans as ``"  n@9"``); such queries (counts, one-row
        answers) run unpacked.
        """
        if query not in self._column_cache:
            with self._errors():
                result = self._driver.execute_query(cypher.explain(query), params, database_=self.database,
                                                    routing_=neo4j.RoutingControl.READ)
            keys = list(result.keys)
            self._column_cache[query] = keys if all(map(cypher.plain_column, keys)) else None
        return self._column_cache[query]

    def _read_once(self, query: str, params: dict[str, Any]) -> list[neo4j.Record]:
        """One auto-commit read, not retried: a packed read refused for memory must fail fast.

        (``execute_query`` retries transient errors for 30 s, and a memory refusal is transient.)
        """
        with self._errors(), self._driver.session(database=self.database,
                                                  default_access_mode=neo4j.READ_ACCESS) as session:
            return list(session.run(query, params))

    def _read(self, query: str, params: dict[str, Any]) -> list[neo4j.Record]:
        with self._errors():
            records, _, _ = self._driver.execute_query(
                query, params, database_=self.database, routing_=neo4j.RoutingControl.READ)
        return records

    def cypher(
        self, query: str, params: dict[str, Any] | None = None, *, row_cap: int | None = None,
        timeout_s: float | None = None,
    ) -> QueryResult:
        """Allow-list check, EXPLAIN query-type check, then a READ session under the time and row limits.

        The time limit is the transaction's own timeout, so the server stops the work (also on a
        server whose ``db.transaction.timeout`` is unset). Records stream in batches of at most
        ``cap + 1`` and the rest is discarded, which ends the query on the server. No ``LIMIT`` is
        pushed into the text here: it would cost plans (``RETURN count(*) LIMIT n`` no longer reads
        the count store: 0.07 s became a timeout on a six-way cartesian count).
        """
        check_query(query)
        cap, seconds = limits.effective_limits(self.settings, row_cap, timeout_s)
        # 0 = no limit of skg's own: send none, so the server's db.transaction.timeout still applies
        # (an explicit 0 would override it and let the query run forever on Neo4j 5.3+).
        timeout = seconds if seconds > 0 else None
        params = params or {}
        with self._errors(), self._driver.session(
            database=self.database, default_access_mode=neo4j.READ_ACCESS, fetch_size=min(cap + 1, 1000)
        ) as session:
            try:
                self._check_plan(session, query, params, timeout)
                return _collect(session.run(neo4j.Query(query, timeout=timeout), params), cap)
            except (ClientError, Neo4jError, DriverError) as exc:
                raise self._query_error(exc, timeout) from None

    def _query_error(self, exc: Exception, timeout: float | None) -> QueryError:
        """The server's error as one that names the limit that was hit, if one was.

        Neo4j 5.26 reports the server's own default timeout with the "client configuration" code
        too, so whose limit it was follows from whether skg sent one.
        """
        code = str(getattr(exc, "code", "") or "")
        if "TransactionTimedOut" in code:
            ours = timeout is not None and code.endswith("ClientConfiguration")
            return limits.timeout_error(timeout or 0.0, server=not ours)
        if out_of_memory(exc):
            return limits.memory_error("neo4j_tx_memory_mb", int(self.settings.neo4j_tx_memory_mb))
        return QueryError(f"query failed: {getattr(exc, 'message', None) or exc}",
                          hint="check the Cypher (see docs/cypher.md)")

    @staticmethod
    def _check_plan(session: neo4j.Session, query: str, params: dict[str, Any],
                    timeout: float | None = None) -> None:
        summary = session.run(neo4j.Query(cypher.explain(query), timeout=timeout), params).consume()
        if summary.query_type != "r":
            raise QueryRefusedError(
                f"refused: Neo4j plans this query as type {summary.query_type!r}, not read-only ('r')",
                hint="only read queries may run")

    def close(self) -> None:
        """Close the driver."""
        self._driver.close()


def _collect(result: neo4j.Result, cap: int) -> QueryResult:
    """At most ``cap`` records; one more present means the result was cut off (the rest is discarded)."""
    columns = list(result.keys())
    rows: list[list[Any]] = []
    truncated = False
    for record in result:
        if len(rows) >= cap:
            truncated = True
            break
        rows.append([to_json_value(v) for v in record.values()])
    return QueryResult(columns, rows, truncated, {"backend": "neo4j"})


