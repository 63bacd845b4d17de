"""A small hand-built graph for dashboard tests that need exact known content.

Tests write it into the real embedded store; ``hostile=True`` puts markup
into names, a title and a quote for the XSS tests.
"""

from __future__ import annotations

import json
from typing import Any

from graph.model import Edge, GraphData, Node

HOSTILE = "<script>window.__xss=1</script>"
HOSTILE_IMG = "<img src=x onerror=\"window.__xss=1;alert(1)\">"


def _entity(eid: str, name: str, etype: str, kind: str | None = None, **extra: Any) -> Node:
    props: dict[str, Any] = {
        "id": eid, "name": name, "type": etype, "kind": kind, "aliases": extra.pop("aliases", []),
        "ags": None, "lat": None, "lon": None, "land": None, "mentions": 3, "articles": 2,
        "first_seen": "2022-01-10", "last_seen": "2024-05-01", "confidence": 0.9,
    }
    props.update(extra)
    return Node("Entity", eid, props)


# Who published each fixture article (publisher, source kind); others: Kommune21's own reporting.
PUBLISHED_BY = {"a_2": ("komm.one", "self_published"), "a_3": ("presseportal.de", "press_release")}


def _article(aid: str, title: str, published: str) -> Node:
    publisher, kind = PUBLISHED_BY.get(aid, ("kommune21.de", "editorial"))
    return Node("Article", aid, {"id": aid, "title": title, "published": published,
                                 "url": f"https://example.org/{aid}", "section": "news",
                                 "role": "article", "source": "fixture", "source_id": aid,
                                 "publisher": publisher, "source_kind": kind})


def _ev(aid: str, published: str, sentence: str) -> list[dict[str, Any]]:
    return [{"article_id": aid, "published": published, "sentence": sentence, "start": 0, "end": 10}]


def _co(a: str, b: str, weight: int, aid: str, published: str, sentence: str) -> Edge:
    return Edge("CO_MENTIONED", a, b, {"weight": weight, "articles": weight, "sentence_count": weight,
                                       "document_count": weight, "first_seen": published,
                                       "last_seen": published, "npmi": 0.4, "lift": 2.0,
                                       "evidence": json.dumps(_ev(aid, published, sentence)),
                                       # ties seen twice or more stand for two independent sources here
                                       "evidence_level": "corroborated" if weight > 1 else "sentence",
                                       "independent_sources": min(weight, 2)})


def sample_graph(hostile: bool = False) -> GraphData:
    """A dozen actors in Baden-Württemberg and Bavaria with articles and evidence."""
    bad = f"{HOSTILE} \"Quote' {HOSTILE_IMG}" if hostile else ""
    nodes = [
        _entity("e_dataport", "Dataport", "ORGANIZATION", "public_it_provider", aliases=["Dataport AöR"]),
        _entity("e_komm1", "Komm.ONE", "ORGANIZATION", "public_it_provider"),
        _entity("e_bitmi", "BITMi", "ORGANIZATION", "association"),
        _entity("e_vendor1", "Vendor AG" + bad, "ORGANIZATION", "vendor", mentions=6, articles=4),
        _entity("e_vendor2", "Software GmbH", "ORGANIZATION", "vendor"),
        _entity("e_vendor3", "Software G.m.b.H.", "ORGANIZATION", "vendor", confidence=0.4),
        _entity("e_stuttgart", "Stuttgart", "MUNICIPALITY", ags="08111000", lat=48.78, lon=9.18,
                land="Baden-Württemberg"),
        _entity("e_ulm", "Ulm", "MUNICIPALITY", ags="08421000", lat=48.40, lon=9.99,
                land="Baden-Württemberg"),
        _entity("e_muenchen", "München", "MUNICIPALITY", ags="09162000", lat=48.14, lon=11.58,
                land="Bayern"),
        _entity("e_person", "Erika Mustermann" + bad, "PERSON"),
        _entity("e_person2", "Max Muster", "PERSON"),
        _entity("e_bw", "Baden-Württemberg", "LOCATION"),
        _entity("e_orphan", "Lonely e.V.", "ORGANIZATION", "other", confidence=0.3),
    ]
    arts = [("a_1", "Digital town hall" + bad, "2022-03-01"), ("a_2", "Cloud for Ulm", "2023-06-15"),
            ("a_3", "BITMi meets providers", "2024-02-20"), ("a_4", "Vendor wins Munich", "2024-05-01")]
    nodes += [_article(a, t, p) for a, t, p in arts]
    edges = [
        _co("e_vendor1", "e_stuttgart", 3, "a_1", "2022-03-01", "Vendor AG" + bad + " supplies Stuttgart."),
        _co("e_vendor1", "e_ulm", 2, "a_2", "2023-06-15", "Ulm buys cloud from Vendor AG."),
        _co("e_vendor2", "e_muenchen", 1, "a_4", "2024-05-01", "Software GmbH wins Munich."),
        _co("e_vendor3", "e_ulm", 1, "a_2", "2023-06-15", "Software G.m.b.H. in Ulm."),
        _co("e_bitmi", "e_dataport", 2, "a_3", "2024-02-20", "BITMi met Dataport."),
        _co("e_bitmi", "e_komm1", 1, "a_3", "2024-02-20", "BITMi and Komm.ONE talked."),
        _co("e_komm1", "e_stuttgart", 2, "a_1", "2022-03-01", "Komm.ONE serves Stuttgart."),
        _co("e_person", "e_komm1", 2, "a_1", "2022-03-01", "Erika Mustermann leads Komm.ONE."),
        _co("e_person2", "e_vendor1", 1, "a_4", "2024-05-01", "Max Muster of Vendor AG."),
        _co("e_dataport", "e_vendor2", 1, "a_4", "2024-05-01", "Dataport and Software GmbH."),
        Edge("HOLDS_ROLE", "e_person", "e_komm1", {"role": "CEO", "first_seen": "2022-03-01",
                                                     "last_seen": "2024-02-20", "count": 2,
                                                     "evidence_level": "stated", "independent_sources": 1,
                                                     "evidence": json.dumps(_ev("a_1", "2022-03-01",
                                                                                "Erika is CEO.")),
                                                     "start_date": "2021-01-01", "start_precision": "year",
                                                     "end_date": "2024-02-20", "end_precision": "day",
                                                     "status": "ended", "successor": "e_person2",
                                                     "bounds": {"start": {
                                                         "date": "2021-01-01", "precision": "year",
                                                         "source": "text", "cue": "seit",
                                                         **_ev("a_1", "2022-03-01", "Seit 2021 CEO." + bad)[0]},
                                                         "end": None}}),
        Edge("HOLDS_ROLE", "e_person2", "e_komm1", {"role": "CEO" + bad, "first_seen": "2024-02-20",
                                                      "last_seen": "2024-02-20", "count": 1,
                                                      "evidence_level": "stated", "independent_sources": 1,
                                                      "start_date": "2024-02-20", "start_precision": "day",
                                                      "status": "current", "predecessor": "e_person"}),
        Edge("SAID_ABOUT", "e_person2", "e_vendor1", {
            "count": 1, "articles": 1, "weight": 1.0, "first_seen": "2024-05-01", "last_seen": "2024-05-01",
            "polarity": "negative", "positive": 0, "negative": 1, "neutral": 0,
            "evidence_level": "stated", "independent_sources": 1,
            "evidence": [{**_ev("a_4", "2024-05-01", "Max Muster kritisierte Vendor AG." + bad)[0],
                          "verb": "kritisierte", "polarity": "negative"}]}),
        Edge("LOCATED_IN", "e_stuttgart", "e_bw", {"count": 1, "evidence_level": "stated",
                                                   "independent_sources": 1}),
    ]
    for aid, _, pub in arts:
        for eid in ("e_vendor1", "e_stuttgart", "e_komm1"):
            edges.append(Edge("MENTIONS", aid, eid, {"count": 1, "first_seen": pub}))
    return GraphData(nodes=nodes, edges=edges, snapshot_id="s_fixture", meta={"articles": len(arts)})
