"""A vis-network page built from node and edge lists.

Why not ``pyvis.Network.from_nx``: it is quadratic (18 s at 10k nodes, see
MEASURED.md), while writing the lists directly takes well under a second.
Positions come from Python (seeded igraph layout) and physics is off, so the
browser only draws.

The vis-network bundle (~470 KB, shipped inside pyvis, so no CDN is ever
needed) is either inlined, which keeps the page self-contained, or loaded
from ``script_src``: the dashboard serves it once as a static file of its own
server, so Chromium downloads and compiles it once instead of parsing it out
of every drawing's ``srcdoc`` (see :mod:`dashboard.assets`).

Safety: the data travel as JSON inside a ``<script type="application/json">``
with ``<``, ``>`` and ``&`` escaped as ``\\u003c`` etc. and are read with
``JSON.parse``; labels are drawn on a canvas and tooltips are DOM nodes filled
with ``textContent``; no text is ever parsed as HTML.
"""

from __future__ import annotations

import html
import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

TYPE_COLOURS = {
    "PERSON": "#e15759", "ORGANIZATION": "#4e79a7", "MUNICIPALITY": "#59a14f", "LOCATION": "#b07aa1",
    "vendor": "#f28e2b", "public_it_provider": "#4e79a7", "association": "#76b7b2",
    "public_body": "#9c755f", "media": "#edc948", "other": "#bab0ac",
}
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#17becf"]


def vis_path() -> Path:
    """The vis-network standalone bundle shipped inside pyvis.

    Found without importing pyvis (0.26 s: it pulls in networkx and jinja2).
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("pyvis is not installed")
    base = Path(next(iter(spec.submodule_search_locations)))
    return base / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"


@lru_cache(maxsize=1)
def vis_script() -> str:
    """The text of the vis-network bundle, for pages that inline it."""
    return vis_path().read_text(encoding="utf-8")


def safe_json(value: Any) -> str:
    """JSON that cannot close a ``<script>`` element or start markup."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def node_colour(props: dict[str, Any], colour_by: str, community: int | None) -> str:
    """Colour of one node: by organisation kind / entity type, or by community."""
    if colour_by == "community" and community is not None:
        return PALETTE[community % len(PALETTE)]
    kind = props.get("kind")
    return TYPE_COLOURS.get(str(kind) if kind else "", TYPE_COLOURS.get(str(props.get("type")), "#999"))


_SCRIPT = """
const marks = window.__skgMarks = {lib: performance.now()};
const DATA = JSON.parse(document.getElementById("skg-data").textContent);
function tip(text) { const d = document.createElement("div"); d.style.whiteSpace = "pre-wrap";
  d.style.maxWidth = "420px"; d.textContent = text; return d; }
for (const n of DATA.nodes) { n.title = tip(n.title); }
for (const e of DATA.edges) { e.title = tip(e.title); }
marks.data = performance.now();
const net = new vis.Network(document.getElementById("net"),
  {nodes: new vis.DataSet(DATA.nodes), edges: new vis.DataSet(DATA.edges)},
  {physics: false, layout: {improvedLayout: false},
   interaction: {hover: true, tooltipDelay: 80, hideEdgesOnDrag: DATA.nodes.length > 800},
   nodes: {shape: "dot", font: {size: 14, strokeWidth: 3, strokeColor: "#fff"}},
   edges: {smooth: false, color: {color: "#b0b0b0", highlight: "#333"}}});
net.fit({animation: false});
net.once("afterDrawing", () => { window.__skgDrawnAt = marks.drawn = performance.now();
  document.body.setAttribute("data-drawn", "1"); });
const info = document.getElementById("info");
// The sandboxed iframe may not navigate the top window itself, but it shares the
// app's origin: a link clicked inside the top document navigates as the app would.
function openTop(href) {
  try { const a = window.top.document.createElement("a"); a.href = href; a.target = "_self";
    window.top.document.body.appendChild(a); a.click(); a.remove(); }
  catch (err) { window.open(href, "_blank"); }
}
net.on("click", (p) => {
  if (p.nodes.length) {
    openTop(new URL(DATA.profileUrl + encodeURIComponent(p.nodes[0]), window.top.location.href).href);
  } else if (p.edges.length) {
    const e = DATA.edges.find((x) => x.id === p.edges[0]);
    info.textContent = e ? e.title.textContent : "";
  }
});
"""


def _library_tag(script_src: str | None) -> str:
    """The vis-network ``<script>``: a link to the served file, or the bundle itself inlined."""
    if script_src:
        return f"<script src='{html.escape(script_src, quote=True)}'></script>"
    return "<script>" + vis_script() + "</script>"


def level_legend(styles: dict[str, dict[str, Any]]) -> str:
    """An HTML legend of the evidence levels: one short line drawn per level (fixed text only).

    >>> "corroborated" in level_legend({"corroborated": {"color": "#000", "dashes": False, "extra": 2}})
    True
    """
    items = []
    for level, style in styles.items():
        dash = " ".join(str(int(d)) for d in style["dashes"]) if style["dashes"] else "none"
        width = 2 + float(style["extra"])
        items.append(
            f"<span style='margin-right:14px'><svg width='36' height='10'><line x1='0' y1='5' x2='36' "
            f"y2='5' stroke='{html.escape(style['color'], quote=True)}' stroke-width='{width:g}' "
            f"stroke-dasharray='{dash}'/></svg> {html.escape(level)}</span>")
    return "<div id='legend' style='font-size:13px;padding:4px'>Evidence: " + "".join(items) + "</div>"


def network_html(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], *, height: int = 640,
                 profile_url: str = "profile?entity=", script_src: str | None = None,
                 legend: str = "") -> str:
    """A complete HTML page drawing ``nodes`` (id,label,x,y,size,color,title) and ``edges``.

    ``script_src`` is the URL of ``vis-network.min.js`` on the dashboard's own
    server; without it the bundle is inlined and the page works on its own.
    ``legend`` is trusted HTML shown under the drawing (see :func:`level_legend`).

    >>> "<script>alert" in network_html([{"id": "a", "label": "<script>alert(1)</script>"}], [])
    False
    """
    payload = safe_json({"nodes": nodes, "edges": edges, "profileUrl": profile_url})
    style = (f"html,body{{margin:0;font-family:sans-serif}}#net{{width:100%;height:{int(height)}px;"
             "border:1px solid #ddd}#info{font-size:13px;white-space:pre-wrap;padding:4px}")
    return ("<!doctype html><html><head><meta charset='utf-8'><style>" + style + "</style>"
            + _library_tag(script_src) + "</head><body><div id='net'></div>" + legend
            + "<div id='info'></div>"
            "<script type='application/json' id='skg-data'>" + payload + "</script>"
            "<script>" + _SCRIPT + "</script></body></html>")
