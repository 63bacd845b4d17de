"""vis-network as a static file: copied from pyvis, linked only where the server serves it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config

from dashboard import assets, netview


@pytest.fixture
def static_serving() -> Iterator[None]:
    """Streamlit's ``server.enableStaticServing`` switched on for one test."""
    before = config.get_option("server.enableStaticServing")
    config.set_option("server.enableStaticServing", True)
    yield
    config.set_option("server.enableStaticServing", before)


def test_assets_publish_copies_the_pyvis_bundle_once(tmp_path: Path) -> None:
    static = tmp_path / "static"
    assert assets.publish_vis(static)
    copy = static / assets.VIS_NAME
    assert copy.read_bytes() == netview.vis_path().read_bytes()
    assert copy.stat().st_mtime == netview.vis_path().stat().st_mtime, "keeps pyvis's date (browser cache)"
    assert (static / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    os.utime(copy, (1, 1))
    assert assets.publish_vis(static)
    assert copy.stat().st_mtime == 1, "an identical copy is left alone"


def test_assets_publish_replaces_a_stale_copy(tmp_path: Path) -> None:
    (tmp_path / assets.VIS_NAME).write_text("/* an older vis-network */", encoding="utf-8")
    assert assets.publish_vis(tmp_path)
    assert (tmp_path / assets.VIS_NAME).read_bytes() == netview.vis_path().read_bytes()


def test_assets_publish_reports_a_folder_it_cannot_write(tmp_path: Path) -> None:
    blocked = tmp_path / "static"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    assert not assets.publish_vis(blocked)


def test_assets_no_url_without_static_serving(tmp_path: Path) -> None:
    assert assets.publish_vis(tmp_path)
    assert not config.get_option("server.enableStaticServing")
    assert assets.vis_url(tmp_path) is None, "pages inline the bundle instead"


@pytest.mark.usefixtures("static_serving")
def test_assets_url_names_the_content(tmp_path: Path) -> None:
    assert assets.vis_url(tmp_path) is None, "no file, no link"
    assert assets.publish_vis(tmp_path)
    url = assets.vis_url(tmp_path)
    assert url is not None and url.startswith("/app/static/vis-network.min.js?v=")
    other = tmp_path / "other"
    other.mkdir()
    (other / assets.VIS_NAME).write_text("/* another build */", encoding="utf-8")
    assert assets.vis_url(other) != url, "a different bundle gets a different URL"
