"""The allow-list check of user Cypher, without any backend."""

from __future__ import annotations

import pytest

from graph.errors import QueryRefusedError
from graph.store.safety import check_query, strip_literals
from tests.graph.store.refusals import REFUSED_QUERIES

ALLOWED = [
    "MATCH (e:Entity) RETURN e.name AS `display name` ORDER BY `display name` LIMIT 3",
    "MATCH (e:Entity) RETURN e.name AS `x` ORDER BY x",
    "MATCH (n:Entity) WHERE n.name CONTAINS 'x' RETURN n.id LIMIT 5",
    "OPTIONAL MATCH (n:Entity)-[r:CO_MENTIONED]-(m) RETURN n, r, m",
    "MATCH p = (a:Entity)-[* SHORTEST 1..3]-(b:Entity) WHERE a.id = $a RETURN length(p)",
    "MATCH p = shortestPath((a:Entity)-[*..4]-(b:Entity)) RETURN nodes(p)",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score RETURN node.name, score",
    "MATCH (a:Entity) WHERE any(x IN a.aliases WHERE toLower(x) CONTAINS 'bw') RETURN a",
    "MATCH (a:Entity) RETURN a.id, COUNT { MATCH (a)-[]-(b:Entity) } AS d ORDER BY d DESC SKIP 1",
    "MATCH (a:Entity) WHERE EXISTS { MATCH (a)-[:HOLDS_ROLE]->() } RETURN a.name",
    "MATCH (a) RETURN [x IN nodes(p) | x.id] AS ids",
    "UNWIND $rows AS r RETURN r.x",
    "MATCH (a:Entity {id: $id})-[r:CO_MENTIONED|HOLDS_ROLE]-(b) RETURN b.name, r.weight",
    "MATCH (n) RETURN n // CREATE (x)",
    "MATCH (n) WHERE n.name = 'CREATE (x); DROP TABLE Entity' RETURN n",
    "MATCH (n) RETURN CASE WHEN n.lat IS NULL THEN 'none' ELSE 'geo' END AS g",
    "MATCH (n:Entity) RETURN n.name UNION ALL MATCH (n:Entity) RETURN n.name",
    "MATCH (n:Entity) WITH n.type AS t, count(*) AS c RETURN t, c ORDER BY c DESC;",
    "MATCH (n:`Entity`) RETURN n.`name`",
]


@pytest.mark.parametrize("query", ALLOWED)
def test_safety_read_queries_pass(query: str) -> None:
    check_query(query)


@pytest.mark.parametrize("query", REFUSED_QUERIES)
def test_safety_write_admin_file_and_extension_queries_refused(query: str) -> None:
    with pytest.raises(QueryRefusedError, match=r"\[E402\] refused: "):
        check_query(query)


def test_safety_refusal_list_is_long_enough() -> None:
    assert len(REFUSED_QUERIES) >= 30


@pytest.mark.parametrize(("query", "reason"), [
    ("MATCH (n) SET n.x = 1", "SET is not allowed"),
    ("CALL apoc.load.json('x')", "procedure apoc.load.json is not in the allowed"),
    ("RETURN apoc.text.join(['a'], ',')", r"function apoc\.text\.join\(\) is not in the allowed list"),
    ("MATCH (n) RETURN n; MATCH (m) RETURN m", "only one statement"),
    ("MATCH (n) RETURN evil", "evil is not an allowed clause"),
    ("", "empty"),
    ("MATCH (n) WHERE n.x = 'open RETURN n", "unterminated string"),
])
def test_safety_refusal_says_why(query: str, reason: str) -> None:
    with pytest.raises(QueryRefusedError, match=reason):
        check_query(query)


def test_safety_strip_literals_removes_strings_and_comments() -> None:
    tokens = strip_literals("MATCH (n) /* DELETE */ WHERE n.x = \"DROP\" // SET\nRETURN n")
    words = [t.text for t in tokens if t.kind == "word"]
    assert words == ["MATCH", "n", "WHERE", "n", "x", "RETURN", "n"]
