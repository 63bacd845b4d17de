"""Time and row limits of user Cypher on both backends (and through `skg query`)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from graph.cli import main
from graph.errors import QueryError
from graph.settings import Settings, load_settings
from graph.store import GraphStore, open_store
from graph.store.neo4j_backend import Neo4jStore
from graph.store.saved_queries import get_query, list_queries, run_saved
from tests.graph.store.conftest import neo4j_settings
from tests.graph.store.expensive import EXPENSIVE_QUERIES, SIX_WAY_CARTESIAN, SIX_WAY_ROWS
from tests.graph.store.sample_graph import sample_graph
from tests.graph.store.test_contract import SAVED_ARGS

LIMIT_S = 1.0
# Generous: the machine is shared; the point is "stopped near the limit", not "minutes later".
MARGIN_S = 10.0
BACKENDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def _limited(backend: str, tmp_path_factory: pytest.TempPathFactory, timeout_s: float = LIMIT_S) -> GraphStore:
    """A backend holding the sample graph whose ``query_timeout_s`` setting is ``timeout_s``."""
    if backend == "neo4j":
        base = neo4j_settings()
    else:
        base = load_settings(env={"SKG_HOME": str(tmp_path_factory.mktemp("limits-home"))}, use_file=False)
    opened = open_store(base.with_overrides(query_timeout_s=timeout_s), backend)
    opened.write(sample_graph())
    return opened


@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """The sample graph on each backend with a one-second time limit (read only here)."""
    opened = _limited(request.param, tmp_path_factory)
    yield opened
    opened.close()


def _entities(store: GraphStore) -> Any:
    return store.cypher("MATCH (n:Entity) RETURN count(n)").rows


# ------------------------------------------------------------------ time limit
@pytest.mark.parametrize("query", EXPENSIVE_QUERIES)
def test_limits_expensive_query_stops_at_the_time_limit(store: GraphStore, query: str) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError) as caught:
        store.cypher(query)
    assert time.monotonic() - started < LIMIT_S + MARGIN_S
    text = str(caught.value)
    assert "[E404]" in text and "time limit of 1 s" in text
    assert "query_timeout_s" in text and "--timeout" in text and "SKG_QUERY_TIMEOUT_S" in text
    assert "LIMIT" in text and "narrow" in text
    assert _entities(store) == [[17]], "the store answers normally right after the stop"


def test_limits_timeout_argument_overrides_the_setting(store: GraphStore) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"\[E404\].*time limit of 0\.5 s"):
        store.cypher(SIX_WAY_CARTESIAN, timeout_s=0.5)
    assert time.monotonic() - started < 0.5 + MARGIN_S


def test_limits_embedded_engine_stops_working_after_the_limit(tmp_path_factory: pytest.TempPathFactory) -> None:
    emb = _limited("embedded", tmp_path_factory)
    with pytest.raises(QueryError, match=r"\[E404\]"):
        emb.cypher(SIX_WAY_CARTESIAN)
    cpu = time.process_time()
    time.sleep(1.0)
    assert time.process_time() - cpu < 0.3, "no engine thread keeps computing after the stop"
    assert _entities(emb) == [[17]]
    emb.close()


def test_limits_embedded_memory_refusal_names_the_buffer_pool(tmp_path_factory: pytest.TempPathFactory) -> None:
    home = str(tmp_path_factory.mktemp("small-pool"))
    small = load_settings(env={"SKG_HOME": home, "SKG_BUFFER_POOL_MB": "32"}, use_file=False)
    with open_store(small, "embedded") as emb:
        emb.write(sample_graph())
        with pytest.raises(QueryError, match=r"more memory than its limit of 32 MB \(setting buffer_pool_mb\)"):
            emb.cypher("MATCH (a),(b),(c),(d) RETURN count(DISTINCT coalesce(a.id, '') + coalesce(b.id, '') "
                       "+ coalesce(c.id, '') + coalesce(d.id, ''))")
        assert _entities(emb) == [[17]]


def _open_transactions(neo: Neo4jStore) -> list[str]:
    records, _, _ = neo._driver.execute_query("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery",
                                              database_=neo.database)
    return [str(r["currentQuery"]) for r in records if "SHOW TRANSACTIONS" not in str(r["currentQuery"])]


@pytest.mark.neo4j
def test_limits_neo4j_server_drops_the_stopped_transaction(tmp_path_factory: pytest.TempPathFactory) -> None:
    neo = _limited("neo4j", tmp_path_factory, timeout_s=3.0)
    assert isinstance(neo, Neo4jStore)
    caught: list[BaseException] = []

    def run() -> None:
        try:
            neo.cypher(SIX_WAY_CARTESIAN)
        except Exception as exc:
            caught.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    seen = False
    deadline = time.monotonic() + 3.0
    while not seen and time.monotonic() < deadline:
        seen = any("MATCH (a),(b),(c)" in q for q in _open_transactions(neo))
        time.sleep(0.05)
    worker.join(60)
    assert seen, "the running query is visible in SHOW TRANSACTIONS"
    assert len(caught) == 1 and "[E404]" in str(caught[0]), caught
    deadline = time.monotonic() + 5.0
    while any("MATCH (a),(b),(c)" in q for q in _open_transactions(neo)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any("MATCH (a),(b),(c)" in q for q in _open_transactions(neo)), "the server stopped it"
    assert _entities(neo) == [[17]]
    neo.close()


# ------------------------------------------------------------------- row limit
def test_limits_result_over_the_row_cap_is_cut_and_flagged(store: GraphStore) -> None:
    capped = store.cypher("MATCH (a:Entity), (b:Entity) RETURN a.id, b.id", row_cap=50)
    assert len(capped.rows) == 50 and capped.truncated
    note = capped.notice()
    assert "first 50 rows" in note and "query_row_cap" in note and "--row-cap" in note and "LIMIT" in note
    exact = store.cypher("MATCH (a:Entity), (b:Entity) RETURN a.id, b.id", row_cap=17 * 17)
    assert len(exact.rows) == 289 and not exact.truncated and exact.notice() == ""


def test_limits_huge_result_is_never_built_in_full(store: GraphStore,
                                                  tmp_path_factory: pytest.TempPathFactory) -> None:
    """Hundreds of millions of rows, ten wanted: the engine is asked for eleven, so it stops early."""
    with _limited(store.name, tmp_path_factory, timeout_s=60) as patient:
        capped = patient.cypher(SIX_WAY_ROWS, row_cap=10)
    assert len(capped.rows) == 10 and capped.truncated


@pytest.mark.parametrize(("query", "params", "expected", "truncated"), [
    ("MATCH (n:Entity) RETURN n.id ORDER BY n.id LIMIT 3", {}, 3, False),
    ("MATCH (n:Entity) RETURN n.id ORDER BY n.id LIMIT 100", {}, 5, True),
    ("MATCH (n:Entity) RETURN n.id ORDER BY n.id LIMIT $n", {"n": 100}, 5, True),
    ("MATCH (n:Entity) RETURN n.id ORDER BY n.id LIMIT $n", {"n": 2}, 2, False),
    ("MATCH (n:Entity) RETURN n.id AS x UNION ALL MATCH (t:Topic) RETURN t.id AS x", {}, 5, True),
    ("MATCH (n:Entity) WITH n ORDER BY n.id LIMIT 4 RETURN n.id", {}, 4, False),
])
def test_limits_users_own_limit_is_kept_below_the_cap(store: GraphStore, query: str, params: dict[str, Any],
                                                      expected: int, truncated: bool) -> None:
    result = store.cypher(query, params, row_cap=5)
    assert (len(result.rows), result.truncated) == (expected, truncated)


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_limits_saved_queries_answer_as_without_limits(store: GraphStore, name: str) -> None:
    """The row limit pushed into a saved query changes nothing when the answer fits under the cap."""
    query = get_query(name)
    params = {k: v for k, v in SAVED_ARGS.items() if k in query.params}
    limited = run_saved(store, name, params)
    bound = {p.name: params.get(p.name, p.default) for p in query.params.values()}
    unlimited = store._rows(query.cypher, bound)  # type: ignore[attr-defined]  # trusted path, no rewrite
    assert not limited.truncated
    assert limited.rows == [list(r.values()) for r in unlimited]


# ------------------------------------------------------------ rewriting, unit
@pytest.mark.parametrize(("query", "params", "expected"), [
    ("MATCH (n) RETURN n", {}, "MATCH (n) RETURN n LIMIT 11"),
    ("MATCH (n) RETURN n // a note", {}, "MATCH (n) RETURN n LIMIT 11 // a note"),
    ("MATCH (n) RETURN n;", {}, "MATCH (n) RETURN n LIMIT 11;"),
    ("MATCH (n) RETURN n ORDER BY n.id SKIP 2", {}, "MATCH (n) RETURN n ORDER BY n.id SKIP 2 LIMIT 11"),
    ("MATCH (n) RETURN n LIMIT 5", {}, "MATCH (n) RETURN n LIMIT 5"),
    ("MATCH (n) RETURN n LIMIT 500", {}, "MATCH (n) RETURN n LIMIT 11"),
    ("MATCH (n) RETURN n LIMIT $k", {"k": 500}, "MATCH (n) RETURN n LIMIT 11"),
    ("MATCH (n) RETURN n LIMIT $k", {"k": 3}, "MATCH (n) RETURN n LIMIT $k"),
    ("MATCH (n) RETURN n LIMIT 2 + 3", {}, "MATCH (n) RETURN n LIMIT 2 + 3"),
    ("MATCH (n) RETURN n.x UNION MATCH (m) RETURN m.x",
     {}, "MATCH (n) RETURN n.x LIMIT 11 UNION MATCH (m) RETURN m.x LIMIT 11"),
    ("MATCH (n) WITH n LIMIT 3 RETURN n", {}, "MATCH (n) WITH n LIMIT 3 RETURN n LIMIT 11"),
    ("MATCH (n) RETURN COUNT { MATCH (n)--(m) RETURN m LIMIT 99 } AS c",
     {}, "MATCH (n) RETURN COUNT { MATCH (n)--(m) RETURN m LIMIT 99 } AS c LIMIT 11"),
    ("MATCH (n) WHERE n.name = 'RETURN x LIMIT 900' RETURN n",
     {}, "MATCH (n) WHERE n.name = 'RETURN x LIMIT 900' RETURN n LIMIT 11"),
    ("CALL db.labels()", {}, "CALL db.labels()"),
    ("CALL db.labels() YIELD label RETURN label", {}, "CALL db.labels() YIELD label RETURN label LIMIT 11"),
])
def test_limits_row_limit_is_pushed_into_the_query(query: str, params: dict[str, Any], expected: str) -> None:
    from graph.store.limits import with_row_limit

    assert with_row_limit(query, params, 10) == expected


# -------------------------------------------------------------- the messages
@pytest.mark.parametrize(("make", "parts"), [
    (lambda lim: str(lim.timeout_error(2.5)),
     ["[E404]", "time limit of 2.5 s", "query_timeout_s", "SKG_QUERY_TIMEOUT_S", "--timeout", "narrow", "LIMIT",
      "-[*1..3]-"]),
    (lambda lim: str(lim.timeout_error(30.0, server=True)),
     ["[E404]", "db.transaction.timeout", "skg's limit of 30 s", "--timeout", "narrow", "LIMIT"]),
    (lambda lim: str(lim.timeout_error(0.0, server=True)),
     ["[E404]", "server's own time limit (its setting db.transaction.timeout) —", "narrow", "LIMIT"]),
    (lambda lim: lim.truncation_note(10000),
     ["first 10000 rows", "query_row_cap", "SKG_QUERY_ROW_CAP", "--row-cap", "LIMIT"]),
    (lambda lim: str(lim.memory_error("buffer_pool_mb", 512)),
     ["[E403]", "512 MB", "buffer_pool_mb", "SKG_BUFFER_POOL_MB", "LIMIT", "narrow"]),
], ids=["timeout", "server-timeout", "server-timeout-no-own-limit", "rows", "memory"])
def test_limits_messages_name_the_limit_the_setting_and_the_next_step(make: Callable[[Any], str],
                                                                      parts: list[str]) -> None:
    from graph.store import limits

    message = make(limits)
    for part in parts:
        assert part in message, f"{part!r} missing from: {message}"


# ------------------------------------------------------------------------ CLI
@pytest.fixture
def built(settings: Settings) -> Settings:
    with open_store(settings, "embedded") as emb:
        emb.write(sample_graph())
    return settings


def test_limits_cli_timeout_flag_stops_the_query(built: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    code = main(["query", SIX_WAY_CARTESIAN, "--timeout", "1"])
    assert time.monotonic() - started < LIMIT_S + MARGIN_S
    err = capsys.readouterr().err
    assert code == 2 and "[E404]" in err and "time limit of 1 s" in err and "Traceback" not in err


def test_limits_cli_timeout_from_the_environment(built: Settings, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SKG_QUERY_TIMEOUT_S", "1")
    assert main(["query", "MATCH p = (a)-[*]-(b) RETURN count(p)"]) == 2
    assert "time limit of 1 s (setting query_timeout_s)" in capsys.readouterr().err


@pytest.mark.parametrize(("fmt", "data_lines"), [("table", None), ("jsonl", 7), ("csv", 8)])
def test_limits_cli_truncation_is_flagged_in_every_format(built: Settings, capsys: pytest.CaptureFixture[str],
                                                          fmt: str, data_lines: int | None) -> None:
    code = main(["query", "MATCH (a:Entity), (b:Entity) RETURN a.id AS a, b.id AS b", "--row-cap", "7",
                 "--format", fmt])
    out, err = capsys.readouterr()
    assert code == 0
    if data_lines is not None:
        assert len(out.splitlines()) == data_lines, "the data stays clean: the notice goes to stderr"
    assert "first 7 rows" in err and "query_row_cap" in err


def test_limits_cli_refuses_a_row_cap_below_one(built: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "MATCH (n) RETURN n", "--row-cap", "0"]) == 2
    assert "--row-cap" in capsys.readouterr().err
