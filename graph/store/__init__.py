"""Stage `store`: the corpus store and the graph backends behind one interface.

``open_store(settings)`` returns the configured :class:`GraphStore` (embedded
LadybugDB by default, or Neo4j); see ``graph/store/base.py`` for the interface.
"""

from __future__ import annotations

from graph.errors import ConfigError
from graph.settings import Settings
from graph.store.base import GraphStore, QueryResult, SubgraphFilter, WriteReport

BACKENDS = ("embedded", "neo4j")


def open_store(settings: Settings, backend: str | None = None) -> GraphStore:
    """The graph backend named by ``backend`` (default: ``settings.backend``)."""
    name = backend or settings.backend
    if name == "embedded":
        from graph.store.embedded import EmbeddedStore

        return EmbeddedStore(settings)
    if name == "neo4j":
        from graph.store.neo4j_backend import Neo4jStore

        return Neo4jStore(settings)
    raise ConfigError(f"unknown graph backend {name!r}", hint="use embedded or neo4j")


__all__ = ["BACKENDS", "GraphStore", "QueryResult", "SubgraphFilter", "WriteReport", "open_store"]
