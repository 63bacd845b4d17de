"""A standalone, fully offline, interactive HTML network (vis-network).

Why not pyvis' ``Network.from_nx``: it is quadratic (18 s for 10k nodes on
this machine); here the vis node/edge lists are built directly (linear).
Why positions from Python: browser physics takes minutes to settle beyond a
thousand nodes, so physics is off and ``improvedLayout`` disabled.
Why names never meet an HTML parser: the file may be shown inside the dashboard's iframe,
which runs scripts, and names come from news text. Labels travel as plain strings (vis-network
draws them on the canvas), and tooltips as lists of ``[heading]`` / ``[key, value]`` rows that
the page turns into elements with ``textContent`` only; no ``innerHTML``, no decoding. The JSON
payload escapes ``<``, ``>``, ``&`` and the JavaScript line separators U+2028/U+2029, so no
name can close the ``<script>`` element or the string it sits in.
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


def _tooltip(heading: Any, lines: list[tuple[str, Any]]) -> list[list[str]]:
    """Tooltip rows: the heading alone, then ``[key, value]`` pairs (empty values left out)."""
    return [[str(heading)], *([k, str(v)] for k, v in lines if v not in (None, ""))]


def vis_lists(
    g: nx.Graph, pos: dict[str, tuple[float, float]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network node and edge dicts (plain-text labels, tooltip rows, fixed positions)."""
    strength = dict(g.degree(weight="weight"))
    nodes = []
    for n, a in g.nodes(data=True):
        x, y = pos.get(n, (0.0, 0.0))
        nodes.append(
            {
                "id": n,
                "label": str(a.get("name", n)),
                "x": x,
                "y": y,
                "color": colour_of(a),
                "size": 6.0 + 2.0 * float(strength.get(n, 0.0)) ** 0.5,
                "tip": _tooltip(
                    a.get("name", n),
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
                "tip": _tooltip(
                    ", ".join(a.get("types", [a.get("type", "")])),
                    [("articles", a.get("articles")), ("npmi", a.get("npmi")), ("evidence", quote)],
                ),
            }
        )
    return nodes, edges


# What a JSON string may hold but a <script> element may not: anything that ends the element
# (`</script>`, `<!--`) and the two line separators older JavaScript engines refuse in strings.
_SCRIPT_ESCAPES = (
    ("&", "\\u0026"),
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def _payload(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES:
        text = text.replace(char, escape)
    return text



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
  function tip(rows) {{
    var el = document.createElement("div");
    rows.forEach(function (row, i) {{
      if (i) {{ el.appendChild(document.createElement("br")); }}
      var part = document.createElement(i ? "span" : "b");
      part.textContent = i ? row[0] + ": " + row[1] : row[0];
      el.appendChild(part);
    }});
    return el;
  }}
  raw.nodes.concat(raw.edges).forEach(function (x) {{ x.title = tip(x.tip); delete x.tip; }});
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
