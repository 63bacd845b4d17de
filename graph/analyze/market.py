"""Vendor × municipality matrix, share of voice and concentration (HHI) per Land.

Presence is measured by co-mention articles (plus stated ``LOCATED_IN``
links, which count as one article), so "share of voice" means: of all
vendor–municipality co-mentions in a Land, which share names this vendor.
HHI is the Herfindahl–Hirschman index on those shares (0–10,000; above
2,500 is conventionally "highly concentrated").

>>> import networkx as nx
>>> g = nx.Graph(snapshot_id="s_x")
>>> g.add_node("v1", name="V1", type="ORGANIZATION", kind="vendor")
>>> g.add_node("v2", name="V2", type="ORGANIZATION", kind="vendor")
>>> g.add_node("m", name="M", type="MUNICIPALITY", land="Hessen")
>>> g.add_edge("v1", "m", weight=3.0); g.add_edge("v2", "m", weight=1.0)
>>> vendor_municipality_matrix(g).table.loc["V1", "M"]
np.float64(3.0)
>>> share_of_voice(g).extra["hhi"]
{'Hessen': 6250.0}
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from graph.analyze.result import Result, method


def _is_vendor(attrs: dict[str, object]) -> bool:
    return attrs.get("type") == "ORGANIZATION" and attrs.get("kind") == "vendor"


def _pairs(g: nx.Graph) -> list[tuple[str, str, float]]:
    """(vendor, municipality, weight) for every vendor–municipality edge."""
    out = []
    for u, v, d in g.edges(data=True):
        for vendor, town in ((u, v), (v, u)):
            if _is_vendor(g.nodes[vendor]) and g.nodes[town].get("type") == "MUNICIPALITY":
                out.append((vendor, town, float(d.get("weight") or 1.0)))
    return out


def vendor_municipality_matrix(g: nx.Graph) -> Result:
    """A DataFrame: rows vendors, columns municipalities (by name), values co-mention articles."""
    rows = [
        {"vendor": g.nodes[v].get("name", v), "municipality": g.nodes[m].get("name", m), "weight": w}
        for v, m, w in _pairs(g)
    ]
    frame = pd.DataFrame(rows, columns=["vendor", "municipality", "weight"])
    matrix = (
        frame.pivot_table(
            index="vendor", columns="municipality", values="weight", aggfunc="sum", fill_value=0.0
        )
        .sort_index()
        .sort_index(axis=1)
    )
    return Result(matrix, method(g, "vendor_municipality_matrix", value="co-mention articles"))


def share_of_voice(g: nx.Graph) -> Result:
    """Per Land: each vendor's share of vendor–municipality co-mentions, and the Land's HHI."""
    rows = [
        {"land": g.nodes[m].get("land"), "vendor": g.nodes[v].get("name", v), "vendor_id": v, "weight": w}
        for v, m, w in _pairs(g)
        if g.nodes[m].get("land")
    ]
    frame = pd.DataFrame(rows, columns=["land", "vendor", "vendor_id", "weight"])
    table = frame.groupby(["land", "vendor", "vendor_id"], as_index=False)["weight"].sum()
    table["share"] = table["weight"] / table.groupby("land")["weight"].transform("sum")
    table = table.sort_values(
        ["land", "share", "vendor_id"], ascending=[True, False, True], ignore_index=True
    )
    hhi = table.assign(sq=(table["share"] * 100) ** 2).groupby("land")["sq"].sum().round(1)
    return Result(
        table,
        method(
            g,
            "share_of_voice",
            value="vendor–municipality co-mention articles",
            concentration="HHI on shares in percent",
        ),
        extra={"hhi": {str(k): float(v) for k, v in hhi.items()}},
    )
