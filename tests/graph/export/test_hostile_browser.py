"""Hostile names in the HTML network and the SVG figure, opened in real headless Chromium.

Nothing may run: no dialog, no error, no injected element or event handler, no request. The
names must still be there as visible text. PNG and PDF only have to be written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.export import export_graph
from graph.model import GraphData
from graph.settings import Settings
from graph.store.neo4j_server.testing import skip_or_fail
from tests.graph.export.hostile import hostile_graph

CHROMIUM = "/usr/bin/chromium"
INJECTED = """() => ({
    pwned: window.__skgPwned !== undefined,
    images: document.querySelectorAll('img, image, iframe, object, embed, foreignObject').length,
    scripts: document.querySelectorAll('script').length,
    handlers: [...document.querySelectorAll('*')].filter(
        el => [...el.attributes].some(a => a.name.toLowerCase().startsWith('on'))).length,
    broken: document.getElementsByTagName('parsererror').length,
})"""


def visible(text: str) -> str:
    """Text as a reader sees it: control characters gone, any run of white space one blank."""
    return " ".join(re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]", "", text).split())


@pytest.fixture
def data(settings: Settings) -> GraphData:
    return hostile_graph(settings)


def _names(data: GraphData) -> dict[str, str]:
    return {n.id: str(n.props["name"]) for n in data.nodes if n.label == "Entity"}


@pytest.fixture(scope="module")
def open_page() -> Iterator[Callable[[Path], tuple[Any, list[str]]]]:
    """Open a file in one shared headless Chromium; returns (page, events) with every alarm recorded."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"{CHROMIUM} is missing (apt-get install chromium)")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )

        def _open(path: Path) -> tuple[Any, list[str]]:
            events: list[str] = []
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("dialog", lambda d: (events.append("dialog: " + d.message), d.dismiss()))
            page.on("pageerror", lambda e: events.append(f"pageerror: {e}"))
            page.on("console", lambda m: events.append("console: " + m.text) if m.type == "error" else None)
            page.on("request", lambda r: None if r.url.startswith("file:") else events.append("request: " + r.url))
            page.goto(path.as_uri())
            return page, events

        try:
            yield _open
        finally:
            browser.close()


@pytest.mark.browser
def test_html_network_runs_nothing_and_shows_the_names(
    data: GraphData, tmp_path: Path, settings: Settings, open_page: Callable[[Path], tuple[Any, list[str]]],
    artifacts_dir: Path,
) -> None:
    path = export_graph(data, "html", tmp_path / "g.html", settings=settings)
    page, events = open_page(path)
    page.wait_for_function("window.skgNetwork !== undefined")
    names = _names(data)
    labels = page.evaluate("() => Object.fromEntries(window.skgNetwork.body.data.nodes.get().map(n => [n.id, n.label]))")
    assert {i: visible(v) for i, v in labels.items()} == {i: visible(v) for i, v in names.items()}
    # hover every node: vis-network puts its tooltip into the page, the place markup would run
    tips = []
    for node_id in names:
        box = page.evaluate(
            """id => { const n = window.skgNetwork; const p = n.canvasToDOM(n.getPosition(id));
                       const r = document.querySelector('#net').getBoundingClientRect();
                       return [r.left + p.x, r.top + p.y]; }""",
            node_id,
        )
        page.mouse.move(5, 5)
        page.mouse.move(box[0], box[1])
        page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        tips.append(page.eval_on_selector("div.vis-tooltip", "el => el.textContent"))
    page.wait_for_timeout(300)
    found = page.evaluate(INJECTED)
    page.screenshot(path=str(artifacts_dir / "export_hostile_network.png"))
    page.close()
    assert events == []
    assert found == {"pwned": False, "images": 0, "scripts": 2, "handlers": 0, "broken": 0}
    for name in names.values():
        assert any(visible(name) in visible(tip) for tip in tips), name


@pytest.mark.browser
def test_svg_figure_runs_nothing_and_shows_the_names(
    data: GraphData, tmp_path: Path, settings: Settings, open_page: Callable[[Path], tuple[Any, list[str]]]
) -> None:
    path = export_graph(data, "svg", tmp_path / "g.svg", settings=settings)
    page, events = open_page(path)
    page.wait_for_timeout(300)
    found = page.evaluate(INJECTED)
    text = visible(page.evaluate("() => document.documentElement.textContent || ''"))
    tag = page.evaluate("() => document.documentElement.localName")
    page.close()
    assert events == []
    assert tag == "svg" and found == {"pwned": False, "images": 0, "scripts": 0, "handlers": 0, "broken": 0}
    for name in _names(data).values():
        for line in re.split(r"[\n\r]+", name):
            assert visible(line) in text, line


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_png_and_pdf_figures_are_written(data: GraphData, tmp_path: Path, settings: Settings, fmt: str) -> None:
    raw = export_graph(data, fmt, tmp_path / f"g.{fmt}", settings=settings).read_bytes()
    assert raw.startswith(b"\x89PNG" if fmt == "png" else b"%PDF") and len(raw) > 5000
