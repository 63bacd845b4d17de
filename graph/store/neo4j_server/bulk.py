"""Load CSV files with Neo4j's offline bulk importer (``neo4j-admin database import full``).

This is the ceiling the batched ``UNWIND … MERGE`` push is benchmarked against: the importer
writes store files directly and needs the server stopped, so :func:`bulk_import` stops the
local server, replaces ``database`` and starts the server again. The importer comes with the
same Maven artifacts as the server (``neo4j-import-tool``), so no extra download is needed.

CSV files use the importer's header format, e.g. ``id:ID,name,:LABEL`` for nodes and
``:START_ID,:END_ID,:TYPE`` for relationships; an item may carry a label or type prefix as
on the command line (``"Entity:Vendor=/path/vendors.csv"``). Constraints and indexes are not
created by the importer: create them after the import.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from graph.errors import BackendUnavailableError, InputError
from graph.settings import Settings
from graph.store.neo4j_server import launcher, memory, process, toolchain
from graph.store.neo4j_server.layout import Layout

IMPORT_TIMEOUT_S = 3600.0
OFF_HEAP = "512m"
_COUNT = re.compile(r"^\s*(\d+) (nodes|relationships|properties)\s*$", re.MULTILINE)


def _write_config(layout: Layout) -> Path:
    """A minimal neo4j.conf so the importer writes where the launcher reads."""
    conf_dir = layout.root / "conf"
    conf_dir.mkdir(parents=True, exist_ok=True)
    (conf_dir / "neo4j.conf").write_text(
        f"server.directories.data={layout.data}\nserver.directories.logs={layout.logs}\n",
        encoding="utf-8")
    return conf_dir


def _check_inputs(items: Sequence[str]) -> None:
    for item in items:
        for name in item.split("=", 1)[-1].split(","):
            if not Path(name).is_file():
                raise InputError("bulk import input not found", path=name,
                                 hint="pass existing CSV files (optionally prefixed 'Label=')")


def _command(layout: Layout, nodes: Sequence[str], rels: Sequence[str], database: str,
             extra_args: Sequence[str]) -> list[str]:
    return [toolchain.require_tool("java"), memory.plan().heap_flag, "org.neo4j.cli.AdminTool",
            "database", "import", "full", *(f"--nodes={n}" for n in nodes),
            *(f"--relationships={r}" for r in rels), "--overwrite-destination=true",
            f"--max-off-heap-memory={OFF_HEAP}", f"--report-file={layout.root / 'import.report'}",
            *extra_args, database]


def _run_importer(settings: Settings, command: list[str]) -> str:
    layout = Layout.of(settings)
    classpath = toolchain.fetch(layout, str(settings.neo4j_version))
    env = {**os.environ, "CLASSPATH": classpath, "NEO4J_HOME": str(layout.root),
           "NEO4J_CONF": str(_write_config(layout))}
    log = layout.root / "import.log"
    done = subprocess.run(command, cwd=layout.root, env=env, capture_output=True, text=True,
                          timeout=IMPORT_TIMEOUT_S, check=False)
    log.write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode != 0:
        raise BackendUnavailableError(
            f"the Neo4j bulk import failed (exit {done.returncode}):\n{process.log_tail(log, 15)}",
            path=str(log), hint="fix the CSV headers/files named above and retry")
    return done.stdout


def bulk_import(settings: Settings, nodes_csvs: Sequence[str | Path], rels_csvs: Sequence[str | Path],
                database: str = "neo4j", extra_args: Sequence[str] = ()) -> dict[str, Any]:
    """Replace ``database`` of the local server with the CSV contents; return counts and seconds.

    The server is stopped for the import and started again afterwards in the same JIT mode
    (even when it was not running before, so the result can be queried at once).
    """
    launcher.refuse_external(settings, "bulk-import into")
    nodes, rels = [str(n) for n in nodes_csvs], [str(r) for r in rels_csvs]
    _check_inputs([*nodes, *rels])
    layout = Layout.of(settings)
    launcher.ensure_password(layout)
    fast_boot = bool(launcher.status(settings).get("fast_boot"))
    launcher.stop(settings)
    began = time.monotonic()
    output = _run_importer(settings, _command(layout, nodes, rels, database, extra_args))
    seconds = time.monotonic() - began
    launcher.start(settings, fast_boot=fast_boot)
    counts = {kind: int(number) for number, kind in _COUNT.findall(output)}
    return {"database": database, "seconds": seconds, **counts}
