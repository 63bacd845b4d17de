"""What's new in headless Chromium: two real snapshots, the page's counts and a screenshot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.settings import load_settings
from tests.dashboard.browser import DashboardServer, launch, visit
from tests.dashboard.conftest import write_graph
from tests.dashboard.fixtures import sample_graph
from tests.dashboard.test_whats_new import later_graph

pytestmark = [pytest.mark.browser, pytest.mark.slow]
playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DashboardServer]:
    home = tmp_path_factory.mktemp("whats-new-home")
    settings = load_settings(env={"SKG_HOME": str(home)}, use_file=False)
    write_graph(settings, sample_graph())
    write_graph(settings, later_graph())
    server = DashboardServer(home, home / "dashboard.log").start()
    yield server
    server.stop()


def test_browser_whats_new_shows_the_changes(two_builds: DashboardServer, artifacts_dir: Path) -> None:
    with playwright_api.sync_playwright() as pw:
        browser = launch(pw)
        page: Any = browser.new_page(viewport={"width": 1400, "height": 1000})
        visit(page, f"{two_builds.url}/whats-new")
        assert page.locator("h1").first.inner_text().strip() == "What's new"
        assert page.locator('[data-testid="stException"]').count() == 0, page.inner_text("body")[:2000]
        page.wait_for_selector('[data-testid="stDataFrame"]', timeout=30_000)  # the comparison is done
        values = [v.inner_text() for v in page.locator('[data-testid="stMetricValue"]').all()]
        assert values == ["1", "1", "0", "0"]
        pickers = " ".join(page.locator('[data-testid="stSelectbox"]').evaluate_all(
            "els => els.map(e => e.textContent + ' ' + Array.from(e.querySelectorAll('input'))"
            ".map(i => i.value + ' ' + (i.getAttribute('aria-label') || '')).join(' '))"))
        assert "From (older build)" in pickers and "s_fixture (" in pickers and "s_later (" in pickers, pickers
        assert "current)" in pickers
        assert page.locator('[data-testid="stDataFrame"]').count() == 2
        page.wait_for_timeout(500)
        page.screenshot(path=str(artifacts_dir / "dashboard-whats-new.png"), full_page=True)
        browser.close()
