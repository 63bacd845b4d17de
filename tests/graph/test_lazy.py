"""CLI start-up: importing the command tree must not import the heavy libraries of every stage."""

from __future__ import annotations

import subprocess
import sys

import pytest

from graph.lazy import lazy_exports

HEAVY = ("trafilatura", "feedparser", "neo4j", "pandas", "igraph", "streamlit")


def test_lazy_cli_import_leaves_heavy_libraries_alone() -> None:
    code = ("import sys, graph.cli; graph.cli._register_stages(); "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_lazy_package_names_resolve_on_first_use() -> None:
    import graph.ingest as ingest

    assert callable(ingest.read_inputs)
    assert "read_inputs" in dir(ingest)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = ingest.nothing


def test_lazy_exports_names_the_package_in_errors() -> None:
    getattr_, dir_ = lazy_exports("x.y", {"a": "json"})
    assert dir_() == ["a"]
    with pytest.raises(AttributeError, match=r"'x\.y'"):
        getattr_("b")
