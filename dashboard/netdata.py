"""Node and edge lists for the network view: filter, focus, cap, lay out.

Pure functions (no Streamlit) so that the benchmark and tests can call them.
Metrics, ego networks and the layout come from :mod:`graph.analyze`; the
layout is seeded over the vertices in id order, which keeps positions stable
across reruns of the same graph.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from dashboard import compute
from dashboard.netview import node_colour
from graph.analyze.ego import ego_network
from graph.analyze.layout import seeded_layout
from graph.model import Edge, GraphData

METRICS = ("pagerank", "degree", "strength", "articles", "mentions")
# How each rung of the evidence ladder is drawn (the legend under the network shows the same):
# weak ties light and dotted, stated ones dark, corroborated ones darkest and thicker.
LEVEL_STYLES: dict[str, dict[str, Any]] = {
    "article": {"color": "#c8c8c8", "dashes": [2, 4], "extra": 0.0},
    "sentence": {"color": "#8c8c8c", "dashes": False, "extra": 0.0},
    "stated": {"color": "#2f5d8a", "dashes": [8, 4], "extra": 1.0},
    "corroborated": {"color": "#14324f", "dashes": False, "extra": 2.5},
}


def _entity_props(data: GraphData) -> dict[str, dict[str, Any]]:
    return {n.id: n.props for n in data.nodes if n.label == "Entity"}


def _scores(metrics: pd.DataFrame, props: dict[str, dict[str, Any]], metric: str) -> dict[str, float]:
    """``metric`` per entity id: a computed metric column, else the entity property."""
    if metric in metrics.columns:
        column = dict(zip(metrics["id"], metrics[metric].astype(float), strict=True))
        return {i: column.get(i, 0.0) for i in props}
    return {i: float(p.get(metric) or 0) for i, p in props.items()}


def choose_ids(data: GraphData, metrics: pd.DataFrame, metric: str, focus: str | None, depth: int,
               cap: int | None) -> list[str]:
    """Entity ids to draw: the ego network of ``focus`` if set, then the top ``cap`` by ``metric``."""
    props = _entity_props(data)
    score = _scores(metrics, props, metric)
    ids = list(props)
    if focus and focus in props:
        ids = sorted(ego_network(compute.analysis_graph(data), focus, depth))
    ids.sort(key=lambda i: (-score.get(i, 0.0), i))
    if cap:
        ids = ids[:cap]
        if focus in props and focus not in ids:
            ids[-1] = focus
    return sorted(ids)


def _normalise(coords: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Centre the layout and scale it into [-1, 1] on its longer side."""
    if not coords:
        return []
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return [((x - cx) / half, (y - cy) / half) for x, y in coords]


def _edge_title(a: str, b: str, props: dict[str, Any], etype: str) -> str:
    lines = [f"{a} — {b} ({etype})",
             f"articles: {props.get('articles') or props.get('count') or 0}, "
             f"sentences: {props.get('sentence_count') or 0}, "
             f"first/last: {props.get('first_seen') or '?'} … {props.get('last_seen') or '?'}"]
    if props.get("evidence_level"):
        lines.append(f"evidence: {props['evidence_level']} · independent sources: "
                     f"{props.get('independent_sources') or 0}")
    if props.get("role"):
        lines.append(f"role: {props['role']}")
    for ev in compute.parse_evidence(props.get("evidence"))[:3]:
        lines.append(f"“{ev.get('sentence', '')}” ({ev.get('published') or 'undated'})")
    return "\n".join(lines)


def network_lists(data: GraphData, *, metric: str = "pagerank", colour_by: str = "type",
                  focus: str | None = None, depth: int = 1, cap: int | None = 300,
                  seed: int = 42) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network nodes (with x/y, size, colour, tooltip) and edges of the filtered graph."""
    metrics = compute.node_metrics(data, seed)
    keep = set(choose_ids(data, metrics, metric, focus, depth, cap))
    sub = GraphData(nodes=[n for n in data.nodes if n.id in keep],
                    edges=[e for e in data.edges if e.source in keep and e.target in keep])
    positions = seeded_layout(compute.analysis_graph(sub), seed)
    order = sorted(positions)
    coords = _normalise([positions[i] for i in order])
    spread = 150.0 + 90.0 * math.sqrt(max(len(order), 1))
    frame = metrics.set_index("id") if not metrics.empty else pd.DataFrame()
    props = _entity_props(sub)
    values = _scores(metrics, props, metric)
    community_of = frame["community"].to_dict() if "community" in frame else {}
    top = max(values.values(), default=1.0) or 1.0
    nodes = []
    for vid, (x, y) in zip(order, coords, strict=True):
        p = props[vid]
        community = int(community_of[vid]) if vid in community_of else None
        ring = {"borderWidth": 5, "color": {"background": node_colour(p, colour_by, community),
                                            "border": "#111"}} if vid == focus else {}
        nodes.append(ring | {
            "id": vid, "label": str(p.get("name") or vid), "x": round(x * spread, 1),
            "y": round(y * spread, 1), "size": round(8 + 32 * math.sqrt(values[vid] / top), 2),
            "color": ring.get("color") or node_colour(p, colour_by, community),
            "title": f"{p.get('name')}\n{p.get('type')}{'/' + str(p['kind']) if p.get('kind') else ''}"
                     f"\narticles: {p.get('articles') or 0}\n{metric}: {values[vid]:.4g}"
                     "\nclick to open profile",
        })
    names = {i: str(p.get("name") or i) for i, p in props.items()}
    edges = [_edge(k, e, names) for k, e in enumerate(sub.edges) if e.source in props and e.target in props]
    return nodes, edges


def _edge(key: int, edge: Edge, names: dict[str, str]) -> dict[str, Any]:
    """One vis-network edge, as small as the browser needs it.

    The page carries ~3,000 of these for 500 nodes: numbers are rounded to
    what a drawing can show and ``dashes`` is left out where it is vis-network's
    default (solid), so the page the browser parses on every draw stays small.
    Colour, dashes and extra width show the evidence level (:data:`LEVEL_STYLES`);
    an edge without a level (an older graph) keeps the old look: typed ties dashed.
    """
    weight = float(edge.props.get("articles") or edge.props.get("weight") or 1)
    title = _edge_title(names[edge.source], names[edge.target], edge.props, edge.type)
    style = LEVEL_STYLES.get(str(edge.props.get("evidence_level")))
    extra = style["extra"] if style else 0.0
    item: dict[str, Any] = {"id": str(key), "from": edge.source, "to": edge.target,
                            "width": round(1 + extra + min(6.0, math.log1p(weight)), 2), "title": title}
    if style is None:
        if edge.type != "CO_MENTIONED":
            item["dashes"] = True
        return item
    item["color"] = style["color"]
    if style["dashes"]:
        item["dashes"] = style["dashes"]
    return item
