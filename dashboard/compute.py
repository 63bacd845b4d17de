"""Pure transforms of a :class:`GraphData` into the tables the pages show.

No Streamlit here: :mod:`dashboard.data` caches these results, and tests call
them directly. Every algorithm (PageRank, communities, ego networks, layout)
comes from :mod:`graph.analyze`; this module only reshapes tables.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

import pandas as pd

from graph.model import GraphData
from graph.store.base import SubgraphFilter

if TYPE_CHECKING:
    import networkx as nx

ENTITY_COLUMNS = ["id", "name", "type", "kind", "aliases", "ags", "lat", "lon", "land",
                  "mentions", "articles", "first_seen", "last_seen", "confidence"]


def parse_evidence(raw: Any) -> list[dict[str, Any]]:
    """Evidence as a list of dicts whether stored as JSON text or a list."""
    if not raw:
        return []
    if isinstance(raw, str):
        try:
            value = json.loads(raw)
        except ValueError:
            return []
        return value if isinstance(value, list) else []
    return list(raw)


def entities_frame(data: GraphData) -> pd.DataFrame:
    """One row per Entity node with the declared entity properties."""
    rows = [{c: n.props.get(c) for c in ENTITY_COLUMNS} | {"id": n.id}
            for n in data.nodes if n.label == "Entity"]
    frame = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    for col in ("mentions", "articles"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").fillna(0).astype(int)
    frame["confidence"] = pd.to_numeric(frame["confidence"], errors="coerce")
    return frame


def articles_frame(data: GraphData) -> pd.DataFrame:
    """One row per Article node (id, title, published, url, role, source)."""
    cols = ["id", "title", "published", "url", "role", "source", "section"]
    rows = [{c: n.props.get(c) for c in cols} | {"id": n.id} for n in data.nodes if n.label == "Article"]
    return pd.DataFrame(rows, columns=cols)


PUBLISHER_COLUMNS = ["publisher", "articles", "self_published", "press_release", "editorial",
                     "official_record"]
UNKNOWN_PUBLISHER = "(unknown)"


def reporting_publishers(data: GraphData, entity_id: str) -> pd.DataFrame:
    """Who reports about an actor: documents naming it per publisher and source kind, most first.

    Counts the articles and teasers with a ``MENTIONS`` edge to ``entity_id``
    (vendor listings are addresses, not reports); a document without a
    publisher counts under ``(unknown)``.
    """
    articles = {n.id: n.props for n in data.nodes if n.label == "Article"}
    counts: dict[str, Counter[str]] = {}
    for e in data.edges:
        if e.type != "MENTIONS" or e.target != entity_id:
            continue
        props = articles.get(e.source) or {}
        if props.get("role") == "vendor_listing":
            continue
        row = counts.setdefault(str(props.get("publisher") or UNKNOWN_PUBLISHER), Counter())
        row["articles"] += 1
        row[str(props.get("source_kind") or "editorial")] += 1
    rows = [{"publisher": p, **{c: int(n.get(c, 0)) for c in PUBLISHER_COLUMNS[1:]}}
            for p, n in counts.items()]
    frame = pd.DataFrame(rows, columns=PUBLISHER_COLUMNS)
    return frame.sort_values(["articles", "publisher"], ascending=[False, True]).reset_index(drop=True)


def edges_frame(data: GraphData, types: tuple[str, ...] = ("CO_MENTIONED",)) -> pd.DataFrame:
    """Entity–entity edges of ``types`` with their main counts."""
    cols = ["type", "source", "target", "weight", "articles", "sentence_count", "npmi",
            "first_seen", "last_seen", "role", "evidence"]
    rows = [{c: e.props.get(c) for c in cols} | {"type": e.type, "source": e.source, "target": e.target}
            for e in data.edges if e.type in types]
    frame = pd.DataFrame(rows, columns=cols)
    for col in ("weight", "articles", "sentence_count"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").fillna(0)
    return frame


def articles_per_month(data: GraphData) -> pd.DataFrame:
    """Article counts per month of publication (undated articles left out)."""
    arts = articles_frame(data)
    months = arts["published"].dropna().astype(str).str.slice(0, 7)
    counts = months[months.str.len() == 7].value_counts().sort_index()
    return pd.DataFrame({"month": counts.index, "articles": counts.to_numpy()})


def timeline_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """``store.timeline("month")`` rows as the month/articles table of :func:`articles_per_month`.

    >>> timeline_frame([{"period": "2024-05", "articles": 3}]).to_dict("records")
    [{'month': '2024-05', 'articles': 3}]
    """
    frame = pd.DataFrame(rows, columns=["period", "articles"]).rename(columns={"period": "month"})
    frame["articles"] = frame["articles"].astype(int)
    return frame.sort_values("month", ignore_index=True)


def top_actors(data: GraphData, n: int = 10) -> pd.DataFrame:
    """The ``n`` most-reported actors per type (organisations per kind)."""
    return rank_actors(entities_frame(data), n)


def rank_actors(ents: pd.DataFrame, n: int = 10, types: tuple[str, ...] = (),
                kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """The ``n`` most-reported rows of an entity table per type/kind, after a type and kind filter.

    ``kinds`` restricts organisations only, as :class:`SubgraphFilter` does.
    """
    if types:
        ents = ents[ents["type"].isin(types)]
    if kinds:
        ents = ents[(ents["type"] != "ORGANIZATION") | ents["kind"].isin(kinds)]
    grouped = ents["type"].where(ents["kind"].isna(), ents["type"] + "/" + ents["kind"].astype(str))
    ents = ents.assign(group=grouped)
    ents = ents.sort_values(["group", "articles", "mentions", "name"], ascending=[True, False, False, True])
    return ents.groupby("group").head(n)[["group", "name", "articles", "mentions", "id"]]


def analysis_graph(data: GraphData) -> nx.Graph:
    """The entity graph of already filtered ``data`` as :mod:`graph.analyze` expects it.

    ``min_articles=0`` keeps ties whatever their counts: the store has applied
    the sidebar's filters already. networkx and igraph are imported here, not
    at module level: they cost seconds of a fresh server's first page, which
    needs neither.
    """
    from graph.build.nxgraph import entity_graph

    return entity_graph(data, SubgraphFilter(min_articles=0))


def node_metrics(data: GraphData, seed: int) -> pd.DataFrame:
    """Degree, strength (weighted degree), PageRank and seeded community per entity (graph.analyze)."""
    from graph.analyze.nodes import node_metrics as analyze_nodes

    table = analyze_nodes(analysis_graph(data), seed=seed).table
    table = table.rename(columns={"weighted_degree": "strength"})
    return table[["id", "degree", "strength", "pagerank", "community"]]


def hhi(shares: list[float]) -> float:
    """Herfindahl–Hirschman index (0–10,000) of absolute counts.

    >>> hhi([1, 1])
    5000.0
    """
    total = sum(shares)
    return 0.0 if total == 0 else round(sum((s / total * 100) ** 2 for s in shares), 1)


def vendor_municipality_pairs(data: GraphData) -> pd.DataFrame:
    """Vendor–municipality edges with article counts (either direction, any entity edge type)."""
    ents = {n.id: {**n.props, "id": n.id} for n in data.nodes if n.label == "Entity"}
    rows: Counter[tuple[str, str]] = Counter()
    for e in data.edges:
        if e.type not in ("CO_MENTIONED", "LOCATED_IN", "AFFILIATED_WITH", "CONTRACTS_WITH"):
            continue
        a, b = ents.get(e.source), ents.get(e.target)
        if not a or not b:
            continue
        if b.get("kind") == "vendor" and a.get("type") == "MUNICIPALITY":
            a, b = b, a
        if a.get("kind") == "vendor" and b.get("type") == "MUNICIPALITY":
            rows[(a["id"], b["id"])] += int(e.props.get("articles") or e.props.get("count") or 1)
    out = [{"vendor_id": v, "vendor": ents[v]["name"], "municipality_id": m,
            "municipality": ents[m]["name"], "land": ents[m].get("land") or "unknown",
            "lat": ents[m].get("lat"), "lon": ents[m].get("lon"), "articles": n}
           for (v, m), n in sorted(rows.items())]
    return pd.DataFrame(out, columns=["vendor_id", "vendor", "municipality_id", "municipality", "land",
                                      "lat", "lon", "articles"])


def vendor_reach(pairs: pd.DataFrame) -> pd.DataFrame:
    """Per vendor: municipalities reached, Länder reached and articles."""
    if pairs.empty:
        return pd.DataFrame(columns=["vendor", "municipalities", "laender", "articles"])
    grouped = pairs.groupby("vendor").agg(municipalities=("municipality_id", "nunique"),
                                         laender=("land", "nunique"), articles=("articles", "sum"))
    return grouped.reset_index().sort_values(["municipalities", "articles"], ascending=False)


def concentration_per_land(pairs: pd.DataFrame) -> pd.DataFrame:
    """HHI of vendors' article shares per Land, with the leading vendor."""
    rows = []
    for land, part in pairs.groupby("land"):
        shares = part.groupby("vendor")["articles"].sum().sort_values(ascending=False)
        rows.append({"land": land, "vendors": len(shares), "hhi": hhi(list(shares.to_numpy())),
                     "leader": shares.index[0], "articles": int(shares.sum())})
    return pd.DataFrame(rows, columns=["land", "vendors", "hhi", "leader", "articles"])


def period_diff(before: GraphData, after: GraphData, ratio: float = 1.5) -> pd.DataFrame:
    """Ties new, vanished, strengthened or weakened between two period subgraphs."""
    names = {n.id: n.props.get("name", n.id) for n in [*before.nodes, *after.nodes]}

    def weights(data: GraphData) -> dict[tuple[str, str], float]:
        out: dict[tuple[str, str], float] = {}
        for e in data.edges:
            if e.type == "CO_MENTIONED":
                key = (min(e.source, e.target), max(e.source, e.target))
                out[key] = out.get(key, 0) + float(e.props.get("articles") or e.props.get("weight") or 1)
        return out

    w1, w2 = weights(before), weights(after)
    rows = []
    for key in sorted(set(w1) | set(w2)):
        a, b = w1.get(key, 0.0), w2.get(key, 0.0)
        change = ("new" if a == 0 else "vanished" if b == 0 else "strengthened" if b >= a * ratio
                  else "weakened" if a >= b * ratio else "stable")
        rows.append({"change": change, "a": names.get(key[0], key[0]), "b": names.get(key[1], key[1]),
                     "before": a, "after": b, "a_id": key[0], "b_id": key[1]})
    return pd.DataFrame(rows, columns=["change", "a", "b", "before", "after", "a_id", "b_id"])
