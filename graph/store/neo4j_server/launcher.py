"""Start, stop and inspect the local Neo4j Community server of ``skg``.

``start`` runs four steps: generate the password (first start only), fetch Neo4j with Maven
(cached in ~/.m2), compile the launcher, boot it detached and wait until Bolt accepts the
password. Heap, page cache and transaction memory are sized from the machine's RAM within
fixed bounds (see :mod:`graph.store.neo4j_server.memory`).
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import time
from dataclasses import replace
from typing import Any

from graph.errors import BackendUnavailableError, ConfigError
from graph.settings import Settings
from graph.store.neo4j_server import memory, process, toolchain
from graph.store.neo4j_server.client import local_credentials, local_uri, verify
from graph.store.neo4j_server.layout import MAIN_CLASS, Layout

TX_TIMEOUT_S = 120
STOP_TIMEOUT_S = 60.0
READY_MARK = "skg-neo4j: READY"
# C1-only JIT halves the CPU a boot needs (measured 11.6 s vs 21 s of CPU time) at the price of
# slower long-running queries: right for tests that check behaviour, wrong for benchmarks.
FAST_BOOT_FLAGS = ("-XX:TieredStopAtLevel=1",)


def ensure_password(layout: Layout) -> str:
    """Create the random password file (mode 0600) once; keep its mode strict afterwards."""
    layout.root.mkdir(parents=True, exist_ok=True)
    if not layout.password.exists():
        fd = os.open(layout.password, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_urlsafe(24) + "\n")
    os.chmod(layout.password, 0o600)
    return layout.password.read_text(encoding="utf-8").strip()


def _read_state(layout: Layout) -> dict[str, Any] | None:
    try:
        state = json.loads(layout.state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def _running_state(layout: Layout) -> dict[str, Any] | None:
    """The saved state when its process is still our launcher; stale files are removed."""
    state = _read_state(layout)
    if state is None:
        return None
    if process.is_launcher(int(state.get("pid", -1)), layout.root):
        return state
    layout.state.unlink(missing_ok=True)
    return None


def is_running(settings: Settings) -> bool:
    """True when the local launcher of this home is alive (not whether Bolt answers yet)."""
    return _running_state(Layout.of(settings)) is not None


def refuse_external(settings: Settings, action: str) -> None:
    if settings.neo4j_uri:
        raise ConfigError(f"cannot {action} a server given by SKG_NEO4J_URI={settings.neo4j_uri}",
                          hint="unset SKG_NEO4J_URI / NEO4J_URI to use the local server")


def _java_command(layout: Layout, port: int, fast_boot: bool, tx_memory_mb: int = 0) -> list[str]:
    mem = memory.plan()
    if tx_memory_mb > 0:
        mem = replace(mem, tx_memory=tx_memory_mb * memory.MIB)
    return [toolchain.require_tool("java"), mem.heap_flag, "-XX:+ExitOnOutOfMemoryError",
            *(FAST_BOOT_FLAGS if fast_boot else ()), MAIN_CLASS, "serve", str(layout.root), str(port),
            f"pagecache={mem.pagecache}", f"tx_timeout_s={TX_TIMEOUT_S}", f"tx_memory={mem.tx_memory}"]


def _spawn(layout: Layout, classpath: str, port: int, fast_boot: bool, tx_memory_mb: int = 0) -> int:
    """Start the launcher detached (own session, output to server.log); return its pid."""
    if layout.log.exists():
        layout.log.replace(layout.log.with_suffix(".log.1"))
    env = {**os.environ, "CLASSPATH": f"{layout.classes}{os.pathsep}{classpath}"}
    with layout.log.open("w", encoding="utf-8") as log:
        command = _java_command(layout, port, fast_boot, tx_memory_mb)
        child = subprocess.Popen(command, cwd=layout.root, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                 stderr=subprocess.STDOUT, start_new_session=True)
    return child.pid


def _failed(layout: Layout, why: str) -> BackendUnavailableError:
    tail = process.log_tail(layout.log) or "(empty log)"
    return BackendUnavailableError(f"the local Neo4j {why}; last lines of {layout.log}:\n{tail}",
                                   hint=f"see {layout.logs}/debug.log for details")


def _wait_ready(settings: Settings, layout: Layout, pid: int, timeout: float) -> None:
    """Wait for the launcher's READY line, then for Bolt to accept the password."""
    deadline = time.monotonic() + timeout
    while READY_MARK not in process.log_tail(layout.log, 200):
        if not process.alive(pid):
            raise _failed(layout, "exited during start")
        if time.monotonic() > deadline:
            process.terminate(pid, layout.root, STOP_TIMEOUT_S)
            raise _failed(layout, f"did not start within {timeout:.0f} s")
        time.sleep(0.25)
    verify(settings, timeout=max(1.0, deadline - time.monotonic()))


def _boot(settings: Settings, layout: Layout, timeout: float, fast_boot: bool) -> dict[str, float]:
    """Fetch, compile, spawn and wait; return the seconds each step took."""
    port = int(settings.neo4j_bolt_port)
    if not process.port_free(port):
        raise BackendUnavailableError(f"port 127.0.0.1:{port} is already in use",
                                      hint="stop what listens there or set SKG_NEO4J_BOLT_PORT")
    timings: dict[str, float] = {}
    began = time.monotonic()
    classpath = toolchain.fetch(layout, str(settings.neo4j_version))
    timings["fetch_s"] = time.monotonic() - began
    toolchain.compile_launcher(layout, classpath)
    timings["compile_s"] = time.monotonic() - began - timings["fetch_s"]
    pid = _spawn(layout, classpath, port, fast_boot, int(settings.neo4j_tx_memory_mb))
    state = {"pid": pid, "port": port, "version": settings.neo4j_version, "started_at": time.time(),
             "fast_boot": fast_boot}
    layout.state.write_text(json.dumps(state), encoding="utf-8")
    boot_began = time.monotonic()
    _wait_ready(settings, layout, pid, timeout)
    timings["boot_s"] = time.monotonic() - boot_began
    return timings


def start(settings: Settings, timeout: float = 300.0, fast_boot: bool = False) -> dict[str, Any]:
    """Start the local server unless it runs; return :func:`status` plus step timings.

    ``fast_boot`` runs the JVM with the C1 compiler only (see ``FAST_BOOT_FLAGS``); a server
    that already runs is kept as it is.
    """
    refuse_external(settings, "start")
    _check_tx_memory(int(settings.neo4j_tx_memory_mb))
    layout = Layout.of(settings)
    with process.locked(layout.lock):
        ensure_password(layout)
        state = _running_state(layout)
        if state is not None:
            _wait_ready(settings, layout, int(state["pid"]), timeout)
            return {**status(settings), "started": False}
        timings = _boot(settings, layout, timeout, fast_boot)
    return {**status(settings), "started": True, "timings": timings}


MIN_TX_MEMORY_MB = 10  # Neo4j refuses a smaller dbms.memory.transaction.total.max (0 means unlimited)


def _check_tx_memory(mb: int) -> None:
    """Refuse a transaction memory the server would refuse, before spending a JVM start on it."""
    if 0 < mb < MIN_TX_MEMORY_MB or mb < 0:
        raise ConfigError(f"neo4j_tx_memory_mb is {mb}; Neo4j needs at least {MIN_TX_MEMORY_MB} MiB",
                          hint=f"set SKG_NEO4J_TX_MEMORY_MB to 0 (half the heap) or >= {MIN_TX_MEMORY_MB}")


def ensure_running(settings: Settings, timeout: float = 120.0, fast_boot: bool = False) -> None:
    """Make sure a server answers: no-op for ``SKG_NEO4J_URI``, else start the local one."""
    if settings.neo4j_uri:
        return
    start(settings, timeout=timeout, fast_boot=fast_boot)


def stop(settings: Settings) -> dict[str, Any]:
    """Stop the local server cleanly (SIGTERM, then SIGKILL after a minute)."""
    refuse_external(settings, "stop")
    layout = Layout.of(settings)
    with process.locked(layout.lock):
        state = _running_state(layout)
        if state is None:
            return {"stopped": False, "was_running": False}
        clean = process.terminate(int(state["pid"]), layout.root, STOP_TIMEOUT_S)
        layout.state.unlink(missing_ok=True)
    return {"stopped": True, "was_running": True, "clean": clean}


def _external_status(settings: Settings) -> dict[str, Any]:
    try:
        verify(settings, timeout=3.0)
        reachable, problem = True, ""
    except BackendUnavailableError as exc:
        reachable, problem = False, str(exc)
    return {"external": True, "uri": settings.neo4j_uri, "running": reachable, "problem": problem}


def status(settings: Settings) -> dict[str, Any]:
    """What runs where: pid, URI, version and the files of the local server."""
    if settings.neo4j_uri:
        return _external_status(settings)
    layout = Layout.of(settings)
    state = _running_state(layout) or {}
    return {"external": False, "running": bool(state), "pid": state.get("pid"),
            "uri": local_uri(settings), "port": state.get("port", settings.neo4j_bolt_port),
            "version": state.get("version", settings.neo4j_version),
            "fast_boot": state.get("fast_boot"), "home": str(layout.root),
            "password_file": str(layout.password), "log": str(layout.log)}


__all__ = ["ensure_running", "is_running", "local_credentials", "start", "status", "stop"]

