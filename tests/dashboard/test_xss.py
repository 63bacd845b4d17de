"""Hostile names, titles and quotes are shown as text in the real browser; nothing executes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.settings import load_settings
from tests.dashboard.browser import DashboardServer, launch, network_frame, visit
from tests.dashboard.conftest import write_graph
from tests.dashboard.fixtures import sample_graph

pytestmark = [pytest.mark.browser, pytest.mark.slow]
playwright_api = pytest.importorskip("playwright.sync_api")

VISITS = ("", "network", "profile?entity=e_person", "profile?entity=e_komm1", "profile?entity=e_vendor1",
          "vendors", "paths?from=e_person&to=e_ulm", "compare", "whats-new", "review", "quality", "export", "cypher")


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DashboardServer]:
    """A real embedded store holding actors, titles and quotes full of markup."""
    home = tmp_path_factory.mktemp("hostile-home")
    write_graph(load_settings(env={"SKG_HOME": str(home)}, use_file=False), sample_graph(hostile=True))
    server = DashboardServer(home, home / "dashboard.log").start()
    yield server
    server.stop()


def _flags(page: Any) -> list[Any]:
    return [frame.evaluate("() => window.__xss === undefined ? null : window.__xss") for frame in page.frames]


def test_xss_nothing_executes_on_any_page(hostile_server: DashboardServer, artifacts_dir: Path) -> None:
    dialogs: list[str] = []
    with playwright_api.sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        def on_dialog(dialog: Any) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        for path in VISITS:
            visit(page, f"{hostile_server.url}/{path}")
            page.wait_for_timeout(500)
            if path == "network":
                frame = network_frame(page)
                # Hover every node and edge so that each tooltip is built.
                for node in frame.evaluate("() => net.body.data.nodes.getIds()"):
                    frame.evaluate("(id) => { const p = net.canvasToDOM(net.getPositions([id])[id]);"
                                   " net.body.emitter.emit('hover', {pointer: {DOM: p}}); }", node)
            assert _flags(page) == [None] * len(page.frames), path
            page.screenshot(path=str(artifacts_dir / f"xss-{path.split('?')[0] or 'overview'}.png"))
        visit(page, f"{hostile_server.url}/profile?entity=e_person")
        heading = page.locator("h2").first.inner_text()
        browser.close()
    assert dialogs == []
    assert "<script>window.__xss=1</script>" in heading, "the hostile name is shown as text"
