"""A small graph whose every piece of text is hostile, built with the project's own model objects.

Entity names, aliases, article titles, tags (topics), role names and the quoted evidence
sentences carry markup that would run in a browser, quotes and backslashes that would end a
string literal, Cypher that would delete the graph, line and paragraph separators, control
characters that XML cannot hold, and spreadsheet formula starts. Every export must keep them
as data: nothing runs, nothing breaks out, and the text reads back as it went in (XML formats
excepted for the characters XML forbids; see docs/export.md).

The graph goes through :func:`graph.build.builder.build_graph` like real data, so the export
tests see the same node and edge shapes as production (co-mentions with NPMI, stated
relations with roles, mentions, topics).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.build.builder import build_graph
from graph.model import (
    Article,
    DocumentExtraction,
    Entity,
    EntityType,
    Evidence,
    GraphData,
    Mention,
    OrgKind,
    Relation,
    RelationType,
    entity_id,
)
from graph.settings import Settings

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=\"window.__skgPwned=1;alert(2)\">"
BREAKOUT = "}) DETACH DELETE n //"

# (name, type): one entity per hostile pattern. Names are distinct after folding, so each gets its own id.
NAMES: tuple[tuple[str, EntityType], ...] = (
    (f"Müller & {SCRIPT} GmbH", EntityType.ORGANIZATION),
    (f"{IMG} Stadtwerke", EntityType.ORGANIZATION),
    ("O'Neil \"Zitat\" `tick` Verwaltung", EntityType.PERSON),
    ("Back\\slash \\\" \\u0041 \\n Amt", EntityType.ORGANIZATION),
    ("Zeile eins\nZeile zwei\r\nZeile drei", EntityType.PERSON),
    (f"Kreis\"{BREAKOUT}", EntityType.MUNICIPALITY),
    (f"Bad'{BREAKOUT}", EntityType.MUNICIPALITY),
    (f"Plain {BREAKOUT}", EntityType.ORGANIZATION),
    ("Trenner\u2028Zeile\u2029Absatz", EntityType.PERSON),
    ("=HYPERLINK(\"http://example.invalid\",\"x\")", EntityType.ORGANIZATION),
    ("+49 Kommunal-IT", EntityType.ORGANIZATION),
    ("-1+2 Rechenzentrum", EntityType.ORGANIZATION),
    ("@SUM(A1:A9) Verband", EntityType.ORGANIZATION),
    ("\tTabulator Dienstleister", EntityType.ORGANIZATION),
    ("\rWagenrücklauf Consult", EntityType.PERSON),
    ("Steuer\x00zeichen\x01\x08\x0b\x0c\x1f\x7f Amt", EntityType.ORGANIZATION),
    ("Kosten $5 bis $10 {{x}} ${y}", EntityType.ORGANIZATION),
    ("</script><!-- ]]> &amp; &lt;b&gt;", EntityType.PERSON),
)
TITLES = (
    f"Titel {SCRIPT}",
    f"{IMG} Meldung",
    "=cmd|' /C calc'!A0",
    f"Titel\"{BREAKOUT}",
    "Zeile\nneu\u2028und\x02 Steuer",
    "Schräg\\strich \\' und \\\"",
)
TAGS = (SCRIPT, "=1+1", f"'{BREAKOUT}", "Tag\x03mit Steuerzeichen", "@Thema", "Zeilen\u2029Tag")
ROLES = (f"Leiter {SCRIPT}", "=Chef", f"Vorstand\"{BREAKOUT}", "Rolle\x05\nmit Umbruch")
PUBLISHED = ("2023-01-10", "2023-05-02", "2024-02-29", "2024-11-30")


@dataclass
class Resolution:
    """What the builder reads of a resolution: entities and rewritten extractions."""

    entities: dict[str, Entity]
    extractions: list[DocumentExtraction] = field(default_factory=list)


def _entity(index: int, name: str, etype: EntityType) -> Entity:
    kind = (OrgKind.VENDOR, OrgKind.ASSOCIATION, OrgKind.PUBLIC_IT_PROVIDER)[index % 3]
    place = etype == EntityType.MUNICIPALITY
    return Entity(
        entity_id(str(etype), name),
        name,
        etype,
        kind if etype == EntityType.ORGANIZATION else None,
        (name.upper(), f"={index}+{index}"),
        f"0833{index:04d}" if place else None,
        47.8 if place else None,
        -0.25 if place else None,  # a negative number: spreadsheet guards must leave it alone
        "Baden-Württemberg" if place else None,
    )


def _article(number: int, pair: tuple[Entity, Entity]) -> tuple[Article, DocumentExtraction]:
    """One article whose only sentence names both entities; every other article also states a role."""
    first, second = pair
    sentence = f"{first.name} trifft {second.name} ({TITLES[number % len(TITLES)]})."
    article_id = Article.make_id("hostile.jsonl", "article", number)
    published = PUBLISHED[number % len(PUBLISHED)]
    mentions = tuple(
        Mention(article_id, start, start + len(e.name), e.name, e.type, e.name, e.id, e.kind, 0.9,
                "hostile@1", 0, 0, e.ags, e.lat, e.lon, e.land)
        for e, start in ((first, 0), (second, sentence.index(" trifft ") + len(" trifft ")))
    )
    relations: tuple[Relation, ...] = ()
    if number % 2 == 0:
        evidence = Evidence(article_id, sentence, 0, len(sentence), published, "hostile@1")
        relations = (
            Relation(RelationType.HOLDS_ROLE, first.id, second.id, first.name, second.name, evidence,
                     ROLES[number % len(ROLES)]),
        )
    article = Article(
        article_id,
        "hostile",
        "article",
        TITLES[number % len(TITLES)],
        sentence,
        published,
        section=TAGS[number % len(TAGS)],
        tags=(TAGS[number % len(TAGS)], TAGS[(number + 1) % len(TAGS)]),
        url=f"https://example.invalid/{number}?q=\"'<x>",
        source_id=f"h-{number}",
    )
    return article, DocumentExtraction(article_id, mentions, relations, ((0, len(sentence)),))


def hostile_inputs() -> tuple[list[Article], Resolution]:
    """Articles and resolution: consecutive hostile entities co-mentioned in a ring (plus a chord)."""
    entities = [_entity(i, name, etype) for i, (name, etype) in enumerate(NAMES)]
    pairs = [(entities[i], entities[(i + 1) % len(entities)]) for i in range(len(entities))]
    pairs.append((entities[0], entities[len(entities) // 2]))
    articles, docs = [], []
    for number, pair in enumerate(pairs):
        article, doc = _article(number, pair)
        articles.append(article)
        docs.append(doc)
    return articles, Resolution({e.id: e for e in entities}, docs)


def hostile_graph(settings: Settings) -> GraphData:
    """The built hostile graph (entities, articles, topics; every edge type but LOCATED_IN)."""
    articles, resolution = hostile_inputs()
    return build_graph(articles, resolution, settings)


def hostile_strings(data: GraphData) -> list[str]:
    """Every text value of the graph a reader sees: names, titles, tags, roles and quotes."""
    texts = [str(n.props.get("name") or n.props.get("title") or "") for n in data.nodes]
    for e in data.edges:
        if e.props.get("role"):
            texts.append(str(e.props["role"]))
        texts += [str(ev["sentence"]) for ev in e.props.get("evidence") or []]
    return [t for t in texts if t]
