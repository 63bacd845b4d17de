"""Entry point of the dashboard process: warm up the data layer, then hand over to ``streamlit run``.

Streamlit imports the app's modules during the first visitor's first script
run, so pandas, the store backend and the data layer (about 1.2 s together on
the development machine) used to be paid by the first page. Importing them
here, before the server starts listening, moves that cost to server start.
The warm-up then opens the store and loads the snapshot's summary into the
same ``st.cache_resource`` entries the pages use (a few ms when the summary
file exists, 0.3–0.6 s to compute it once for a 10,000-article snapshot).

    python -m dashboard.server APP_PATH [streamlit run options]
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import sys
import time
from collections.abc import Iterator
from typing import Any

PRELOAD = ("pandas", "graph.store", "graph.store.embedded", "dashboard.data", "dashboard.sidebar",
           "dashboard.ui", "dashboard.quality", "dashboard.summary", "graph.store.corpus")


@contextlib.contextmanager
def quiet_caches() -> Iterator[None]:
    """Without a runtime yet, Streamlit warns once per cached function; the caches still work."""
    apis = ("cache_data_api", "cache_resource_api", "caching.cache_utils")
    loggers = [logging.getLogger(f"streamlit.runtime.caching.{m}") for m in apis]
    loggers.append(logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context"))
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def preload() -> None:
    """Import what the first page needs (the modules stay in ``sys.modules`` for the script runs)."""
    with quiet_caches():
        for name in PRELOAD:
            importlib.import_module(name)


def skip_repl_check() -> None:
    """Spare the first script run Streamlit's check whether it runs in a Python REPL.

    The first element a process draws calls ``inspect.stack()`` only to decide
    whether to print a hint for REPL users; that resolves the source file of
    every loaded module (about 1,700 ``realpath`` calls) and cost 0.35–0.67 s
    of the first page on the 2-core machine. Under ``streamlit run`` the hint
    never applies, so the check is marked as done (a private flag of
    Streamlit 1.67; without it this does nothing).
    """
    from streamlit import delta_generator

    if hasattr(delta_generator, "_use_warning_has_been_displayed"):
        delta_generator._use_warning_has_been_displayed = True


def skip_component_scan() -> None:
    """Spare the server start Streamlit's scan for installed custom components (v2).

    Before it listens, Streamlit reads the metadata of every installed
    distribution (about 140 here) looking for component manifests: 0.4–1.4 s
    on the 2-core machine, and it finds none. The dashboard uses no custom
    components (vis-network is a plain HTML iframe), so this process answers
    the scan with an empty list. Without the scanner module this does nothing.
    """
    with contextlib.suppress(ImportError):
        from streamlit.components.v2 import manifest_scanner

        if hasattr(manifest_scanner, "scan_component_manifests"):
            manifest_scanner.scan_component_manifests = _no_components


def _no_components(max_workers: int | None = None) -> list[Any]:
    return []


def static_options() -> list[str]:
    """Serve vis-network as a static file when it could be put in place (see :mod:`dashboard.assets`)."""
    from dashboard import assets

    return ["--server.enableStaticServing=true"] if assets.publish_vis() else []


def warm_up() -> None:
    """Open the store and load the current snapshot's summary into the shared caches.

    Any failure here (Neo4j down, an empty or broken store) is left for the
    first page to report with its friendly message: warming up is only a
    head start, never a reason for the server not to start.
    """
    from dashboard import data

    with quiet_caches(), contextlib.suppress(Exception):
        snap = data.snapshot()
        if snap:
            data.summary(snap)


def main(argv: list[str]) -> int:
    """Preload and warm up, then run ``streamlit run *argv`` in this process."""
    from streamlit.web import cli

    from dashboard import prefetch, timing

    started = time.perf_counter()
    preload()
    skip_repl_check()
    skip_component_scan()
    timing.log("server:preload", time.perf_counter() - started)
    with timing.step("server:warm_up"):
        warm_up()
    prefetch.enable()
    sys.argv = ["streamlit", "run", *argv, *static_options()]
    try:
        cli.main()
    except SystemExit as stop:
        return int(stop.code or 0) if not isinstance(stop.code, str) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
