"""Pytest helpers for tests that need the real Neo4j server.

``scripts/test.sh`` starts one server with ``skg --home "$SKG_TEST_NEO4J_HOME" neo4j start``;
tests reach it through :func:`neo4j_settings_or_skip`. A server of one's own works too
(``SKG_NEO4J_URI`` and friends). Without a reachable server the tests skip with the reason,
except under ``CI=true``, where a missing server is a failure rather than a silent skip.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Mapping
from pathlib import Path

import pytest

from graph.errors import SkgError
from graph.settings import Settings, load_settings
from graph.store.neo4j_server.client import verify

HOME_VAR = "SKG_TEST_NEO4J_HOME"
_HOW = (f"run scripts/test.sh, or `skg --home DIR neo4j start` and export {HOME_VAR}=DIR, "
        "or set SKG_NEO4J_URI/SKG_NEO4J_PASSWORD for a server of your own")


def _in_ci(env: Mapping[str, str]) -> bool:
    return env.get("CI", "").strip().lower() in ("1", "true", "yes")


def skip_or_fail(reason: str) -> None:
    """Skip the test saying why, or fail it under ``CI=true`` (where the component must exist)."""
    if _in_ci(os.environ):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def own_server(home: Path, **env: str) -> tuple[Settings, dict[str, object]]:
    """Start a local server of a test's own (fresh home, free port, extra ``SKG_*`` settings).

    Returns its settings and the start result; skips (fails under ``CI=true``) when Java,
    javac or Maven are missing or the server cannot start. The caller stops it.
    """
    from graph.errors import BackendUnavailableError
    from graph.store.neo4j_server.launcher import start

    if not (shutil.which("java") and shutil.which("javac") and shutil.which("mvn")):
        skip_or_fail("java, javac and mvn are needed to run the local Neo4j")
    settings = load_settings(env={"SKG_HOME": str(home), "SKG_NEO4J_BOLT_PORT": str(free_port()), **env},
                             use_file=False)
    try:
        result = start(settings, timeout=300, fast_boot=True)
    except BackendUnavailableError as exc:
        skip_or_fail(f"the local Neo4j could not start here: {exc}")
    return settings, result


def _give_up(reason: str, env: Mapping[str, str]) -> None:
    if _in_ci(env):
        pytest.fail(f"CI=true needs a Neo4j server: {reason}", pytrace=False)
    pytest.skip(f"no Neo4j server: {reason}")


def _test_settings(env: Mapping[str, str]) -> Settings | None:
    """Settings of the test server: the test home's local server, else a configured URI."""
    home = env.get(HOME_VAR, "")
    if home:
        return load_settings(env={**env, "SKG_HOME": home})
    external = load_settings(env=env, use_file=False)
    return external if external.neo4j_uri else None


def neo4j_settings_or_skip(env: Mapping[str, str] | None = None) -> Settings:
    """Settings for the running test server, or skip (fail under ``CI=true``) saying why."""
    env = os.environ if env is None else env
    settings = _test_settings(env)
    if settings is None:
        _give_up(f"{HOME_VAR} is not set and no SKG_NEO4J_URI is given; {_HOW}", env)
        raise AssertionError("unreachable")  # pragma: no cover - skip/fail raise
    try:
        verify(settings)
    except SkgError as exc:
        _give_up(f"{exc} ({_HOW})", env)
    return settings


@pytest.fixture(scope="session")
def neo4j_settings() -> Settings:
    """Session fixture: import it in a conftest or test module to get the server's settings."""
    return neo4j_settings_or_skip()
