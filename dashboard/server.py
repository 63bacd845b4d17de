"""Entry point of the dashboard process: preload the data layer, then hand over to ``streamlit run``.

Streamlit imports the app's modules during the first visitor's first script
run, so pandas, the store backend and the data layer (about 1.2 s together on
the development machine) used to be paid by the first page. Importing them
here, before the server starts listening, moves that cost to server start.

    python -m dashboard.server APP_PATH [streamlit run options]
"""

from __future__ import annotations

import importlib
import logging
import sys

PRELOAD = ("pandas", "graph.store", "graph.store.embedded", "dashboard.data", "dashboard.sidebar",
           "dashboard.ui", "dashboard.quality")


def preload() -> None:
    """Import what the first page needs (the modules stay in ``sys.modules`` for the script runs)."""
    # Without a runtime yet, Streamlit warns once per cached function while
    # validating its options; the caches themselves attach to the runtime later.
    apis = ("cache_data_api", "cache_resource_api")
    loggers = [logging.getLogger(f"streamlit.runtime.caching.{m}") for m in apis]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        for name in PRELOAD:
            importlib.import_module(name)
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def main(argv: list[str]) -> int:
    """Preload, then run ``streamlit run *argv`` in this process."""
    from streamlit.web import cli

    preload()
    sys.argv = ["streamlit", "run", *argv]
    try:
        cli.main()
    except SystemExit as stop:
        return int(stop.code or 0) if not isinstance(stop.code, str) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
