"""The common shape of every analysis result: a table plus how it was computed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd


@dataclass
class Result:
    """A result table and its ``method``: algorithm, parameters and snapshot id.

    ``extra`` holds what does not fit a table (community labels, error
    estimates, the diff's summary counts).
    """

    table: pd.DataFrame
    method: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, rows: int | None = None) -> dict[str, Any]:
        """JSON-ready form (``rows`` limits the table)."""
        table = self.table if rows is None else self.table.head(rows)
        return {"method": self.method, "extra": self.extra, "rows": table.to_dict(orient="records")}


def method(g: nx.Graph, algorithm: str, **params: Any) -> dict[str, Any]:
    """The ``method`` dict: what ran, with which parameters, on which snapshot and filter."""
    return {
        "algorithm": algorithm,
        **params,
        "snapshot_id": g.graph.get("snapshot_id", ""),
        "filter": g.graph.get("filter", "no filter"),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
    }


def node_frame(g: nx.Graph, values: dict[str, float], column: str) -> pd.DataFrame:
    """A table of nodes (id, name, type, kind) with one value column, largest first."""
    rows = [
        {
            "id": n,
            "name": g.nodes[n].get("name", n),
            "type": g.nodes[n].get("type"),
            "kind": g.nodes[n].get("kind"),
            column: v,
        }
        for n, v in values.items()
    ]
    frame = pd.DataFrame(rows, columns=["id", "name", "type", "kind", column])
    return frame.sort_values([column, "id"], ascending=[False, True], ignore_index=True)
