"""A hand-built, seed-like page: one main article, two teasers and a vendor listing.

It mirrors the shape of the reference seed page (entities per document,
stated relations, listed vendors with their towns) so build, analysis and
export tests run without the extractor or resolver.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.model import (
    Article,
    DocumentExtraction,
    Entity,
    EntityType,
    Evidence,
    Mention,
    OrgKind,
    Relation,
    RelationType,
    VendorEntry,
    entity_id,
)

ORG, PER, MUN = EntityType.ORGANIZATION, EntityType.PERSON, EntityType.MUNICIPALITY

ENTITIES: dict[str, tuple[EntityType, OrgKind | None, str | None, str | None]] = {
    # name: (type, kind, ags, land)
    "Bundesverband IT-Mittelstand": (ORG, OrgKind.ASSOCIATION, None, None),
    "Empolis Information Management": (ORG, OrgKind.VENDOR, None, None),
    "KI Bundesverband": (ORG, OrgKind.ASSOCIATION, None, None),
    "HSH Soft- und Hardware Vertrieb": (ORG, OrgKind.VENDOR, None, None),
    "DATABUND": (ORG, OrgKind.ASSOCIATION, None, None),
    "Tengen": (MUN, None, "08335080", "Baden-Württemberg"),
    "Stefan Wess": (PER, None, None, None),
    "Stephan Hauber": (PER, None, None, None),
    "Detlef Sander": (PER, None, None, None),
    "Marian Schreier": (PER, None, None, None),
    "Oliver Grün": (PER, None, None, None),
    "Freiburg im Breisgau": (MUN, None, "08311000", "Baden-Württemberg"),
    "Bundeszentrale für politische Bildung": (ORG, OrgKind.PUBLIC_BODY, None, None),
    "kdvz Rhein Erft Rur": (ORG, OrgKind.PUBLIC_IT_PROVIDER, None, None),
    "Rolf Skuras": (PER, None, None, None),
    "Frederic Lottis": (PER, None, None, None),
    "JCC Software GmbH": (ORG, OrgKind.VENDOR, None, None),
    "AIDA ORGA GmbH": (ORG, OrgKind.VENDOR, None, None),
    "Telecomputer GmbH": (ORG, OrgKind.VENDOR, None, None),
    "Münster": (MUN, None, "05515000", "Nordrhein-Westfalen"),
    "Gechingen": (MUN, None, "08235029", "Baden-Württemberg"),
    "Berlin": (MUN, None, "11000000", "Berlin"),
}

MAIN_PARAGRAPHS = [
    [
        "Im Rahmen der Initiative wirbt der Bundesverband IT-Mittelstand für den Mittelstand.",
        "Oliver Grün ist Präsident des Bundesverband IT-Mittelstand.",
    ],
    [
        "Stefan Wess von Empolis Information Management spricht auch für den KI Bundesverband.",
        "Stephan Hauber leitet HSH Soft- und Hardware Vertrieb.",
    ],
    ["Detlef Sander vertritt DATABUND.", "Marian Schreier ist Bürgermeister von Tengen. (sib)"],
]
MAIN_RELATIONS = [
    ("Oliver Grün", "Bundesverband IT-Mittelstand", RelationType.HOLDS_ROLE, "Präsident"),
    ("Marian Schreier", "Tengen", RelationType.HOLDS_ROLE, "Bürgermeister"),
    ("Stefan Wess", "Empolis Information Management", RelationType.AFFILIATED_WITH, None),
    ("Stefan Wess", "KI Bundesverband", RelationType.AFFILIATED_WITH, None),
    ("Stephan Hauber", "HSH Soft- und Hardware Vertrieb", RelationType.AFFILIATED_WITH, None),
    ("Detlef Sander", "DATABUND", RelationType.AFFILIATED_WITH, None),
]
TEASERS = [
    (
        "Freiburg: Digitale Wahl-Entscheidungshilfe",
        "2024-05-06",
        [["Freiburg im Breisgau startet mit der Bundeszentrale für politische Bildung eine Wahlhilfe."]],
        [],
    ),
    (
        "kdvz: Projekt-Management as a Service",
        "2024-05-06",
        [
            [
                "Die kdvz Rhein Erft Rur bietet Projekt-Management an.",
                "Rolf Skuras und Frederic Lottis stellen es vor.",
            ]
        ],
        [
            ("Rolf Skuras", "kdvz Rhein Erft Rur", RelationType.AFFILIATED_WITH, None),
            ("Frederic Lottis", "kdvz Rhein Erft Rur", RelationType.AFFILIATED_WITH, None),
        ],
    ),
]
VENDORS = [
    ("JCC Software GmbH", "48149", "Münster"),
    ("AIDA ORGA GmbH", "75391", "Gechingen"),
    ("Telecomputer GmbH", "10829", "Berlin"),
]


def eid(name: str) -> str:
    """Entity id of a fixture entity."""
    etype, _, ags, _ = ENTITIES[name]
    return entity_id(str(etype), ags or name)


def entities() -> dict[str, Entity]:
    """All fixture entities by id."""
    out = {}
    for name, (etype, kind, ags, land) in ENTITIES.items():
        out[eid(name)] = Entity(
            eid(name),
            name,
            etype,
            kind,
            (name.upper(),),
            ags,
            47.8 if ags else None,
            8.7 if ags else None,
            land,
        )
    return out


@dataclass
class Resolution:
    """The part of the resolver's output the builder reads."""

    entities: dict[str, Entity]
    extractions: list[DocumentExtraction] = field(default_factory=list)


def _document(
    article_id: str,
    paragraphs: list[list[str]],
    published: str,
    relations: Sequence[tuple[str, str, RelationType, str | None]],
) -> tuple[str, DocumentExtraction]:
    text, sentences, mentions = "", [], []
    index = 0
    for p_no, paragraph in enumerate(paragraphs):
        for sentence in paragraph:
            start = len(text)
            text += sentence
            sentences.append((start, len(text)))
            for name in ENTITIES:
                at = sentence.find(name)
                if at >= 0 and not any(
                    name != other and name in other and other in sentence for other in ENTITIES
                ):
                    etype, kind, ags, _ = ENTITIES[name]
                    mentions.append(
                        Mention(
                            article_id,
                            start + at,
                            start + at + len(name),
                            name,
                            etype,
                            name,
                            eid(name),
                            kind,
                            0.9,
                            "rules@1",
                            index,
                            p_no,
                            ags,
                        )
                    )
            text += " "
            index += 1
        text = text.rstrip() + "\n\n"
    rels = []
    for source, target, rtype, role in relations:
        s_no = next(
            (i for i, (a, b) in enumerate(sentences) if source in text[a:b] and target in text[a:b]),
            next(i for i, (a, b) in enumerate(sentences) if source in text[a:b]),
        )
        a, b = sentences[s_no]
        rels.append(
            Relation(
                rtype,
                eid(source),
                eid(target),
                source,
                target,
                Evidence(article_id, text[a:b], a, b, published, "rules@1"),
                role,
            )
        )
    doc = DocumentExtraction(
        article_id, tuple(sorted(mentions, key=lambda m: m.start)), tuple(rels), tuple(sentences)
    )
    return text.strip(), doc


def page(source: str = "seed.txt", published: str = "2021-06-22") -> tuple[list[Article], Resolution]:
    """The articles and resolution of one seed-like page."""
    articles, docs = [], []
    main_id = Article.make_id(source, "article", 0)
    text, doc = _document(main_id, MAIN_PARAGRAPHS, published, MAIN_RELATIONS)
    articles.append(
        Article(
            main_id,
            "kommune21",
            "article",
            "Bundesverband IT-Mittelstand: Partner der Kommunen",
            text,
            published,
            section="Panorama",
            tags=("Panorama", "HSH", "DATABUND"),
            url="https://example.org/bitmi",
            source_id="k21-1",
        )
    )
    docs.append(doc)
    for i, (title, day, paragraphs, rels) in enumerate(TEASERS):
        tid = Article.make_id(source, "teaser", i)
        text, doc = _document(tid, paragraphs, day, rels)
        articles.append(
            Article(tid, "kommune21", "teaser", title, text, day, section="Panorama", parent_id=main_id)
        )
        docs.append(doc)
    articles.append(_listing(source, main_id, published, docs))
    return articles, Resolution(entities(), docs)


def _listing(source: str, parent: str, published: str, docs: list[DocumentExtraction]) -> Article:
    lid = Article.make_id(source, "vendor_listing", 0)
    lines, mentions, rels, sentences = [], [], [], []
    offset = 0
    for i, (vendor, postal, city) in enumerate(VENDORS):
        line = f"{vendor}, {postal} {city}"
        sentences.append((offset, offset + len(line)))
        for name, at in ((vendor, 0), (city, line.index(city))):
            etype, kind, ags, _ = ENTITIES[name]
            mentions.append(
                Mention(
                    lid,
                    offset + at,
                    offset + at + len(name),
                    name,
                    etype,
                    name,
                    eid(name),
                    kind,
                    1.0,
                    "listing@1",
                    i,
                    i,
                    ags,
                )
            )
        rels.append(
            Relation(
                RelationType.LOCATED_IN,
                eid(vendor),
                eid(city),
                vendor,
                city,
                Evidence(lid, line, offset, offset + len(line), published, "listing@1"),
            )
        )
        lines.append(line)
        offset += len(line) + 1
    docs.append(DocumentExtraction(lid, tuple(mentions), tuple(rels), tuple(sentences)))
    vendors = tuple(VendorEntry(v, p, c) for v, p, c in VENDORS)
    return Article(
        lid,
        "kommune21",
        "vendor_listing",
        "Ausgewählte Anbieter aus dem Bereich Panorama",
        "\n".join(lines),
        published,
        section="Panorama",
        vendors=vendors,
        parent_id=parent,
    )


MAIN_NAMES = [n for n in ENTITIES if any(n in s for p in MAIN_PARAGRAPHS for s in p)]
