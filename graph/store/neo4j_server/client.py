"""Credentials of the Neo4j server skg talks to, and a connection check with clear errors.

A server given by ``SKG_NEO4J_URI`` (or ``NEO4J_URI``) is used as configured; otherwise
the local server of ``skg neo4j start`` on 127.0.0.1 with the generated password.
"""

from __future__ import annotations

import neo4j
from neo4j.exceptions import AuthError, ServiceUnavailable

from graph.errors import BackendUnavailableError
from graph.settings import Settings
from graph.store.neo4j_server.layout import Layout

LOCAL_USER = "neo4j"


def local_uri(settings: Settings) -> str:
    """The Bolt URI of the local server."""
    return f"bolt://127.0.0.1:{settings.neo4j_bolt_port}"


def read_password(layout: Layout) -> str:
    """The generated password of the local server, or a clear error when there is none yet."""
    if not layout.password.exists():
        raise BackendUnavailableError(
            "the local Neo4j has no password yet", path=str(layout.password),
            hint="run `skg neo4j start` (or set SKG_NEO4J_URI/SKG_NEO4J_PASSWORD for your own server)")
    return layout.password.read_text(encoding="utf-8").strip()


def local_credentials(settings: Settings) -> tuple[str, str, str]:
    """``(uri, user, password)`` of the server to use: the configured one, else the local one."""
    if settings.neo4j_uri:
        return settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password
    return local_uri(settings), LOCAL_USER, read_password(Layout.of(settings))


def _unreachable(uri: str, settings: Settings) -> BackendUnavailableError:
    hint = ("check SKG_NEO4J_URI and that the server runs" if settings.neo4j_uri
            else "run `skg neo4j start` (or `skg neo4j status` to see why it is down)")
    return BackendUnavailableError(f"no Neo4j answers at {uri}", hint=hint)


def _refused(uri: str, user: str, settings: Settings) -> BackendUnavailableError:
    hint = ("check SKG_NEO4J_USER / SKG_NEO4J_PASSWORD" if settings.neo4j_uri
            else f"the password file {Layout.of(settings).password} does not match the server; "
                 "run `skg neo4j stop` then `skg neo4j start` to apply it")
    return BackendUnavailableError(f"Neo4j at {uri} refused the login of user {user!r}", hint=hint)


def verify(settings: Settings, timeout: float = 5.0) -> None:
    """Connect and authenticate once; raise :class:`BackendUnavailableError` saying why not."""
    uri, user, password = local_credentials(settings)
    try:
        with neo4j.GraphDatabase.driver(uri, auth=(user, password),
                                        connection_timeout=timeout) as driver:
            driver.verify_connectivity()
    except AuthError:
        raise _refused(uri, user, settings) from None
    except (ServiceUnavailable, OSError):
        raise _unreachable(uri, settings) from None
