"""The stores' subgraph filter: a thin wrapper over :func:`graph.model.filters.filter_graph`.

Backends fetch entities and entity–entity edges with fixed queries and call
:func:`apply_filter`; exports and analysis call
:func:`graph.build.nxgraph.filter_data`. Both are the same function, so the
dashboard and an export made with the same filter show the same subgraph
(the rules are in :func:`graph.model.filters.filter_graph`).
"""

from __future__ import annotations

from graph.model.filters import SubgraphFilter, filter_graph
from graph.model.graphdata import GraphData


def apply_filter(graph: GraphData, flt: SubgraphFilter) -> GraphData:
    """Entities and entity edges of ``graph`` kept by ``flt`` (order preserved).

    >>> from graph.model import Edge, Node
    >>> g = GraphData([Node("Entity", "a", {"type": "PERSON"}), Node("Article", "d1")],
    ...               [Edge("MENTIONS", "d1", "a")])
    >>> [n.id for n in apply_filter(g, SubgraphFilter()).nodes]
    ['a']
    """
    return filter_graph(graph, flt)
