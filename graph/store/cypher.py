"""Every Cypher statement of the project, in one place.

Values always travel as parameters (``$id``, ``$rows`` …). Label and
relationship-type names are spliced into the text only from the fixed lists of
:mod:`graph.model.graphdata` / :mod:`graph.store.schema`; :func:`_name` checks
that before any text is built. Saved analyst queries are data files in
``data/queries/`` (see :mod:`graph.store.saved_queries`).

The read queries in the "common" section run unchanged on LadybugDB and Neo4j
(see ``docs/cypher.md`` for the dialect differences they avoid: no ``type()``,
no map-pattern lookups in hot paths, no list comprehensions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.model.graphdata import EDGE_TYPES, NODE_LABELS, EdgeType, NodeLabel
from graph.store.schema import (
    EDGE_SCHEMA,
    ENTITY_EDGE_TYPES,
    FINE_LABELS,
    HASH_PROP,
    META_LABEL,
    NODE_SCHEMA,
    REL_ENDPOINTS,
)

_ALLOWED_NAMES = frozenset((*NODE_LABELS, *EDGE_TYPES, *FINE_LABELS, META_LABEL))


def _name(name: str) -> str:
    """Return ``name`` if it is one of the fixed label/type names, else fail loudly."""
    if name not in _ALLOWED_NAMES:
        raise ValueError(f"{name!r} is not a fixed label or relationship type")
    return name


def _returns(var: str, props: list[str]) -> str:
    return ", ".join(f"{var}.{p} AS {p}" for p in props)


# --------------------------------------------------------------------------- embedded DDL
_LADYBUG_TYPES = {"STRING": "STRING", "DOUBLE": "DOUBLE", "INT64": "INT64",
                  "STRING[]": "STRING[]", "JSON": "STRING"}


def ladybug_schema() -> list[str]:
    """``CREATE NODE/REL TABLE`` statements of the embedded store (declared up front)."""
    stmts = []
    for label in NODE_LABELS:
        cols = ", ".join(
            f"{p} {_LADYBUG_TYPES[t]}{' PRIMARY KEY' if p == 'id' else ''}"
            for p, t in NODE_SCHEMA[label].items()
        )
        stmts.append(f"CREATE NODE TABLE {_name(label)}({cols})")
    rel_cols = ", ".join(f"{p} {_LADYBUG_TYPES[t]}" for p, t in EDGE_SCHEMA.items())
    for edge_type in EDGE_TYPES:
        src, dst = REL_ENDPOINTS[edge_type]
        stmts.append(f"CREATE REL TABLE {_name(edge_type)}(FROM {src} TO {dst}, {rel_cols})")
    return stmts


def ladybug_copy(table: str) -> str:
    """Bulk load a node or rel table from the Arrow table bound to ``$data``."""
    return f"COPY {_name(table)} FROM $data"


# --------------------------------------------------------------------------- common reads
def node_rows(label: NodeLabel) -> str:
    """All nodes of one label with their declared properties (callers sort: no ``ORDER BY``)."""
    props = list(NODE_SCHEMA[label])
    return f"MATCH (n:{_name(label)}) RETURN {_returns('n', props)}"


def edge_props(light: bool = False) -> list[str]:
    """Relationship properties to return; ``light`` leaves out the JSON ones (evidence, offsets)."""
    return [p for p, t in EDGE_SCHEMA.items() if not (light and t == "JSON")]


def edge_rows(edge_type: EdgeType, light: bool = False) -> str:
    """All relationships of one type with endpoints and declared properties (callers sort)."""
    src, dst = REL_ENDPOINTS[edge_type]
    return (f"MATCH (a:{src})-[r:{_name(edge_type)}]->(b:{dst}) "
            f"RETURN a.id AS source, b.id AS target, {_returns('r', edge_props(light))}")


# Reading an older snapshot (``skg watch``): its tables may lack properties or whole tables that
# this version declares, so the columns come from the database itself and are intersected with the
# declared ones before any name reaches the query text.
LADYBUG_TABLES = "CALL show_tables() RETURN name, type"


def ladybug_table_properties(table: str) -> str:
    """Property names of one embedded table (a fixed label or relationship type)."""
    return f"CALL table_info('{_name(table)}') RETURN name"


def node_rows_of(label: NodeLabel, present: Sequence[str]) -> str:
    """Like :func:`node_rows`, but only the declared properties named in ``present``."""
    props = [p for p in NODE_SCHEMA[label] if p in present]
    return f"MATCH (n:{_name(label)}) RETURN {_returns('n', props)}"


def edge_rows_of(edge_type: EdgeType, present: Sequence[str]) -> str:
    """Like :func:`edge_rows`, but only the declared properties named in ``present``."""
    src, dst = REL_ENDPOINTS[edge_type]
    props = [p for p in EDGE_SCHEMA if p in present]
    cols = "".join(f", {c}" for c in [_returns("r", props)] if props)
    return f"MATCH (a:{src})-[r:{_name(edge_type)}]->(b:{dst}) RETURN a.id AS source, b.id AS target{cols}"


def entity_by_id() -> str:
    """One entity by ``$id``."""
    return f"MATCH (n:Entity) WHERE n.id = $id RETURN {_returns('n', list(NODE_SCHEMA['Entity']))}"


def entity_edges(edge_type: EdgeType, end: str) -> str:
    """Entity–entity relationships of one type whose ``end`` (``a`` source / ``b`` target) is ``$id``."""
    if end not in ("a", "b"):
        raise ValueError(end)
    return (f"MATCH (a:Entity)-[r:{_name(edge_type)}]->(b:Entity) WHERE {end}.id = $id "
            f"RETURN a.id AS source, b.id AS target, {_returns('r', list(EDGE_SCHEMA))}")


def edges_from_to(edge_type: EdgeType) -> str:
    """Relationships of one type from ``$source`` to ``$target``."""
    return (f"MATCH (a:Entity)-[r:{_name(edge_type)}]->(b:Entity) "
            f"WHERE a.id = $source AND b.id = $target "
            f"RETURN a.id AS source, b.id AS target, {_returns('r', list(EDGE_SCHEMA))}")


def entities_by_ids() -> str:
    """Entities whose ids are in ``$ids``."""
    return (f"UNWIND $ids AS i MATCH (n:Entity) WHERE n.id = i "
            f"RETURN {_returns('n', list(NODE_SCHEMA['Entity']))}")


def edges_from_ids(edge_type: EdgeType, light: bool = False) -> str:
    """Entity–entity relationships of one type whose source id is in ``$ids``.

    (Filtering targets with ``b.id IN $targets`` is linear per row in LadybugDB: 50 s for a
    9k-node ego network; the caller filters in Python instead.)
    """
    return (f"UNWIND $ids AS i MATCH (a:Entity)-[r:{_name(edge_type)}]->(b:Entity) WHERE a.id = i "
            f"RETURN a.id AS source, b.id AS target, {_returns('r', edge_props(light))}")


# Entity–entity relationship types as one pattern alternative: naming them lets Neo4j skip a
# hub's thousands of MENTIONS (dense nodes keep relationships grouped by type) instead of
# expanding them all and dropping the Article ends by label.
_ENTITY_RELS = "|".join(_name(t) for t in ENTITY_EDGE_TYPES)

# Only the new ids of an ego expansion: DISTINCT targets (≤ one row per entity) instead of every
# (source, target) pair — 173k pairs became 9k ids (4.7 s → 0.2 s) two hops from a hub.
NEIGHBOUR_TARGETS = (
    f"UNWIND $ids AS i MATCH (a:Entity)-[r:{_ENTITY_RELS}]-(b:Entity) WHERE a.id = i "
    "RETURN DISTINCT b.id AS target"
)

NEIGHBOUR_IDS = (
    f"UNWIND $ids AS i MATCH (a:Entity)-[r:{_ENTITY_RELS}]-(b:Entity) WHERE a.id = i "
    "RETURN DISTINCT a.id AS source, b.id AS target"
)

# LadybugDB cannot bind a $parameter inside a list predicate: bind it with WITH first.
SEARCH = (
    "MATCH (n:Entity) WITH n, $q AS q WHERE toLower(n.name) CONTAINS q "
    "OR any(x IN n.aliases WHERE toLower(x) CONTAINS q) "
    "RETURN n.id AS id, n.name AS name, n.type AS type, n.kind AS kind, "
    "n.mentions AS mentions, n.aliases AS aliases"
)


def count_nodes(label: NodeLabel) -> str:
    """Number of nodes with one label."""
    return f"MATCH (n:{_name(label)}) RETURN count(n) AS n"


def count_edges(edge_type: EdgeType) -> str:
    """Number of relationships of one type."""
    return f"MATCH ()-[r:{_name(edge_type)}]->() RETURN count(r) AS n"


ENTITY_TYPE_COUNTS = "MATCH (n:Entity) RETURN n.type AS type, count(n) AS n"

# Articles per publication day (news roles only); ``left`` is 1-based-safe on both backends,
# unlike ``substring`` (0-based in Neo4j, 1-based in LadybugDB). Python rolls days up to periods.
TIMELINE_DAYS = (
    "MATCH (n:Article) WHERE n.published IS NOT NULL AND n.role IN ['article', 'teaser'] "
    "RETURN left(n.published, 10) AS day, count(n) AS n"
)

# --------------------------------------------------------------------------- Neo4j schema
def neo4j_schema() -> list[str]:
    """Constraints and indexes, created idempotently before any write."""
    stmts = [
        f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{_name(label)}) REQUIRE n.id IS UNIQUE"
        for label in NODE_LABELS
    ]
    stmts.append(f"CREATE CONSTRAINT skgmeta_key IF NOT EXISTS FOR (n:{META_LABEL}) REQUIRE n.key IS UNIQUE")
    for prop in ("name", "type", "kind", "land", "ags"):
        stmts.append(f"CREATE INDEX entity_{prop} IF NOT EXISTS FOR (n:Entity) ON (n.{prop})")
    stmts.append("CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)")
    # No relationship-property index on id: Neo4j 5.26 plans MERGE (a)-[x:T {id: …}]->(b) as a
    # full *scan* of such an index per row (quadratic); without it, MERGE expands between the two
    # already-locked endpoints. Older databases may still have the index: drop it.
    for edge_type in EDGE_TYPES:
        stmts.append(f"DROP INDEX rel_{edge_type.lower()}_id IF EXISTS")
    stmts.append(
        "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]"
    )
    return stmts


AWAIT_INDEXES = "CALL db.awaitIndexes(300)"


def neo4j_upsert_nodes(label: NodeLabel, fine: tuple[str, ...]) -> str:
    """Batched node upsert: ``$rows`` of ``{id, props}``; finer labels reset from the fixed list."""
    text = f"UNWIND $rows AS r MERGE (n:{_name(label)} {{id: r.id}}) SET n = r.props"
    if label == "Entity":
        text += " REMOVE n:" + ":".join(FINE_LABELS)
        if fine:
            text += " SET n:" + ":".join(_name(f) for f in fine)
    return text


def neo4j_upsert_edges(edge_type: EdgeType) -> str:
    """Batched relationship upsert: ``$rows`` of ``{id, source, target, props}``."""
    src, dst = REL_ENDPOINTS[edge_type]
    return (f"UNWIND $rows AS r MATCH (a:{src} {{id: r.source}}) MATCH (b:{dst} {{id: r.target}}) "
            f"MERGE (a)-[x:{_name(edge_type)} {{id: r.id}}]->(b) SET x = r.props")


def neo4j_create_edges(edge_type: EdgeType) -> str:
    """Batched creation of relationships the push knows are new: ``$rows`` as for upserts.

    CREATE skips MERGE's search for an existing relationship between the two endpoints, which
    between hub entities walks their relationships of that type per row (at 100k articles,
    batches of 10k: 19.3k rels/s against 17.5k with MERGE in the benchmark, 22.5k against 11.3k
    in a separate run on the same busy machine). Only ids absent from the
    stored ids read at the start of the push come here. The guard keeps a *retried* batch
    idempotent: a batch commits atomically, so if its first row (``$guard_*``) exists, an
    earlier attempt of this very batch committed (its acknowledgement was lost) and nothing is
    written again.
    """
    src, dst = REL_ENDPOINTS[edge_type]
    name = _name(edge_type)
    return (f"OPTIONAL MATCH (:{src} {{id: $guard_source}})-[g:{name}]->(:{dst} {{id: $guard_target}}) "
            f"WHERE g.id = $guard_id WITH count(g) AS done WHERE done = 0 "
            f"UNWIND $rows AS r MATCH (a:{src} {{id: r.source}}) MATCH (b:{dst} {{id: r.target}}) "
            f"CREATE (a)-[x:{name}]->(b) SET x = r.props")


def neo4j_merge_edge(edge_type: EdgeType) -> str:
    """One relationship upsert with plain parameters (the benchmark's one-row-per-transaction baseline)."""
    src, dst = REL_ENDPOINTS[edge_type]
    return (f"MATCH (a:{src} {{id: $source}}) MATCH (b:{dst} {{id: $target}}) "
            f"MERGE (a)-[x:{_name(edge_type)} {{id: $id}}]->(b) SET x = $props")


def neo4j_node_hashes(label: NodeLabel) -> str:
    """Ids and stored row hashes of one label (what an incremental push compares against)."""
    return f"MATCH (n:{_name(label)}) RETURN n.id AS id, n.{HASH_PROP} AS h"


def neo4j_edge_hashes(edge_type: EdgeType) -> str:
    """Ids, endpoint ids and stored row hashes of one relationship type."""
    src, dst = REL_ENDPOINTS[edge_type]
    return (f"MATCH (a:{src})-[r:{_name(edge_type)}]->(b:{dst}) "
            f"RETURN r.id AS id, r.{HASH_PROP} AS h, a.id AS source, b.id AS target")


def neo4j_delete_nodes(label: NodeLabel) -> str:
    """Delete nodes (and their relationships) whose ids are in ``$ids``."""
    return f"UNWIND $ids AS i MATCH (n:{_name(label)} {{id: i}}) DETACH DELETE n"


def neo4j_delete_edges(edge_type: EdgeType) -> str:
    """Delete relationships given as ``$ids`` rows of ``{id, source, target}`` (found via endpoints)."""
    src, dst = REL_ENDPOINTS[edge_type]
    return (f"UNWIND $ids AS i MATCH (a:{src} {{id: i.source}})-[r:{_name(edge_type)}]->"
            f"(b:{dst} {{id: i.target}}) WHERE r.id = i.id DELETE r")


NEO4J_META_PENDING = f"MERGE (m:{META_LABEL} {{key: 'snapshot'}}) SET m.pending = $sid"
NEO4J_META_DONE = f"MERGE (m:{META_LABEL} {{key: 'snapshot'}}) SET m.snapshot_id = $sid, m.pending = null"
NEO4J_META_READ = (f"MATCH (m:{META_LABEL} {{key: 'snapshot'}}) "
                   "RETURN m.snapshot_id AS sid, m.pending AS pending")
NEO4J_FULLTEXT = (
    "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score "
    "RETURN node.id AS id, score ORDER BY score DESC LIMIT $limit"
)
# Relationships first: DETACH DELETE of 10k hub nodes (each with thousands of MENTIONS) in one
# transaction exceeded the memory pool on the 100k-article graph.
NEO4J_WIPE = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
)


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def plain_column(name: str) -> bool:
    """True for a result key usable as a variable name as it is (letters, digits, ``_``)."""
    return bool(_IDENTIFIER.match(name))


def neo4j_packed(query: str, columns: Sequence[str]) -> str:
    """``query`` answering in ONE record: ``rows``, a list of ``[column values…]`` lists.

    Why: the Python driver handles every result record as its own Bolt message (two socket
    reads and a dozen Python calls each, ~50 µs); an ego read of 155k rows spent 17 of its
    30 profiled seconds there. One record carrying a list is unpacked by ``neo4j-rust-ext`` in
    one go. ``columns`` are the query's own result keys (asked with ``EXPLAIN``); the
    subquery's row order is kept by ``collect``.
    """
    for column in columns:
        if not plain_column(column):
            raise ValueError(f"{column!r} is not a plain result column name")
    return f"CALL () {{ {query} }} RETURN collect([{', '.join(columns)}]) AS rows"


def explain(query: str) -> str:
    """``EXPLAIN`` prefix used to ask Neo4j for a user query's type before running it."""
    return "EXPLAIN " + query
