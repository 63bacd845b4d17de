"""The network page as a user reaches it: a click in the sidebar, in headless Chromium.

`skg dashboard` serves vis-network as a static file and lays the default
network out in the background while the overview shows; a plain
``streamlit run`` without static serving still draws, with the bundle inlined.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard import netview
from dashboard.commands import APP_PATH, streamlit_command
from dashboard.timing import parse
from tests.dashboard.browser import DashboardServer, free_port, launch, network_frame, visit, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]
playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture
def page() -> Iterator[Any]:
    with playwright_api.sync_playwright() as pw:
        browser = launch(pw)
        yield browser.new_page(viewport={"width": 1400, "height": 1000})
        browser.close()


@pytest.fixture
def timed_server(sample_home: Path, tmp_path: Path) -> Iterator[DashboardServer]:
    """A fresh `skg dashboard` on the sample corpus that logs its step timings."""
    server = DashboardServer(sample_home, tmp_path / "dashboard.log", env={"SKG_DASHBOARD_TIMINGS": "1"})
    server.start()
    yield server
    server.stop()


@pytest.fixture
def plain_streamlit(sample_home: Path, tmp_path: Path) -> Iterator[str]:
    """``streamlit run dashboard/app.py`` without `skg dashboard`'s launcher: no static serving."""
    port = free_port()
    log = (tmp_path / "plain.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(APP_PATH),
                             *streamlit_command(port)[4:]],
                            env=dict(os.environ, SKG_HOME=str(sample_home)), stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_health(url, proc)
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
        log.close()


def _wait_health(url: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        with contextlib.suppress(OSError), urllib.request.urlopen(url + "/_stcore/health", timeout=2):
            return
        time.sleep(0.1)
    raise RuntimeError(f"streamlit at {url} did not start")


def _steps(server: DashboardServer, name: str) -> list[float]:
    return [seconds for step, seconds in parse(server.log.read_text(errors="replace")) if step == name]


def _wait_for_step(server: DashboardServer, name: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not _steps(server, name):
        assert time.monotonic() < deadline, f"no {name} in the server log"
        time.sleep(0.2)


def _click_network(page: Any) -> Any:
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Network").first.click()
    page.wait_for_url("**/network", timeout=30_000)
    return network_frame(page)


def test_network_click_uses_the_prefetched_layout_and_the_served_bundle(
        timed_server: DashboardServer, page: Any, artifacts_dir: Path) -> None:
    visit(page, timed_server.url + "/")
    _wait_for_step(timed_server, "prefetch:network")
    assert len(_steps(timed_server, "network:layout")) == 1, "laid out in the background"
    frame = _click_network(page)
    wait_ready(page)
    assert len(_steps(timed_server, "network:layout")) == 1, "the page reused the background layout"
    assert frame.evaluate("() => net.body.data.nodes.length") > 0
    src = frame.evaluate("() => document.querySelector('script[src]').src")
    assert "/app/static/vis-network.min.js?v=" in src
    srcdoc = page.evaluate("() => document.querySelector('iframe').srcdoc")
    assert netview.vis_script()[-2000:] not in srcdoc, "the bundle is not inlined in the drawing"
    with urllib.request.urlopen(src, timeout=10) as resp:
        assert "javascript" in resp.headers["Content-Type"]
        assert resp.read() == netview.vis_path().read_bytes()
    page.screenshot(path=str(artifacts_dir / "dashboard-network-click.png"))


def test_network_draws_with_the_bundle_inlined_without_static_serving(plain_streamlit: str, page: Any) -> None:
    visit(page, plain_streamlit + "/")
    frame = _click_network(page)
    assert frame.evaluate("() => document.querySelector('script[src]')") is None
    assert frame.evaluate("() => net.body.data.nodes.length") > 0
    try:
        with urllib.request.urlopen(plain_streamlit + "/app/static/vis-network.min.js", timeout=10) as resp:
            served = "javascript" in resp.headers["Content-Type"]
    except urllib.error.HTTPError:
        served = False
    assert not served, "this server serves no static files"


def test_first_page_loads_no_arrow_reader_or_json_viewer(timed_server: DashboardServer, page: Any) -> None:
    """The overview's tables are HTML and its report is text: Chromium fetches neither big chunk."""
    scripts: list[str] = []
    page.on("request", lambda req: scripts.append(req.url) if req.resource_type == "script" else None)
    visit(page, timed_server.url + "/")
    assert page.locator('[data-testid="stHtml"] table.skg-table').count() >= 1
    assert any("/static/js/" in url for url in scripts), "Streamlit's own chunks were seen"
    heavy = [url for url in scripts if "arrowFormatUtils" in url or "reactJsonView" in url]
    assert heavy == []
