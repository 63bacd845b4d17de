"""Brokerage roles of Gould & Fernandez (1989) across actor groups.

A broker ``b`` sits on an open two-path ``a – b – c`` (``a`` and ``c`` not
linked). Depending on the groups of the three actors the path counts as:

* coordinator — all three in one group;
* itinerant (consultant) — ``a`` and ``c`` share a group, ``b`` is outside;
* gatekeeper / representative — ``b`` shares a group with exactly one end
  (gatekeeper towards the outsider coming in, representative going out; an
  undirected co-mention path is read in both directions, so each such path
  counts once for both roles);
* liaison — all three groups differ.

Groups default to the entity type, with organisations split by kind
(``ORGANIZATION/vendor``), because "across actor types" is what analysts ask.

>>> import networkx as nx
>>> g = nx.Graph(snapshot_id="s_x")
>>> g.add_node("v", type="ORGANIZATION", kind="vendor"); g.add_node("m", type="MUNICIPALITY")
>>> g.add_node("p", type="PERSON")
>>> g.add_edges_from([("v", "m"), ("m", "p")])
>>> row = brokerage(g).table.set_index("id").loc["m"]
>>> int(row["liaison"]), int(row["coordinator"])
(1, 0)
"""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pandas as pd

from graph.analyze.result import Result, method

ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")


def actor_group(attrs: dict[str, object]) -> str:
    """The brokerage group of a node: its type, organisations with their kind."""
    t = str(attrs.get("type") or "")
    kind = attrs.get("kind")
    return f"{t}/{kind}" if t == "ORGANIZATION" and kind else t


def brokerage(g: nx.Graph) -> Result:
    """Counts of each brokerage role per node, from all open two-paths through it."""
    group = {n: actor_group(g.nodes[n]) for n in g.nodes}
    rows = []
    for b in g.nodes:
        counts = _roles_of(g, b, group)
        rows.append(
            {
                "id": b,
                "name": g.nodes[b].get("name", b),
                "group": group[b],
                **{r: counts[r] for r in ROLES},
                "total": sum(counts[r] for r in ROLES if r != "representative"),
            }
        )
    table = pd.DataFrame(rows, columns=["id", "name", "group", *ROLES, "total"])
    table = table.sort_values(["total", "id"], ascending=[False, True], ignore_index=True)
    return Result(table, method(g, "brokerage", groups="type, organisations by kind", directed=False))


def _roles_of(g: nx.Graph, b: str, group: dict[str, str]) -> Counter[str]:
    nbrs = sorted(n for n in g.neighbors(b) if n != b)
    nbr_set = set(nbrs)
    counts: Counter[str] = Counter()
    gb = group[b]
    for i, a in enumerate(nbrs):
        linked = set(g.neighbors(a)) & nbr_set
        ga = group[a]
        for c in nbrs[i + 1 :]:
            if c in linked:
                continue
            gc = group[c]
            if ga == gb == gc:
                counts["coordinator"] += 1
            elif ga == gc:
                counts["itinerant"] += 1
            elif gb in (ga, gc):
                counts["gatekeeper"] += 1
                counts["representative"] += 1
            else:
                counts["liaison"] += 1
    return counts
