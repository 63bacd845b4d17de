"""Fixtures of the store tests: the sample graph written to each backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.settings import Settings, load_settings
from graph.store import GraphStore, open_store
from tests.graph.store.sample_graph import sample_graph


def neo4j_settings() -> Settings:
    """Settings of a reachable Neo4j (skips when none runs, fails when CI=true)."""
    from graph.store.neo4j_server.testing import neo4j_settings_or_skip

    return neo4j_settings_or_skip()


def _embedded(tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    home: Path = tmp_path_factory.mktemp("embedded-home")
    return open_store(load_settings(env={"SKG_HOME": str(home)}, use_file=False), "embedded")


@pytest.fixture(scope="module", params=["embedded", "neo4j"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """A backend holding the sample graph (module-scoped: tests must not change its data)."""
    backend = request.param
    opened = _embedded(tmp_path_factory) if backend == "embedded" else open_store(neo4j_settings(), "neo4j")
    opened.write(sample_graph())
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def both_stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[GraphStore, GraphStore]]:
    """The sample graph in the embedded store and in Neo4j (skips without Neo4j)."""
    neo = open_store(neo4j_settings(), "neo4j")
    emb = _embedded(tmp_path_factory)
    for s in (emb, neo):
        s.write(sample_graph())
    yield emb, neo
    emb.close()
    neo.close()
