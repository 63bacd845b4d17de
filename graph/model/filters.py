"""The subgraph filter: one definition for the stores, the exports and the analysis.

The dashboard reads its subgraph from a store (``GraphStore.subgraph``), the
CLI's ``skg export``/``skg analyze`` filter an in-memory :class:`GraphData`
(``graph.build.nxgraph.filter_data``). Both call :func:`filter_graph`, so an
analyst gets the same actors and ties from a dashboard view and from an
export made with the same filter.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from graph.errors import ConfigError, SkgError
from graph.model.graphdata import EVIDENCE_LEVELS, Edge, GraphData, Node, level_rank

# Edge properties left out when ``evidence=False``: the bulk of an edge's bytes.
HEAVY_EDGE_PROPS = ("evidence", "offsets")


@dataclass(frozen=True)
class SubgraphFilter:
    """Filters shared by the CLI, exports and the dashboard sidebar.

    Empty tuples / ``None`` mean "no restriction"; :func:`filter_graph`
    documents what each field does.
    """

    types: tuple[str, ...] = ()  # EntityType values
    kinds: tuple[str, ...] = ()  # OrgKind values (organisations only)
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None  # ISO date, inclusive
    land: str | None = None  # Bundesland name: keep municipalities there + their neighbours
    min_articles: int = 1
    min_npmi: float = -1.0
    node_cap: int | None = None
    focus: str | None = None  # entity id: ego network around it
    depth: int = 1
    edge_types: tuple[str, ...] = ()
    # Keep ties from this rung of the evidence ladder upward (article < sentence < stated < corroborated).
    min_evidence_level: str = "article"
    # False: edges come without their JSON ``evidence``/``offsets`` (the bulk of their bytes and of
    # the decoding time); views that show quotes on demand call ``GraphStore.evidence(a, b)``.
    evidence: bool = True
    # ISO date: the graph at that day — HOLDS_ROLE edges only for offices held then (see held_on).
    as_of: str | None = None

    def __post_init__(self) -> None:
        if self.min_evidence_level not in EVIDENCE_LEVELS:
            raise ConfigError(f"unknown evidence level {self.min_evidence_level!r}",
                           hint="use one of " + ", ".join(EVIDENCE_LEVELS))

    def restricts_ties(self) -> bool:
        """Whether a tie filter (edge types, ``min_articles``, ``min_npmi``, evidence level) is set."""
        return bool(self.edge_types or self.min_articles > 1 or self.min_npmi > -1.0
                    or level_rank(self.min_evidence_level) > 0)


def describe_filter(flt: SubgraphFilter | None) -> str:
    """A one-line human description of a filter (for figure captions and exports).

    >>> describe_filter(SubgraphFilter(types=("PERSON",), min_articles=2))
    'types=PERSON; min_articles=2'
    >>> describe_filter(None)
    'no filter'
    """
    if flt is None:
        return "no filter"
    default = SubgraphFilter()
    parts = []
    for f in fields(flt):
        value = getattr(flt, f.name)
        if value != getattr(default, f.name) and not (f.name == "depth" and not flt.focus):
            shown = ",".join(value) if isinstance(value, tuple) else value
            parts.append(f"{f.name}={shown}")
    return "; ".join(parts) or "no filter"


def _day(value: Any) -> str:
    """The ``YYYY-MM-DD`` part of an ISO date or timestamp, so timestamps compare by day."""
    return str(value)[:10]


def _in_period(props: dict[str, Any], flt: SubgraphFilter) -> bool:
    """Whether ``first_seen``..``last_seen`` overlaps the period; a missing end is open."""
    first, last = props.get("first_seen"), props.get("last_seen")
    if flt.date_from and last is not None and _day(last) < _day(flt.date_from):
        return False
    return not (flt.date_to and first is not None and _day(first) > _day(flt.date_to))


_PRECISION_DIGITS = {"year": 4, "month": 7, "day": 10}


def held_on(props: dict[str, Any], day: str) -> bool:
    """Whether the office of a HOLDS_ROLE edge was held on ``day`` (the ``as_of`` rule).

    From ``start_date`` (a start read from a text; else ``first_seen``) to
    ``end_date``; without an end an office whose ``status`` is ``current`` stays
    open, any other runs to ``last_seen``. Dates compare at their precision, so
    an office "seit 2019" (2019-01-01, ``year``) is held on every day of 2019
    and one ending in "März 2022" (``month``) through 31 March. A missing
    bound (no date at all) leaves that side open.

    >>> held_on({"start_date": "2019-01-01", "start_precision": "year", "status": "current"}, "2019-05-02")
    True
    >>> held_on({"start_date": "2019-03-01", "start_precision": "month", "end_date": "2022-07-01",
    ...          "end_precision": "day", "status": "ended"}, "2022-07-02")
    False
    >>> held_on({"first_seen": "2020-01-01", "last_seen": "2021-06-30", "status": "unknown"}, "2022-01-01")
    False
    """
    day = _day(day)
    start, precision = props.get("start_date"), props.get("start_precision")
    if not start:
        start, precision = props.get("first_seen"), "day"
    if start:
        n = _PRECISION_DIGITS.get(str(precision), 10)
        if day[:n] < _day(start)[:n]:
            return False
    end, precision = props.get("end_date"), props.get("end_precision")
    if not end and props.get("status") != "current":
        end, precision = props.get("last_seen"), "day"
    if end:
        n = _PRECISION_DIGITS.get(str(precision), 10)
        if day[:n] > _day(end)[:n]:
            return False
    return True


def _node_ok(node: Node, flt: SubgraphFilter) -> bool:
    p = node.props
    if flt.types and p.get("type") not in flt.types:
        return False
    if flt.kinds and p.get("type") == "ORGANIZATION" and p.get("kind") not in flt.kinds:
        return False
    return _in_period(p, flt)


def _edge_ok(edge: Edge, flt: SubgraphFilter, min_level: int) -> bool:
    if flt.edge_types and edge.type not in flt.edge_types:
        return False
    p = edge.props
    # A tie without a level (a graph built before levels existed) counts as the lowest rung.
    if min_level and level_rank(p.get("evidence_level")) < min_level:
        return False
    if edge.type == "CO_MENTIONED":
        # A co-mention without a count was still seen once: it passes the default, not a threshold.
        articles = p.get("articles")
        if (1 if articles is None else int(articles)) < flt.min_articles:
            return False
        npmi = p.get("npmi")
        if npmi is not None and float(npmi) < flt.min_npmi:
            return False
    if flt.as_of and edge.type == "HOLDS_ROLE" and not held_on(p, flt.as_of):
        return False
    return _in_period(p, flt)


def _adjacency(edges: Iterable[Edge]) -> dict[str, set[str]]:
    adj: dict[str, set[str]] = {}
    for e in edges:
        adj.setdefault(e.source, set()).add(e.target)
        adj.setdefault(e.target, set()).add(e.source)
    return adj


def _within(adj: dict[str, set[str]], seed: str, depth: int) -> set[str]:
    """Nodes at most ``depth`` hops from ``seed`` (breadth-first)."""
    seen = {seed}
    queue = deque([(seed, 0)])
    while queue:
        node, dist = queue.popleft()
        if dist >= depth:
            continue
        for nb in adj.get(node, ()):
            if nb not in seen:
                seen.add(nb)
                queue.append((nb, dist + 1))
    return seen


def _among(edges: list[Edge], keep: set[str]) -> list[Edge]:
    return [e for e in edges if e.source in keep and e.target in keep]


def _in_land(nodes: dict[str, Node], keep: set[str], edges: list[Edge], land: str) -> set[str]:
    """The Land's municipalities among ``keep`` plus their direct neighbours."""
    seeds = {i for i in keep if nodes[i].props.get("type") == "MUNICIPALITY"
             and nodes[i].props.get("land") == land}
    adj = _adjacency(edges)
    return seeds | {m for s in seeds for m in adj.get(s, ())}


def _ego(graph: GraphData, keep: set[str], edges: list[Edge], flt: SubgraphFilter) -> set[str]:
    """The ego network of ``flt.focus`` inside the filtered graph; an error if the focus is not in it."""
    focus = str(flt.focus)
    if focus not in keep:
        known = any(n.id == focus and n.label == "Entity" for n in graph.nodes)
        raise SkgError(
            f"focus entity {focus!r} is {'excluded by the filters' if known else 'not in the graph'}",
            hint="relax the filters" if known else "check the id with `skg search`",
        )
    return _within(_adjacency(edges), focus, flt.depth)


def _cap(keep: set[str], edges: list[Edge], cap: int, focus: str | None) -> set[str]:
    """The ``cap`` strongest nodes by weighted degree (ties by id); the focus always stays."""
    strength = dict.fromkeys(keep, 0.0)
    for e in edges:
        w = float(e.props.get("weight") or 1.0)
        strength[e.source] += w
        strength[e.target] += w
    ranked = sorted((n for n in keep if n != focus), key=lambda n: (-strength[n], n))
    if focus is None or cap < 1:
        return set(ranked[:max(cap, 0)])
    return {focus, *ranked[:cap - 1]}


def _light(edge: Edge) -> Edge:
    props = {k: v for k, v in edge.props.items() if k not in HEAVY_EDGE_PROPS}
    return Edge(edge.type, edge.source, edge.target, props)


def filter_graph(graph: GraphData, flt: SubgraphFilter) -> GraphData:
    """Entity nodes and entity–entity edges of ``graph`` kept by ``flt``.

    Articles, topics and their edges are dropped. Nodes and edges keep the
    order of ``graph``; ``meta`` is ``graph.meta`` plus ``"filter"``, the
    :func:`describe_filter` line. The steps, in order:

    1. Node checks: ``types``; ``kinds`` (organisations only, other types pass);
       the period ``date_from``..``date_to`` (inclusive days) must overlap the
       node's ``first_seen``..``last_seen``. A missing ``first_seen`` or
       ``last_seen`` leaves that end open, so undated actors stay.
    2. Edge checks on edges between kept nodes: ``edge_types``;
       ``min_evidence_level`` on every edge (a missing level is the lowest,
       ``article``); on ``CO_MENTIONED`` ``min_articles`` and ``min_npmi`` (a
       missing ``articles`` counts as 1: the edge exists, so it was seen once;
       a missing ``npmi`` passes); the same period overlap as for nodes.
    3. A tie filter (``edge_types``, ``min_articles > 1``, ``min_npmi > -1``,
       ``min_evidence_level`` above ``article``)
       asks for the network of those ties, so only entities with a kept edge
       stay. A period alone drops no entity for lack of edges: an actor in
       the news then is kept even if none of its ties falls in the period.
    4. ``land``: the Land's municipalities (``type == "MUNICIPALITY"``) and
       their direct neighbours through kept edges.
    5. ``focus``: the entities within ``depth`` hops of it through kept
       edges. An unknown focus id, or one excluded by steps 1–4, raises
       :class:`graph.errors.SkgError` (an empty result would look like an
       actor without ties).
    6. ``node_cap``: the strongest entities by weighted degree (edge ``weight``,
       1 when missing), ties by id; with ``focus`` the focus always stays and
       counts towards the cap.
    7. ``evidence=False`` strips ``evidence`` and ``offsets`` from the edges.

    ``as_of`` (an ISO day) is checked with the edges in step 2: a
    ``HOLDS_ROLE`` edge stays only if its office was held that day
    (:func:`held_on`); all other edges and all entities are left alone, so
    the graph at a date keeps every actor but only the offices of that day.

    >>> from graph.model import Edge, GraphData, Node
    >>> def ent(i, t, **p): return Node("Entity", i, {"type": t, **p})
    >>> def co(a, b, n): return Edge("CO_MENTIONED", a, b, {"articles": n, "weight": n})
    >>> g = GraphData([ent("ulm", "MUNICIPALITY", land="Baden-Württemberg"),
    ...                ent("materna", "ORGANIZATION", kind="vendor"),
    ...                ent("weber", "PERSON", first_seen="2023-01-01", last_seen="2023-06-30"),
    ...                ent("lonely", "PERSON")],
    ...               [co("materna", "ulm", 3), co("ulm", "weber", 1)])
    >>> ids = lambda d: [n.id for n in d.nodes]
    >>> ids(filter_graph(g, SubgraphFilter(min_articles=2)))  # strong ties: "lonely" goes
    ['ulm', 'materna']
    >>> ids(filter_graph(g, SubgraphFilter(date_from="2024-01-01")))  # undated actors stay
    ['ulm', 'materna', 'lonely']
    >>> ids(filter_graph(g, SubgraphFilter(land="Baden-Württemberg")))
    ['ulm', 'materna', 'weber']
    >>> ids(filter_graph(g, SubgraphFilter(node_cap=2)))  # the strongest two
    ['ulm', 'materna']
    >>> ids(filter_graph(g, SubgraphFilter(focus="weber", depth=2, node_cap=2)))  # the focus stays
    ['ulm', 'weber']
    >>> g.edges.append(Edge("HOLDS_ROLE", "weber", "ulm", {"evidence_level": "stated"}))
    >>> ids(filter_graph(g, SubgraphFilter(min_evidence_level="stated")))  # stated ties and up
    ['ulm', 'weber']
    >>> filter_graph(g, SubgraphFilter(focus="nobody"))
    Traceback (most recent call last):
    ...
    graph.errors.SkgError: [E000] focus entity 'nobody' is not in the graph — check the id with `skg search`
    """
    nodes = {n.id: n for n in graph.nodes if n.label == "Entity" and _node_ok(n, flt)}
    min_level = level_rank(flt.min_evidence_level)
    edges = [e for e in graph.edges
             if e.source in nodes and e.target in nodes and _edge_ok(e, flt, min_level)]
    keep = {i for e in edges for i in (e.source, e.target)} if flt.restricts_ties() else set(nodes)
    if flt.land:
        keep = _in_land(nodes, keep, _among(edges, keep), flt.land)
    if flt.focus:
        keep = _ego(graph, keep, _among(edges, keep), flt)
    edges = _among(edges, keep)
    if flt.node_cap is not None and len(keep) > flt.node_cap:
        keep = _cap(keep, edges, flt.node_cap, flt.focus)
        edges = _among(edges, keep)
    if not flt.evidence:
        edges = [_light(e) for e in edges]
    meta = {**graph.meta, "filter": describe_filter(flt)}
    kept = [n for n in graph.nodes if n.label == "Entity" and n.id in keep]
    return GraphData(kept, edges, graph.snapshot_id, meta)
