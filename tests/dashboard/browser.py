"""Helpers for driving the real dashboard in headless Chromium (tests and benchmark).

``DashboardServer`` starts ``skg dashboard`` on a free port for a given
SKG_HOME in a new session and stops exactly that process group again (the
command and its ``streamlit run`` child); the page helpers wait until
Streamlit has finished a script run.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    """A port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class DashboardServer:
    """``skg --home HOME dashboard --port PORT`` as a child process."""

    def __init__(self, home: Path, log: Path, port: int | None = None,
                 env: dict[str, str] | None = None) -> None:
        self.home = home
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.extra_env = env or {}
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> DashboardServer:
        env = dict(os.environ, **self.extra_env, SKG_HOME=str(self.home))
        handle = self.log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "graph", "--home", str(self.home), "dashboard", "--port", str(self.port)],
            env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"dashboard exited early:\n{self.log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as resp:
                    if resp.read().strip() == b"ok":
                        return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"dashboard did not answer in {timeout}s:\n{self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        """Stop the server and its Streamlit child: the whole process group this object started."""
        if self.proc is None:
            return
        self._signal_group(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        if _group_alive(self.proc.pid):  # the Streamlit child may outlive its parent briefly
            time.sleep(1.0)
            self._signal_group(signal.SIGKILL)

    def _signal_group(self, sig: signal.Signals) -> None:
        assert self.proc is not None
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, sig)


def _group_alive(pgid: int) -> bool:
    """Whether any process of group ``pgid`` still runs."""
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def launch(playwright: Any) -> Any:
    """Headless Debian Chromium."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def wait_ready(page: Any, timeout: float = 30_000) -> None:
    """Wait until the app shows a title and no script run is in progress."""
    page.wait_for_selector("h1", timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
        timeout=timeout)
    page.wait_for_timeout(800)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
        timeout=timeout)


def visit(page: Any, url: str) -> None:
    """Open ``url`` and wait for the script run to finish."""
    page.goto(url)
    wait_ready(page)


def open_filters(page: Any) -> Any:
    """Open the sidebar's "Filters" popover; return the locator of its body."""
    body = page.locator('[data-testid="stPopoverBody"]')
    if not body.is_visible():
        page.locator('[data-testid="stSidebar"] [data-testid="stPopover"] button').first.click()
        body.wait_for(state="visible", timeout=10_000)
    return body


def choose(page: Any, label: str, option: str, *, sidebar: bool = False) -> None:
    """Pick ``option`` in the select box / multiselect labelled ``label`` by typing and Enter.

    ``sidebar=True`` means the sidebar's filters, which live in the "Filters" popover.
    """
    scope = open_filters(page) if sidebar else page
    widget = scope.locator('[data-testid="stSelectbox"], [data-testid="stMultiSelect"]').filter(has_text=label)
    widget.first.locator("input").click()
    widget.first.locator("input").fill(option)
    page.wait_for_timeout(800)
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    wait_ready(page)


def network_frame(page: Any, timeout: float = 30_000) -> Any:
    """The iframe frame holding the vis-network drawing, once drawn."""
    handle = page.wait_for_selector("iframe", timeout=timeout)
    frame = handle.content_frame()
    frame.wait_for_function("() => document.body && document.body.dataset.drawn === '1'", timeout=timeout)
    return frame


def settle_charts(page: Any, timeout: float = 30_000) -> None:
    """Wait until every Plotly and Vega chart on the page has drawn (for screenshots)."""
    for _ in range(page.locator('[data-testid="stPlotlyChart"]').count()):
        page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
                               ".every(c => c.querySelector('.main-svg'))", timeout=timeout)
        break
    if page.locator('[data-testid="stVegaLiteChart"]').count():
        page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stVegaLiteChart\"]')]"
                               ".every(c => c.querySelector('canvas, svg'))", timeout=timeout)
