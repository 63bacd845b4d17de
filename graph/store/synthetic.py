"""A seeded synthetic :class:`GraphData` of realistic shape, for store benchmarks and push tests.

Actors are drawn with Zipf-like weights (a few vendors and cities appear in
many articles, most actors in few), as in trade news. Sizes scale with
``articles``: about 0.2 entities, ~2 co-mention edges, 5 mentions and 1 tag per
article (a 100k-article corpus gives ~20k entities and ~200k co-mentions).
"""

from __future__ import annotations

import random
from itertools import combinations
from typing import Any

from graph.model.graphdata import Edge, GraphData, Node

_TYPES = (("ORGANIZATION", 0.45), ("PERSON", 0.35), ("MUNICIPALITY", 0.15), ("LOCATION", 0.05))
_KINDS = ("vendor", "public_it_provider", "association", "public_body", "media", "other")
_LANDS = ("Bayern", "Baden-Württemberg", "Nordrhein-Westfalen", "Hessen", "Niedersachsen", "Sachsen")


def _entity(i: int, rng: random.Random) -> Node:
    etype = rng.choices([t for t, _ in _TYPES], [w for _, w in _TYPES])[0]
    props: dict[str, Any] = {"name": f"{etype.title()} {i}", "type": etype, "aliases": [f"E{i}"],
                             "mentions": 0, "articles": 0, "confidence": 0.9}
    if etype == "ORGANIZATION":
        props["kind"] = rng.choice(_KINDS)
    if etype == "MUNICIPALITY":
        props.update(ags=f"{i:08d}", land=rng.choice(_LANDS), lat=48 + rng.random() * 6,
                     lon=6 + rng.random() * 8)
    return Node("Entity", f"e_{i:07d}", props)


def _date(i: int, n: int) -> str:
    day = int(3650 * i / max(n, 1))
    return f"{2015 + day // 365}-{(day % 365) // 31 + 1:02d}-{(day % 31) + 1:02d}"


def synthetic_graph(articles: int = 1000, seed: int = 42) -> GraphData:
    """A graph shaped like ``articles`` news articles (deterministic for one seed)."""
    rng = random.Random(seed)
    entities = [_entity(i, rng) for i in range(max(articles // 5, 10))]
    cum: list[float] = []
    total = 0.0
    for rank in range(len(entities)):
        total += 1.0 / (rank + 1) ** 0.9
        cum.append(total)
    nodes = list(entities)
    mentions: list[Edge] = []
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for a in range(articles):
        art_id, published = f"a_{a:07d}", _date(a, articles)
        nodes.append(Node("Article", art_id, {"title": f"Artikel {a}", "published": published,
                                              "url": f"https://example.org/{a}", "role": "main"}))
        picked = sorted({e.id for e in rng.choices(entities, cum_weights=cum, k=5)})
        for k, eid in enumerate(picked):
            mentions.append(Edge("MENTIONS", art_id, eid, {"count": 1, "offsets": [[k, k + 4]]}))
        for u, v in combinations(picked[:3], 2):
            _add_pair(pairs, u, v, art_id, published)
    topics = [Node("Topic", f"t_{t}", {"name": f"Thema {t}"}) for t in range(30)]
    tagged = [Edge("TAGGED", f"a_{a:07d}", f"t_{rng.randrange(30)}", {}) for a in range(articles)]
    co = [Edge("CO_MENTIONED", u, v, p) for (u, v), p in sorted(pairs.items())]
    return GraphData(nodes + topics, co + mentions + tagged, f"synthetic_{articles}_{seed}")


def _add_pair(pairs: dict[tuple[str, str], dict[str, Any]], u: str, v: str, art: str, when: str) -> None:
    p = pairs.setdefault((u, v), {"weight": 0.0, "articles": 0, "document_count": 0, "first_seen": when,
                                  "last_seen": when, "npmi": 0.1, "evidence": []})
    p["weight"] += 1.0
    p["articles"] += 1
    p["document_count"] += 1
    p["last_seen"] = when
    if len(p["evidence"]) < 3:
        p["evidence"].insert(0, {"article_id": art, "published": when, "sentence": f"{u} und {v}.",
                                 "start": 0, "end": 10})
