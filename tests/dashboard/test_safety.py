"""Escaping helpers: nothing from the data can become markup or a script."""

from __future__ import annotations

import json
import re

from dashboard import charts, htmltable, netview, ui
from tests.dashboard.fixtures import HOSTILE, HOSTILE_IMG


def test_safety_network_html_cannot_close_its_script() -> None:
    page = netview.network_html([{"id": "x", "label": HOSTILE + HOSTILE_IMG, "title": "</script><b>"}], [])
    assert HOSTILE not in page and "<img src=x" not in page and "</script><b>" not in page
    payload = re.search(r"<script type='application/json' id='skg-data'>(.*?)</script>", page, re.S)
    assert payload and json.loads(payload.group(1))["nodes"][0]["label"] == HOSTILE + HOSTILE_IMG


def test_safety_network_html_is_offline() -> None:
    page = netview.network_html([], [])
    assert "src=\"http" not in page and "src='http" not in page and "<script src" not in page
    assert "vis.Network" in page and netview.vis_script()[:2000] in page, "the bundle is inlined"


def test_safety_network_html_links_the_served_bundle_escaped() -> None:
    page = netview.network_html([], [], script_src="/app/static/vis-network.min.js?v=1'><b>")
    assert "<script src='/app/static/vis-network.min.js?v=1&#x27;&gt;&lt;b&gt;'></script>" in page
    assert netview.vis_script()[:2000] not in page, "the bundle is not inlined a second time"


def test_safety_markdown_text_is_escaped() -> None:
    text = ui.md(HOSTILE + " [click](javascript:alert(1)) **bold**")
    assert "<" not in text and "[click]" not in text and "**" not in text


def test_safety_links_only_http() -> None:
    assert ui.safe_url("javascript:alert(1)") is None
    assert ui.safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert ui.link("T", "javascript:alert(1)") == "T"


def test_safety_plotly_labels_escaped() -> None:
    assert charts.esc(HOSTILE) == "&lt;script&gt;window.__xss=1&lt;/script&gt;"


def test_safety_html_tables_escape_every_cell() -> None:
    page = htmltable.table_html([{"name": HOSTILE, "articles": 1200, "kind": None}], ["name", "articles", "kind"])
    assert HOSTILE not in page and "&lt;script&gt;" in page
    assert ">1,200</td>" in page and "<td style=\"padding:4px 8px;border-bottom:1px solid rgba(49,51,63,0.1);\"></td>" in page


def test_safety_table_grid_escapes_titles() -> None:
    grid = htmltable.table_grid([(HOSTILE, "<table></table>"), ("B", "<table></table>")], columns=2)
    assert HOSTILE not in grid and grid.count("<table></table>") == 2
    assert "repeat(2," in grid
