"""A standalone, fully offline, interactive HTML network (vis-network).

Why not pyvis' ``Network.from_nx``: it is quadratic (18 s for 10k nodes on
this machine); here the vis node/edge lists are built directly (linear).
Why positions from Python: browser physics takes minutes to settle beyond a
thousand nodes, so physics is off and ``improvedLayout`` disabled.
Why every string is escaped: the file may be shown inside the dashboard's
iframe, which runs scripts. Labels and tooltips are stored HTML-escaped; the
page decodes labels for the canvas with ``DOMParser`` (which never runs
scripts) and renders tooltips from the escaped markup. The JSON payload
additionally escapes ``<``, ``>`` and ``&`` so it cannot close its
``<script>`` element.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.style import colour_of, legend_of

VIS_VERSION = "vis-9.1.2"


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """The vis-network JS and CSS shipped inside the pyvis package (read once)."""
    base = resources.files("pyvis") / "templates" / "lib" / VIS_VERSION
    return (base / "vis-network.min.js").read_text(encoding="utf-8"), (base / "vis-network.css").read_text(
        encoding="utf-8"
    )


def _tooltip(attrs: dict[str, Any], lines: list[tuple[str, Any]]) -> str:
    rows = [f"<b>{html.escape(str(attrs.get('name', '')))}</b>"]
    rows += [f"{html.escape(k)}: {html.escape(str(v))}" for k, v in lines if v not in (None, "")]
    return "<br>".join(rows)


def vis_lists(
    g: nx.Graph, pos: dict[str, tuple[float, float]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network node and edge dicts (escaped labels and tooltips, fixed positions)."""
    strength = dict(g.degree(weight="weight"))
    nodes = []
    for n, a in g.nodes(data=True):
        x, y = pos.get(n, (0.0, 0.0))
        nodes.append(
            {
                "id": n,
                "label": html.escape(str(a.get("name", n))),
                "x": x,
                "y": y,
                "color": colour_of(a),
                "size": 6.0 + 2.0 * float(strength.get(n, 0.0)) ** 0.5,
                "title": _tooltip(
                    a,
                    [
                        ("type", legend_of(a)),
                        ("articles", a.get("articles")),
                        ("first seen", a.get("first_seen")),
                        ("last seen", a.get("last_seen")),
                    ],
                ),
            }
        )
    edges = []
    for u, v, a in g.edges(data=True):
        evidence = a.get("evidence") or []
        quote = evidence[0].get("sentence") if evidence else None
        edges.append(
            {
                "from": u,
                "to": v,
                "value": float(a.get("weight") or 1.0),
                "title": _tooltip(
                    {"name": ", ".join(a.get("types", [a.get("type", "")]))},
                    [("articles", a.get("articles")), ("npmi", a.get("npmi")), ("evidence", quote)],
                ),
            }
        )
    return nodes, edges


def _payload(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{title}</title>
<style>{css}
html,body{{margin:0;height:100%;font-family:sans-serif}}#net{{width:100%;height:calc(100% - 2.2em)}}
#cap{{padding:.4em;font-size:.85em;color:#333}}</style></head>
<body><div id="cap">{caption}</div><div id="net"></div>
<script>{js}</script>
<script>
(function () {{
  var raw = {{nodes: {nodes}, edges: {edges}}};
  var parser = new DOMParser();
  function text(s) {{ return parser.parseFromString(s, "text/html").documentElement.textContent; }}
  function tip(s) {{ var el = document.createElement("div"); el.innerHTML = s; return el; }}
  raw.nodes.forEach(function (n) {{ n.label = text(n.label); n.title = tip(n.title); }});
  raw.edges.forEach(function (e) {{ e.title = tip(e.title); }});
  var data = {{nodes: new vis.DataSet(raw.nodes), edges: new vis.DataSet(raw.edges)}};
  var options = {{physics: {{enabled: false}}, layout: {{improvedLayout: false}},
    interaction: {{hover: true, tooltipDelay: 120}},
    nodes: {{shape: "dot", font: {{size: 12}}}},
    edges: {{smooth: false, color: {{opacity: 0.45}}, scaling: {{min: 0.5, max: 6}}}}}};
  window.skgNetwork = new vis.Network(document.getElementById("net"), data, options);
}})();
</script></body></html>
"""


def render_html(g: nx.Graph, pos: dict[str, tuple[float, float]], title: str, caption: str) -> str:
    """The complete page as a string (JS and CSS inline, no network access needed)."""
    js, css = vis_assets()
    nodes, edges = vis_lists(g, pos)
    return PAGE.format(
        title=html.escape(title),
        caption=html.escape(caption),
        css=css,
        js=js.replace("</script", "<\\/script"),
        nodes=_payload(nodes),
        edges=_payload(edges),
    )


def write_html(g: nx.Graph, out: Path, pos: dict[str, tuple[float, float]], title: str, caption: str) -> Path:
    """Write the page to ``out``."""
    out.write_text(render_html(g, pos, title, caption), encoding="utf-8")
    return out
