"""Data for the actor profile, paths and period comparison pages (cached per snapshot)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import compute, data
from graph.store.base import SubgraphFilter


def _evidence_rows(raw: Any, titles: dict[str, tuple[str, str]]) -> list[dict[str, Any]]:
    rows = []
    for ev in compute.parse_evidence(raw):
        title, url = titles.get(str(ev.get("article_id")), ("", ""))
        rows.append({"sentence": ev.get("sentence", ""), "published": ev.get("published"),
                     "article": title or ev.get("article_id"), "url": url})
    return rows


def article_titles(snap: str) -> dict[str, tuple[str, str]]:
    """Article id → (title, url) for evidence links."""
    arts = data.articles(snap)
    return {r.id: (str(r.title or ""), str(r.url or "")) for r in arts.itertuples()}


@st.cache_data(show_spinner=False, max_entries=64)
def profile(entity_id: str, snap: str) -> dict[str, Any] | None:
    """Everything the profile page shows about one entity (``None`` if unknown)."""
    ent = data.store().entity(entity_id)
    if ent is None:
        return None
    titles = article_titles(snap)
    partners: list[dict[str, Any]] = []
    roles: list[dict[str, Any]] = []
    for item in data.store().neighbours(entity_id, limit=500):
        other, edge = item["entity"], item["edge"]
        row = {"id": other.get("id"), "name": other.get("name"), "type": other.get("type"),
               "kind": other.get("kind"), "edge": edge.get("type"), "role": edge.get("role"),
               "articles": int(edge.get("articles") or edge.get("count") or 0),
               "first_seen": edge.get("first_seen"), "last_seen": edge.get("last_seen"),
               "level": edge.get("evidence_level"), "sources": edge.get("independent_sources"),
               "evidence": _evidence_rows(edge.get("evidence"), titles)}
        if edge.get("type") == "SAID_ABOUT":
            continue  # statements have their own section (dashboard.offices.statement_rows)
        (roles if edge.get("type") in ("HOLDS_ROLE", "AFFILIATED_WITH") else partners).append(row)
    partners.sort(key=lambda r: (-r["articles"], str(r["name"])))
    return {"entity": ent, "partners": partners, "roles": roles,
            "timeline": mentions_over_time(entity_id, snap),
            "publishers": compute.reporting_publishers(data.graph_data(snap), entity_id)}


def mentions_over_time(entity_id: str, snap: str) -> pd.DataFrame:
    """Articles per month that mention ``entity_id``."""
    gd = data.graph_data(snap)
    published = {n.id: n.props.get("published") for n in gd.nodes if n.label == "Article"}
    months = [str(published.get(e.source) or "")[:7] for e in gd.edges
              if e.type == "MENTIONS" and e.target == entity_id]
    counts = pd.Series([m for m in months if len(m) == 7], dtype=str).value_counts().sort_index()
    return pd.DataFrame({"month": counts.index, "articles": counts.to_numpy()})


@st.cache_data(show_spinner="Finding paths…", max_entries=32)
def paths(source: str, target: str, k: int, max_hops: int, snap: str) -> list[list[dict[str, Any]]]:
    """Up to ``k`` shortest paths; each hop with both names and its evidence."""
    titles = article_titles(snap)
    names = data.entity_options(snap)
    out = []
    for path in data.store().paths(source, target, k=k, max_hops=max_hops):
        hops = [{"from": names.get(a, a), "to": names.get(b, b), "from_id": a, "to_id": b,
                 "evidence": _evidence_rows(data.store().evidence(a, b), titles)}
                for a, b in itertools.pairwise(path)]
        out.append(hops)
    return out


@st.cache_data(show_spinner="Finding paths at that date…", max_entries=16)
def paths_at(source: str, target: str, k: int, max_hops: int, day: str,
             snap: str) -> list[list[dict[str, Any]]]:
    """Paths on the graph as of ``day``: offices not held that day are gone, hops along one name it.

    Runs :func:`graph.analyze.paths.k_shortest_paths` (as ``skg analyze paths --as-of`` does) on the
    graph filtered to ``day``, so a person reaches an organisation through an office only while holding it.
    """
    from graph.analyze.paths import k_shortest_paths, office_labels

    graph = data.filtered(SubgraphFilter(as_of=day), snap)
    g = compute.analysis_graph(graph)
    if source not in g or target not in g:
        return []
    result = k_shortest_paths(g, source, target, k=k, max_hops=max_hops, offices=office_labels(graph, day),
                              as_of=day)
    titles = article_titles(snap)
    names = data.entity_options(snap)
    offices = {(r.path, r.hop): r.office for r in result.table.itertuples()}
    return [[{"from": names.get(a, a), "to": names.get(b, b), "from_id": a, "to_id": b,
              "office": offices.get((number, hop), ""),
              "evidence": _evidence_rows(data.store().evidence(a, b), titles)}
             for hop, (a, b) in enumerate(itertools.pairwise(path["nodes"]))]
            for number, path in enumerate(result.extra["paths"])]


@st.cache_data(show_spinner="Comparing periods…", max_entries=16)
def compare(flt: SubgraphFilter, first: tuple[str, str], second: tuple[str, str], snap: str) -> pd.DataFrame:
    """New, vanished, strengthened and weakened ties between two date ranges."""
    before = data.filtered(replace(flt, date_from=first[0], date_to=first[1]), snap)
    after = data.filtered(replace(flt, date_from=second[0], date_to=second[1]), snap)
    return compute.period_diff(before, after)


@st.cache_data(show_spinner=False, max_entries=16)
def vendor_tables(flt: SubgraphFilter, snap: str) -> dict[str, pd.DataFrame]:
    """Vendor×municipality pairs, vendor reach and HHI concentration per Land."""
    pairs = compute.vendor_municipality_pairs(data.filtered(replace(flt, land=None), snap))
    if flt.land:
        pairs = pairs[pairs["land"] == flt.land]
    return {"pairs": pairs, "reach": compute.vendor_reach(pairs),
            "concentration": compute.concentration_per_land(pairs)}
