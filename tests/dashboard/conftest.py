"""Fixtures: dashboard AppTests over a real embedded store in a per-test SKG_HOME."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from graph.model import GraphData
from graph.settings import Settings, load_settings
from graph.store import open_store
from tests.dashboard.fixtures import sample_graph

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """Streamlit caches live in the process: clear them around every test."""
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


def write_graph(settings: Settings, graph: GraphData) -> None:
    """Store ``graph`` in the embedded backend of ``settings``."""
    with open_store(settings, "embedded") as store:
        store.write(graph)


@pytest.fixture
def fixture_home(settings: Settings) -> Settings:
    """SKG_HOME whose embedded store holds the hand-built sample graph."""
    write_graph(settings, sample_graph())
    return settings


@pytest.fixture(scope="session")
def sample_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with the shipped sample corpus ingested and built by the real pipeline (built once)."""
    from dashboard.commands import run_demo

    home = tmp_path_factory.mktemp("sample-home")
    run_demo(load_settings(env={"SKG_HOME": str(home)}, use_file=False))
    return home


@pytest.fixture
def sample_settings(sample_home: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Point the dashboard at the shared sample home (read-only use)."""
    monkeypatch.setenv("SKG_HOME", str(sample_home))
    return load_settings(env={"SKG_HOME": str(sample_home)}, use_file=False)


def open_page(page: str, **query: str) -> AppTest:
    """Run the app, switch to ``views/<page>.py`` and run it (optionally with query params)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(f"views/{page}.py")
    return at.run()
