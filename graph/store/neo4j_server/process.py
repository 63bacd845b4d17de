"""Process helpers: is a pid our launcher, terminate it, read a log tail, hold a lock.

Kept apart from the launcher so the start/stop logic reads as a sequence of steps.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path

from graph.store.neo4j_server.layout import MAIN_CLASS


def _reap(pid: int) -> None:
    """Collect the exit status when the launcher is our own child (tests start it in-process)."""
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a just-spawned child may not show its final command line yet)."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        done = 0
    if done == pid:
        return False
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def is_launcher(pid: int, root: Path) -> bool:
    """True when ``pid`` is alive and is the launcher serving ``root`` (guards against pid reuse)."""
    _reap(pid)
    cmdline = Path(f"/proc/{pid}/cmdline")
    if Path("/proc/self").exists():
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            return False
        return MAIN_CLASS.encode() in args and str(root).encode() in args
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def terminate(pid: int, root: Path, timeout: float) -> bool:
    """SIGTERM (the launcher's shutdown hook closes the databases), SIGKILL after ``timeout``.

    Returns True when the process ended within ``timeout`` by itself.
    """
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not is_launcher(pid, root):
            return True
        time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    time.sleep(0.5)
    _reap(pid)
    return False


def port_free(port: int) -> bool:
    """True when nothing listens on 127.0.0.1:``port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def log_tail(path: Path, lines: int = 25) -> str:
    """The last ``lines`` lines of a log file (empty when it does not exist)."""
    if not path.exists():
        return ""
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock so two `skg neo4j start` calls on one home do not race."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
