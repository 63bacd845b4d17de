"""End-to-end: `skg dashboard` in headless Chromium on the sample corpus built by the real pipeline.

Each test saves a screenshot into the ``artifacts_dir`` fixture. The server
and the browser are shared by the module (starting them costs seconds).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard.commands import run_demo
from graph.settings import load_settings
from tests.dashboard.browser import (
    DashboardServer,
    choose,
    launch,
    network_frame,
    settle_charts,
    visit,
    wait_ready,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
playwright_api = pytest.importorskip("playwright.sync_api")

PAGES = {"": "Overview", "network": "Network", "profile": "Actor profile",
         "vendors": "Vendors × municipalities", "paths": "Paths between two actors",
         "compare": "Compare periods", "whats-new": "What's new", "cypher": "Cypher (read-only)", "review": "Review",
         "export": "Export", "quality": "Data quality"}


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DashboardServer]:
    """The sample corpus ingested and built into a fresh home, served by `skg dashboard`."""
    home = tmp_path_factory.mktemp("demo-home")
    run_demo(load_settings(env={"SKG_HOME": str(home)}, use_file=False))
    server = DashboardServer(home, home / "dashboard.log").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as pw:
        chromium = launch(pw)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()


def _no_exception(page: Any) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, page.inner_text("body")[:2000]


def test_browser_every_page_renders(sample_server: DashboardServer, page: Any, artifacts_dir: Path) -> None:
    for path, title in PAGES.items():
        visit(page, f"{sample_server.url}/{path}")
        assert page.locator("h1").first.inner_text().strip() == title
        _no_exception(page)
        assert page.locator('[data-testid="stAlertContentError"]').count() == 0, path
        settle_charts(page)
        page.screenshot(path=str(artifacts_dir / f"dashboard-{path or 'overview'}.png"))


def _caption_count(page: Any) -> int:
    text = page.locator('[data-testid="stCaptionContainer"]').filter(has_text="actors,").first.inner_text()
    return int(re.match(r"(\d+) actors", text).group(1))  # type: ignore[union-attr]


def test_browser_filter_and_focus_then_profile(sample_server: DashboardServer, page: Any,
                                               artifacts_dir: Path) -> None:
    visit(page, f"{sample_server.url}/network")
    frame = network_frame(page)
    everyone = _caption_count(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "All actors and ties" in sidebar.inner_text()
    assert page.locator('[data-testid="stDateInput"]').count() == 0  # filters wait in their popover
    choose(page, "Entity types", "MUNICIPALITY", sidebar=True)
    page.keyboard.press("Escape")
    assert "MUNICIPALITY · ≤" in sidebar.inner_text()  # the summary shows the active filter
    municipalities = _caption_count(page)
    assert 0 < municipalities < everyone
    choose(page, "Focus on actor", "Ulm")
    frame = network_frame(page)
    focused = _caption_count(page)
    assert 0 < focused <= municipalities
    page.screenshot(path=str(artifacts_dir / "dashboard-network-focus.png"))
    # Click the focused node on the canvas: the top window navigates to its profile.
    target = frame.evaluate("""() => { const ids = net.body.data.nodes.getIds();
        const pos = net.getPositions(ids); const best = ids.find(i => net.body.data.nodes.get(i).label === 'Ulm');
        const p = net.canvasToDOM(pos[best]); return {id: best, x: p.x, y: p.y}; }""")
    assert target["id"]
    box = page.locator("iframe").first.bounding_box()
    page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
    page.wait_for_url(re.compile(r".*/profile\?entity=" + target["id"]), timeout=30_000)
    wait_ready(page)
    assert "Ulm" in page.locator("h2").first.inner_text()
    _no_exception(page)
    page.screenshot(path=str(artifacts_dir / "dashboard-profile.png"))


def test_browser_saved_cypher_query(sample_server: DashboardServer, page: Any, artifacts_dir: Path) -> None:
    visit(page, f"{sample_server.url}/cypher")
    choose(page, "Saved query", "top_vendors_by_reach")
    page.get_by_role("button", name="Run").click()
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=30_000)
    wait_ready(page)
    rows = page.locator('[data-testid="stCaptionContainer"]').filter(has_text="rows").first.inner_text()
    assert int(rows.split()[0]) > 0
    _no_exception(page)
    page.screenshot(path=str(artifacts_dir / "dashboard-cypher.png"))


def test_browser_download_export(sample_server: DashboardServer, page: Any, artifacts_dir: Path) -> None:
    visit(page, f"{sample_server.url}/export")
    choose(page, "Format", "graphml")
    page.get_by_role("button", name="Prepare export").click()
    button = page.get_by_role("button", name=re.compile("Download .*graphml"))
    button.wait_for(timeout=60_000)
    with page.expect_download() as info:
        button.click()
    saved = artifacts_dir / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    page.screenshot(path=str(artifacts_dir / "dashboard-export.png"))


VOLLMER, TENGEN = "e_ab427e9b64e024d0", "e_90b85b1da139a1af"  # Bürgermeisterin of Tengen 2021-03-09 … 2023-01-01


def _set_date(page: Any, label: str, value: str) -> None:
    """Type a date into the segmented yyyy/mm/dd field: the year segment, then digits (it moves on itself)."""
    year = page.locator('[data-testid="stDateInput"]').filter(has_text=label).locator(
        '[role="spinbutton"][data-type="year"]')
    year.click()
    page.keyboard.type(value.replace("/", ""), delay=40)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_ready(page)


def test_browser_paths_at_a_date(sample_server: DashboardServer, page: Any, artifacts_dir: Path) -> None:
    visit(page, f"{sample_server.url}/paths?from={VOLLMER}&to={TENGEN}")
    office = page.locator('[data-testid="stExpander"]').filter(has_text="Bürgermeister (2021-03-09")
    assert office.count() == 0  # without a date no hop is labelled with an office
    _set_date(page, "Offices held on", "2022/06/01")
    office.first.wait_for(timeout=30_000)  # the hop along the office names it with its bounds
    _no_exception(page)
    page.screenshot(path=str(artifacts_dir / "dashboard-paths-as-of.png"))
    _set_date(page, "Offices held on", "2024/06/01")
    page.wait_for_function("() => !document.body.innerText.includes('Bürgermeister (2021-03-09')", timeout=30_000)
    assert "Path 1 (1 hops)" in page.inner_text("body")  # the co-mention tie still links them
    _no_exception(page)
