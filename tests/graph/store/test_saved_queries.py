"""The saved query library: well-formed entries, parameter binding, safety."""

from __future__ import annotations

import pytest

from graph.errors import QueryError
from graph.store.safety import check_query
from graph.store.saved_queries import bind, get_query, list_queries


def test_saved_queries_library_has_at_least_twelve_documented_entries() -> None:
    queries = list_queries()
    assert len(queries) >= 12
    assert len({q.name for q in queries}) == len(queries)
    for q in queries:
        assert q.description and q.cypher.startswith("MATCH")
        for name in q.params:
            assert f"${name}" in q.cypher, f"{q.name}: parameter {name} unused"


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_saved_queries_pass_the_safety_check(name: str) -> None:
    check_query(get_query(name).cypher)


def test_saved_queries_bind_fills_defaults_and_coerces() -> None:
    query = get_query("top_vendors_by_reach")
    assert bind(query) == {"limit": 20, "min_articles": 1}
    assert bind(query, {"limit": "5"}) == {"limit": 5, "min_articles": 1}


@pytest.mark.parametrize(("name", "params", "message"), [
    ("top_vendors_by_reach", {"nope": 1}, "has no parameter nope"),
    ("top_vendors_by_reach", {"limit": "many"}, "not a valid int"),
    ("who_appears_with", {}, "needs --param entity"),
])
def test_saved_queries_bind_refuses_bad_parameters(name: str, params: dict[str, object], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        bind(get_query(name), params)


def test_saved_queries_unknown_name_is_a_clear_error() -> None:
    with pytest.raises(QueryError, match="no saved query named 'missing'"):
        get_query("missing")
