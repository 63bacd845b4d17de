"""Static network figures (PNG, SVG, PDF) ready for a report.

Each figure carries a legend of actor types, a title, the filter it shows,
the snapshot id, and numbered footnotes: the strongest drawn edges get a
number at their midpoint and a footnote listing their source articles, so
every line in print can be traced to the text behind it.

Names are data, not markup: every text is drawn with ``parse_math=False`` (a name with two
``$`` would otherwise be typeset as a formula, or crash the mathtext parser) and passed through
:func:`graph.export.xmlattrs.xml_safe`, because the SVG keeps text as XML text and a control
character there makes the whole file unreadable.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from graph.export.style import colour_of, legend_of
from graph.export.xmlattrs import xml_safe

FOOTNOTES = 12
LABELS = 40


def _footnotes(g: nx.Graph, titles: dict[str, tuple[str, str | None]]) -> list[tuple[str, str, str]]:
    """(u, v, text) for the strongest edges: their endpoints and source articles."""
    ranked = sorted(g.edges(data=True), key=lambda e: (-float(e[2].get("weight") or 0), e[0], e[1]))
    notes = []
    for u, v, a in ranked[:FOOTNOTES]:
        ids = list(
            dict.fromkeys(ev.get("article_id") for ev in a.get("evidence") or [] if ev.get("article_id"))
        )
        sources = (
            "; ".join(
                f"{titles.get(i, (i, None))[0]} ({titles.get(i, (i, None))[1] or 'undated'})" for i in ids[:3]
            )
            or "no quoted source"
        )
        name_u, name_v = g.nodes[u].get("name", u), g.nodes[v].get("name", v)
        notes.append((u, v, xml_safe(f"{name_u} – {name_v}: {sources}")))
    return notes


def draw_figure(
    g: nx.Graph,
    pos: dict[str, tuple[float, float]],
    title: str,
    filter_text: str,
    snapshot_id: str,
    titles: dict[str, tuple[str, str | None]],
) -> Figure:
    """The figure (not yet saved); ``titles`` maps article id → (title, date) for footnotes."""
    fig = plt.figure(figsize=(12, 10.5))
    ax = fig.add_axes((0.02, 0.30, 0.96, 0.63))
    ax.set_axis_off()
    strength = dict(g.degree(weight="weight"))
    nodes = list(g.nodes)
    colours = [colour_of(g.nodes[n]) for n in nodes]
    sizes = [30 + 25 * float(strength.get(n, 0)) ** 0.5 for n in nodes]
    widths = [0.4 + 0.6 * float(a.get("weight") or 1) ** 0.5 for _, _, a in g.edges(data=True)]
    nx.draw_networkx_edges(g, pos, ax=ax, width=widths, alpha=0.35, edge_color="#555555")
    nx.draw_networkx_nodes(g, pos, ax=ax, nodelist=nodes, node_color=colours, node_size=sizes, linewidths=0)
    top = sorted(nodes, key=lambda n: (-float(strength.get(n, 0)), n))[:LABELS]
    for n in top:
        x, y = pos[n]
        label = xml_safe(str(g.nodes[n].get("name", n)))
        ax.text(x, y, label, fontsize=7, ha="center", va="center", parse_math=False, clip_on=True)
    notes = _footnotes(g, titles)
    for i, (u, v, _) in enumerate(notes, start=1):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        ax.text((x1 + x2) / 2, (y1 + y2) / 2, f"[{i}]", fontsize=6, color="#b00000", ha="center")
    _legend(fig, g)
    fig.suptitle(xml_safe(title), fontsize=14, y=0.985, parse_math=False)
    fig.text(
        0.02,
        0.945,
        xml_safe(
            f"Filter: {filter_text}    Snapshot: {snapshot_id}    "
            f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges"
        ),
        fontsize=8,
        color="#333333",
        parse_math=False,
    )
    body = "\n".join(textwrap.shorten(f"[{i}] {text}", 190) for i, (_, _, text) in enumerate(notes, start=1))
    fig.text(
        0.02,
        0.27,
        "Sources of the numbered edges:\n" + (body or "(no edges drawn)"),
        fontsize=7,
        va="top",
        family="DejaVu Sans",
        parse_math=False,
    )
    return fig


def _legend(fig: Figure, g: nx.Graph) -> None:
    entries: dict[str, str] = {}
    for _, a in g.nodes(data=True):
        entries.setdefault(legend_of(a), colour_of(a))
    handles = [
        Line2D(
            [0],
            [0],
            marker="o",
            linestyle="",
            markersize=8,
            markerfacecolor=c,
            markeredgewidth=0,
            label=xml_safe(label),
        )
        for label, c in sorted(entries.items())
    ]
    if handles:
        fig.legend(
            handles=handles, loc="upper right", bbox_to_anchor=(0.99, 0.94), fontsize=8, title="Actor type"
        )


def write_figure(
    g: nx.Graph,
    out: Path,
    pos: dict[str, tuple[float, float]],
    fmt: str,
    *,
    title: str,
    filter_text: str,
    snapshot_id: str,
    titles: dict[str, tuple[str, str | None]],
) -> Path:
    """Draw and save as ``png``/``svg``/``pdf`` (SVG keeps text as text so it stays searchable)."""
    rc: dict[str, Any] = {"svg.fonttype": "none", "pdf.fonttype": 42}
    with plt.rc_context(rc):  # type: ignore[arg-type]
        fig = draw_figure(g, pos, title, filter_text, snapshot_id, titles)
        try:
            fig.savefig(out, format=fmt, dpi=150, metadata=_metadata(fmt, title, snapshot_id))
        finally:
            plt.close(fig)
    return out


def _metadata(fmt: str, title: str, snapshot_id: str) -> dict[str, str]:
    if fmt == "png":
        return {"Title": title, "Description": f"snapshot {snapshot_id}"}
    if fmt == "pdf":
        return {"Title": title, "Subject": f"snapshot {snapshot_id}"}
    return {"Title": title, "Description": f"snapshot {snapshot_id}"}
