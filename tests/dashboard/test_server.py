"""The server's warm-up: it fills the caches the first page uses, and never stops the server."""

from __future__ import annotations

import pytest

from dashboard import data, server, summary
from graph.settings import Settings


def test_server_warm_up_writes_and_caches_the_summary(fixture_home: Settings) -> None:
    server.warm_up()
    assert summary.cache_path(fixture_home.home_path, "s_fixture").is_file()
    cached = data.summary("s_fixture")
    assert data.summary("s_fixture") is cached, "pages get the warmed object, not a recomputation"
    assert cached.lands == ["Baden-Württemberg", "Bayern"]


def test_server_warm_up_on_an_empty_store_does_nothing(settings: Settings) -> None:
    server.warm_up()
    assert not (settings.home_path / "cache").exists()


def test_server_warm_up_survives_neo4j_down(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKG_BACKEND", "neo4j")
    monkeypatch.setenv("SKG_NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setenv("SKG_NEO4J_PASSWORD", "wrong")
    server.warm_up()  # the first page reports the outage with its friendly message


def test_server_preload_imports_no_heavy_page_modules() -> None:
    """igraph, pyvis, plotly.express and altair wait for their pages.

    (networkx comes with the store, plotly.graph_objects with Streamlit itself.)
    """
    import subprocess
    import sys

    code = ("import sys; from dashboard import server; server.preload(); server.warm_up(); "
            "print(sorted(m for m in ('igraph', 'plotly.express', 'pyvis', 'altair') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_server_component_scan_is_skipped_and_finds_nothing_anyway() -> None:
    """The scan it replaces finds no component in this environment (so nothing is lost)."""
    from streamlit.components.v2 import manifest_scanner

    original = manifest_scanner.scan_component_manifests
    assert original() == []
    try:
        server.skip_component_scan()
        assert manifest_scanner.scan_component_manifests() == []
        assert manifest_scanner.scan_component_manifests is not original
    finally:
        manifest_scanner.scan_component_manifests = original
