"""Escaping helpers: nothing from the data can become markup or a script."""

from __future__ import annotations

import json
import re

from dashboard import charts, netview, ui
from tests.dashboard.fixtures import HOSTILE, HOSTILE_IMG


def test_safety_network_html_cannot_close_its_script() -> None:
    page = netview.network_html([{"id": "x", "label": HOSTILE + HOSTILE_IMG, "title": "</script><b>"}], [])
    assert HOSTILE not in page and "<img src=x" not in page and "</script><b>" not in page
    payload = re.search(r"const DATA = (\{.*?\});\n", page, re.S)
    assert payload and json.loads(payload.group(1))["nodes"][0]["label"] == HOSTILE + HOSTILE_IMG


def test_safety_network_html_is_offline() -> None:
    page = netview.network_html([], [])
    assert "src=\"http" not in page and "src='http" not in page
    assert "vis.Network" in page


def test_safety_markdown_text_is_escaped() -> None:
    text = ui.md(HOSTILE + " [click](javascript:alert(1)) **bold**")
    assert "<" not in text and "[click]" not in text and "**" not in text


def test_safety_links_only_http() -> None:
    assert ui.safe_url("javascript:alert(1)") is None
    assert ui.safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert ui.link("T", "javascript:alert(1)") == "T"


def test_safety_plotly_labels_escaped() -> None:
    assert charts.esc(HOSTILE) == "&lt;script&gt;window.__xss=1&lt;/script&gt;"
