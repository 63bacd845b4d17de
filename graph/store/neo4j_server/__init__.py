"""The local Neo4j Community server of ``skg`` (``skg neo4j start|stop|status``).

Other stages connect through :func:`local_credentials` and call :func:`ensure_running`
before they need a server; see ``docs/neo4j.md``. The names are imported on first use
(:mod:`graph.lazy`): the client imports the Neo4j driver (and through it pandas), about
0.7 s that ``skg --help`` and the commands of other stages should not pay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.lazy import lazy_exports

if TYPE_CHECKING:
    from graph.store.neo4j_server.bulk import bulk_import
    from graph.store.neo4j_server.client import local_credentials, verify
    from graph.store.neo4j_server.launcher import ensure_running, is_running, start, status, stop

__all__ = ["bulk_import", "ensure_running", "is_running", "local_credentials", "start", "status", "stop",
           "verify"]
__getattr__, __dir__ = lazy_exports(__name__, {
    "bulk_import": "graph.store.neo4j_server.bulk",
    "local_credentials": "graph.store.neo4j_server.client", "verify": "graph.store.neo4j_server.client",
    **{name: "graph.store.neo4j_server.launcher"
       for name in ("ensure_running", "is_running", "start", "status", "stop")},
})
