"""The local Neo4j Community server of ``skg`` (``skg neo4j start|stop|status``).

Other stages connect through :func:`local_credentials` and call :func:`ensure_running`
before they need a server; see ``docs/neo4j.md``.
"""

from __future__ import annotations

from graph.store.neo4j_server.bulk import bulk_import
from graph.store.neo4j_server.client import local_credentials, verify
from graph.store.neo4j_server.launcher import ensure_running, is_running, start, status, stop

__all__ = ["bulk_import", "ensure_running", "is_running", "local_credentials", "start", "status", "stop",
           "verify"]
