"""A small, realistic hand-built graph used by the store tests on every backend."""

from __future__ import annotations

from typing import Any

from graph.model.graphdata import Edge, GraphData, Node
from graph.model.ids import entity_id, stable_id

E = {
    "dataport": entity_id("ORGANIZATION", "Dataport"),
    "komm_one": entity_id("ORGANIZATION", "Komm.ONE"),
    "materna": entity_id("ORGANIZATION", "Materna"),
    "prosoz": entity_id("ORGANIZATION", "PROSOZ Herten"),
    "nortal": entity_id("ORGANIZATION", "Nortal"),
    "vitako": entity_id("ORGANIZATION", "Vitako"),
    "staedtetag": entity_id("ORGANIZATION", "Deutscher Städtetag"),
    "fitko": entity_id("ORGANIZATION", "FITKO"),
    "kommune21": entity_id("ORGANIZATION", "Kommune21"),
    "hamburg": entity_id("MUNICIPALITY", "02000000"),
    "stuttgart": entity_id("MUNICIPALITY", "08111000"),
    "ulm": entity_id("MUNICIPALITY", "08421000"),
    "koeln": entity_id("MUNICIPALITY", "05315000"),
    "mueller": entity_id("PERSON", "Anna Müller"),
    "schmidt": entity_id("PERSON", "Jörg Schmidt"),
    "weber": entity_id("PERSON", "Petra Weber"),
    "bw": entity_id("LOCATION", "Baden-Württemberg"),
}


def _org(key: str, name: str, kind: str, mentions: int, first: str, last: str,
         aliases: tuple[str, ...] = ()) -> Node:
    return Node("Entity", E[key], {
        "name": name, "type": "ORGANIZATION", "kind": kind, "aliases": list(aliases),
        "mentions": mentions, "articles": max(1, mentions - 1), "first_seen": first, "last_seen": last,
        "confidence": 0.9})


def _muni(key: str, name: str, ags: str, land: str, lat: float, lon: float, mentions: int) -> Node:
    return Node("Entity", E[key], {
        "name": name, "type": "MUNICIPALITY", "ags": ags, "land": land, "lat": lat, "lon": lon,
        "aliases": [], "mentions": mentions, "articles": mentions, "first_seen": "2023-01-10",
        "last_seen": "2024-06-01", "confidence": 1.0})


def _person(key: str, name: str, mentions: int) -> Node:
    return Node("Entity", E[key], {
        "name": name, "type": "PERSON", "aliases": [], "mentions": mentions, "articles": mentions,
        "first_seen": "2023-03-01", "last_seen": "2024-05-20", "confidence": 0.8})


ARTICLES = [
    ("a1", "Dataport modernisiert Hamburger Verwaltung", "2023-01-10"),
    ("a2", "Komm.ONE und Stuttgart starten Bürgerportal", "2023-03-01"),
    ("a3", "Materna liefert Fachverfahren nach Ulm", "2023-09-15"),
    ("a4", "Vitako-Mitglieder beraten über OZG", "2024-02-02"),
    ("a5", "Köln setzt auf PROSOZ Herten", "2024-05-20"),
    ("a6", "Nortal gewinnt Ausschreibung in Stuttgart", "2024-06-01"),
]
ARTICLE_IDS = {key: stable_id("a", "kommune21", key) for key, _, _ in ARTICLES}
# Document roles other than "article", and one article stored without a date (timeline tests).
ARTICLE_ROLES = {"a5": "teaser", "a6": "vendor_listing"}
UNDATED = {"a3"}
# Articles from another publisher than Kommune21 (press releases on a wire).
PUBLISHERS = {"a4": "presseportal.de"}


def _evidence(article: str, published: str, sentence: str) -> dict[str, Any]:
    return {"article_id": ARTICLE_IDS[article], "published": published, "sentence": sentence,
            "start": 0, "end": len(sentence)}


def _co(a: str, b: str, articles: int, npmi: float, first: str, last: str,
        evidence: list[dict[str, Any]]) -> Edge:
    source, target = sorted((E[a], E[b]))
    # two articles: two independent sources (corroborated); one: sentence level; low NPMI: article level
    level = "corroborated" if articles > 1 else "sentence" if npmi > 0.2 else "article"
    return Edge("CO_MENTIONED", source, target, {
        "weight": float(articles), "articles": articles, "sentence_count": articles,
        "paragraph_count": articles, "document_count": articles, "first_seen": first,
        "last_seen": last, "npmi": npmi, "lift": 1.0 + npmi, "evidence": evidence,
        "evidence_level": level, "independent_sources": articles})


def _typed(edge_type: str, a: str, b: str, first: str, last: str, role: str | None = None) -> Edge:
    props: dict[str, Any] = {"weight": 1.0, "articles": 1, "first_seen": first, "last_seen": last,
                             "evidence_level": "stated", "independent_sources": 1}
    if role:
        props["role"] = role
    return Edge(edge_type, E[a], E[b], props)  # type: ignore[arg-type]


def _office(edge: Edge, start: str, start_precision: str, end: str | None, status: str) -> Edge:
    """A HOLDS_ROLE edge with its office in time (bounds quoted from the sample's sentences)."""
    bound = {"date": start, "precision": start_precision, "source": "text", "cue": "seit",
             **_evidence("a1", "2023-01-10", "Seit 2023 ist Anna Müller Vorständin von Dataport.")}
    edge.props.update({"start_date": start, "start_precision": start_precision, "status": status,
                       "bounds": {"start": bound, "end": None}})
    if end:
        edge.props.update({"end_date": end, "end_precision": "day"})
    return edge


def _said(edge_type: str, a: str, b: str, polarity: str, sentence: str, verb: str) -> Edge:
    target = stable_id("t", b) if edge_type == "SAID_ON" else E[b]
    counts = {p: int(p == polarity) for p in ("positive", "negative", "neutral")}
    quote = {**_evidence("a4", "2024-02-02", sentence), "verb": verb, "polarity": polarity}
    return Edge(edge_type, E[a], target, {  # type: ignore[arg-type]
        "weight": 1.0, "articles": 1, "count": 1, "first_seen": "2024-02-02", "last_seen": "2024-02-02",
        "polarity": polarity, **counts, "evidence": [quote], "evidence_level": "stated",
        "independent_sources": 1})


def _nodes() -> list[Node]:
    nodes = [
        _org("dataport", "Dataport", "public_it_provider", 5, "2023-01-10", "2024-02-02", ("Dataport AöR",)),
        _org("komm_one", "Komm.ONE", "public_it_provider", 4, "2023-03-01", "2024-06-01", ("KommONE",)),
        _org("materna", "Materna", "vendor", 3, "2023-09-15", "2023-09-15", ("Materna Information",)),
        _org("prosoz", "PROSOZ Herten", "vendor", 2, "2024-05-20", "2024-05-20"),
        _org("nortal", "Nortal", "vendor", 2, "2024-06-01", "2024-06-01"),
        _org("vitako", "Vitako", "association", 3, "2024-02-02", "2024-02-02"),
        _org("staedtetag", "Deutscher Städtetag", "association", 2, "2024-02-02", "2024-02-02"),
        _org("fitko", "FITKO", "public_body", 2, "2023-03-01", "2024-02-02"),
        _org("kommune21", "Kommune21", "media", 1, "2023-01-10", "2023-01-10"),
        _muni("hamburg", "Hamburg", "02000000", "Hamburg", 53.55, 10.0, 3),
        _muni("stuttgart", "Stuttgart", "08111000", "Baden-Württemberg", 48.78, 9.18, 4),
        _muni("ulm", "Ulm", "08421000", "Baden-Württemberg", 48.4, 9.99, 2),
        _muni("koeln", "Köln", "05315000", "Nordrhein-Westfalen", 50.94, 6.96, 2),
        _person("mueller", "Anna Müller", 3),
        _person("schmidt", "Jörg Schmidt", 2),
        _person("weber", "Petra Weber", 1),
        Node("Entity", E["bw"], {"name": "Baden-Württemberg", "type": "LOCATION", "aliases": ["BW"],
                                 "mentions": 2, "articles": 2, "first_seen": "2023-03-01",
                                 "last_seen": "2023-09-15"}),
    ]
    for key, title, published in ARTICLES:
        props = {"title": title, "published": published, "url": f"https://example.org/{key}",
                 "section": "Praxis", "role": ARTICLE_ROLES.get(key, "article"),
                 "source": "kommune21", "source_id": key, "publisher": PUBLISHERS.get(key, "kommune21.de"),
                 "source_kind": "press_release" if key in PUBLISHERS else "editorial"}
        if key in UNDATED:
            del props["published"]
        nodes.append(Node("Article", ARTICLE_IDS[key], props))
    for topic in ("OZG", "Cloud", "E-Akte"):
        nodes.append(Node("Topic", stable_id("t", topic), {"name": topic}))
    return nodes


def _edges() -> list[Edge]:
    edges = [
        _co("dataport", "hamburg", 2, 0.8, "2023-01-10", "2024-02-02", [
            _evidence("a4", "2024-02-02", "Dataport betreibt die Plattform für Hamburg."),
            _evidence("a1", "2023-01-10", "Dataport modernisiert die Hamburger Verwaltung.")]),
        _co("komm_one", "stuttgart", 2, 0.7, "2023-03-01", "2024-06-01", [
            _evidence("a6", "2024-06-01", "Komm.ONE begleitet Stuttgart bei der Ausschreibung."),
            _evidence("a2", "2023-03-01", "Komm.ONE und Stuttgart starten ein Bürgerportal.")]),
        _co("materna", "ulm", 1, 0.9, "2023-09-15", "2023-09-15", [
            _evidence("a3", "2023-09-15", "Materna liefert das Fachverfahren nach Ulm.")]),
        _co("prosoz", "koeln", 1, 0.95, "2024-05-20", "2024-05-20", [
            _evidence("a5", "2024-05-20", "Köln setzt auf PROSOZ Herten.")]),
        _co("nortal", "stuttgart", 1, 0.6, "2024-06-01", "2024-06-01", [
            _evidence("a6", "2024-06-01", "Nortal gewinnt die Ausschreibung in Stuttgart.")]),
        _co("materna", "stuttgart", 1, 0.2, "2023-03-01", "2023-03-01", [
            _evidence("a2", "2023-03-01", "Auch Materna war in Stuttgart im Gespräch.")]),
        _co("vitako", "dataport", 1, 0.5, "2024-02-02", "2024-02-02", [
            _evidence("a4", "2024-02-02", "Dataport ist Mitglied der Vitako.")]),
        _co("vitako", "komm_one", 1, 0.5, "2024-02-02", "2024-02-02", [
            _evidence("a4", "2024-02-02", "Auch Komm.ONE gehört zur Vitako.")]),
        _co("vitako", "staedtetag", 1, 0.3, "2024-02-02", "2024-02-02", [
            _evidence("a4", "2024-02-02", "Vitako und Deutscher Städtetag beraten über das OZG.")]),
        _co("fitko", "komm_one", 1, 0.1, "2023-03-01", "2023-03-01", [
            _evidence("a2", "2023-03-01", "Die FITKO unterstützt Komm.ONE.")]),
        _co("mueller", "dataport", 2, 0.6, "2023-03-01", "2024-02-02", [
            _evidence("a4", "2024-02-02", "Anna Müller, Vorständin von Dataport, sprach."),
            _evidence("a1", "2023-01-10", "Dataport-Vorständin Anna Müller erklärte das Projekt.")]),
        _co("schmidt", "stuttgart", 1, 0.4, "2023-03-01", "2023-03-01", [
            _evidence("a2", "2023-03-01", "Jörg Schmidt, CIO der Stadt Stuttgart, freut sich.")]),
        _co("weber", "koeln", 1, 0.4, "2024-05-20", "2024-05-20", [
            _evidence("a5", "2024-05-20", "Petra Weber leitet das Projekt in Köln.")]),
        _office(_typed("HOLDS_ROLE", "mueller", "dataport", "2023-01-10", "2024-02-02", "Vorständin"),
                "2023-01-01", "year", "2024-03-31", "ended"),
        _typed("HOLDS_ROLE", "schmidt", "stuttgart", "2023-03-01", "2023-03-01", "CIO"),
        _office(_typed("HOLDS_ROLE", "weber", "koeln", "2024-05-20", "2024-05-20", "Projektleiterin"),
                "2024-05-01", "month", None, "current"),
        _said("SAID_ABOUT", "staedtetag", "vitako", "negative",
              "Der Deutsche Städtetag kritisierte die Vitako.", "kritisierte"),
        _said("SAID_ON", "mueller", "OZG", "neutral", "„Das OZG braucht Zeit“, sagte Anna Müller.", "sagte"),
        _typed("AFFILIATED_WITH", "dataport", "vitako", "2024-02-02", "2024-02-02"),
        _typed("AFFILIATED_WITH", "komm_one", "vitako", "2024-02-02", "2024-02-02"),
        _typed("LOCATED_IN", "komm_one", "stuttgart", "2023-03-01", "2023-03-01"),
        _typed("LOCATED_IN", "dataport", "hamburg", "2023-01-10", "2023-01-10"),
        _typed("LOCATED_IN", "stuttgart", "bw", "2023-03-01", "2023-03-01"),
        _typed("LOCATED_IN", "ulm", "bw", "2023-09-15", "2023-09-15"),
    ]
    mentions = {"a1": ["dataport", "hamburg", "mueller", "kommune21"], "a2": ["komm_one", "stuttgart",
                "schmidt", "fitko", "materna"], "a3": ["materna", "ulm", "bw"],
                "a4": ["vitako", "dataport", "komm_one", "staedtetag", "mueller"],
                "a5": ["prosoz", "koeln", "weber"], "a6": ["nortal", "stuttgart", "komm_one"]}
    for art, keys in mentions.items():
        for i, key in enumerate(keys):
            edges.append(Edge("MENTIONS", ARTICLE_IDS[art], E[key],
                              {"count": i + 1, "offsets": [[i * 10, i * 10 + 5]]}))
    tags = {"a1": "Cloud", "a2": "OZG", "a3": "E-Akte", "a4": "OZG", "a5": "E-Akte", "a6": "OZG"}
    for art, topic in tags.items():
        edges.append(Edge("TAGGED", ARTICLE_IDS[art], stable_id("t", topic), {}))
    return edges


def sample_graph(snapshot_id: str = "snap_sample_v1") -> GraphData:
    """The fixture graph: 17 entities, 6 articles, 3 topics and every edge type."""
    return GraphData(_nodes(), _edges(), snapshot_id)
