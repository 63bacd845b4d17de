"""A seeded synthetic corpus shaped like German public-sector IT news.

Actors are drawn from Zipf distributions (a few vendors, associations and
cities appear everywhere, most actors rarely), which is what makes hubs,
NPMI and the backbone filter matter. The generator produces articles plus
ready-made extractions and a resolution-like object, so build benchmarks do
not depend on the extractor's speed.

>>> corpus = generate(20, seed=1)
>>> len(corpus.articles) >= 20 and len(corpus.resolution.extractions) == len(corpus.articles)
True
>>> generate(20, seed=1).articles == corpus.articles
True
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import networkx as nx
import numpy as np

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
    entity_id,
)

LANDS = (
    "Baden-Württemberg",
    "Bayern",
    "Berlin",
    "Brandenburg",
    "Bremen",
    "Hamburg",
    "Hessen",
    "Mecklenburg-Vorpommern",
    "Niedersachsen",
    "Nordrhein-Westfalen",
    "Rheinland-Pfalz",
    "Saarland",
    "Sachsen",
    "Sachsen-Anhalt",
    "Schleswig-Holstein",
    "Thüringen",
)
_SYLLABLES = (
    "ber",
    "lin",
    "han",
    "no",
    "ver",
    "ko",
    "bur",
    "gen",
    "dorf",
    "hau",
    "sen",
    "stadt",
    "wal",
    "de",
    "mar",
    "ka",
    "ro",
    "tin",
    "feld",
    "heim",
    "bach",
    "al",
    "ten",
    "rode",
)
_FIRST = (
    "Anna",
    "Jonas",
    "Lea",
    "Paul",
    "Marie",
    "Felix",
    "Sophie",
    "Lukas",
    "Laura",
    "Tim",
    "Julia",
    "Jan",
    "Katrin",
    "Stefan",
    "Petra",
    "Oliver",
    "Sabine",
    "Michael",
    "Nina",
    "Tobias",
)
_KINDS = (
    OrgKind.VENDOR,
    OrgKind.VENDOR,
    OrgKind.VENDOR,
    OrgKind.PUBLIC_IT_PROVIDER,
    OrgKind.ASSOCIATION,
    OrgKind.PUBLIC_BODY,
    OrgKind.MEDIA,
    OrgKind.OTHER,
)
_ORG_SUFFIX = {
    OrgKind.VENDOR: "GmbH",
    OrgKind.PUBLIC_IT_PROVIDER: "IT-Dienstleister",
    OrgKind.ASSOCIATION: "Verband",
    OrgKind.PUBLIC_BODY: "Ministerium",
    OrgKind.MEDIA: "Verlag",
    OrgKind.OTHER: "Initiative",
}
_ROLES = ("Bürgermeister", "Geschäftsführer", "CIO", "Vorstand", "Leiter", "Präsident")


@dataclass
class SyntheticResolution:
    """Resolution-shaped output: canonical entities and their extractions."""

    entities: dict[str, Entity]
    extractions: list[DocumentExtraction] = field(default_factory=list)


@dataclass
class SyntheticCorpus:
    """Articles and the resolution the builder consumes."""

    articles: list[Article]
    resolution: SyntheticResolution


def _name(rng: np.random.Generator, parts: int) -> str:
    return "".join(_SYLLABLES[i] for i in rng.integers(0, len(_SYLLABLES), parts)).capitalize()


def _actors(rng: np.random.Generator, n_articles: int) -> dict[EntityType, list[Entity]]:
    """Actor pools sized with the corpus (about 0.2 actors per article, at least a few hundred)."""
    scale = max(300, n_articles // 5)
    pools: dict[EntityType, list[Entity]] = {t: [] for t in EntityType}
    for i in range(max(50, scale // 4)):
        ags = f"{rng.integers(1, 17):02d}{i:06d}"
        name = f"{_name(rng, 2)} {i}"
        pools[EntityType.MUNICIPALITY].append(
            Entity(
                entity_id("MUNICIPALITY", ags),
                name,
                EntityType.MUNICIPALITY,
                None,
                (),
                ags,
                round(float(rng.uniform(47.3, 55.0)), 4),
                round(float(rng.uniform(5.9, 15.0)), 4),
                LANDS[int(ags[:2]) - 1],
            )
        )
    for i in range(max(80, scale // 3)):
        kind = _KINDS[int(rng.integers(0, len(_KINDS)))]
        name = f"{_name(rng, 2)} {_ORG_SUFFIX[kind]} {i}"
        pools[EntityType.ORGANIZATION].append(
            Entity(entity_id("ORGANIZATION", name), name, EntityType.ORGANIZATION, kind, (name.upper(),))
        )
    for i in range(max(100, scale // 2)):
        name = f"{_FIRST[int(rng.integers(0, len(_FIRST)))]} {_name(rng, 3)} {i}"
        pools[EntityType.PERSON].append(Entity(entity_id("PERSON", name), name, EntityType.PERSON))
    for i in range(max(10, scale // 30)):
        name = f"{_name(rng, 2)}land {i}"
        pools[EntityType.LOCATION].append(Entity(entity_id("LOCATION", name), name, EntityType.LOCATION))
    return pools


def _zipf_pick(rng: np.random.Generator, pool: list[Entity], k: int, a: float = 1.6) -> list[Entity]:
    ranks = rng.zipf(a, size=k * 2) - 1
    picked: dict[str, Entity] = {}
    for r in ranks:
        ent = pool[int(r) % len(pool)]  # the rare overflow rank wraps around the pool
        picked.setdefault(ent.id, ent)
        if len(picked) == k:
            break
    return list(picked.values())


class _Writer:
    """Accumulates one document's text, sentence offsets and mentions."""

    def __init__(self, article_id: str) -> None:
        self.article_id = article_id
        self.text = ""
        self.sentences: list[tuple[int, int]] = []
        self.mentions: list[Mention] = []

    def sentence(self, paragraph: int, words: list[str | Entity]) -> tuple[int, int]:
        start = len(self.text)
        for w in words:
            if isinstance(w, Entity):
                at = len(self.text)
                self.text += w.name
                self.mentions.append(
                    Mention(
                        self.article_id,
                        at,
                        len(self.text),
                        w.name,
                        w.type,
                        w.name,
                        w.id,
                        w.kind,
                        0.9,
                        "synthetic@1",
                        len(self.sentences),
                        paragraph,
                        w.ags,
                        w.lat,
                        w.lon,
                        w.land,
                    )
                )
            else:
                self.text += w
        self.text += ". "
        self.sentences.append((start, len(self.text) - 1))
        return self.sentences[-1]


def _regional(pool: list[Entity], region: int) -> list[Entity]:
    """The slice of a pool at home in one of the 16 regions (every 16th actor)."""
    return pool[region :: len(LANDS)] or pool


def _cast(rng: np.random.Generator, pools: dict[EntityType, list[Entity]], region: int) -> list[Entity]:
    """The actors of one article: mostly regional (communities), sometimes national hubs."""
    wanted = {
        EntityType.ORGANIZATION: int(rng.integers(1, 5)),
        EntityType.MUNICIPALITY: int(rng.integers(1, 3)),
        EntityType.PERSON: int(rng.integers(0, 3)),
        EntityType.LOCATION: int(rng.integers(0, 2)),
    }
    cast: list[Entity] = []
    for etype, k in wanted.items():
        pool = pools[etype] if rng.random() < 0.25 else _regional(pools[etype], region)
        cast += _zipf_pick(rng, pool, k)
    return cast


def _article(
    rng: np.random.Generator, pools: dict[EntityType, list[Entity]], no: int, day: str
) -> tuple[Article, DocumentExtraction]:
    aid = Article.make_id(f"synthetic/{no}", "article", 0)
    cast = _cast(rng, pools, int(rng.integers(0, len(LANDS))))
    writer = _Writer(aid)
    relations = []
    for i, ent in enumerate(cast):
        partner = cast[(i + 1) % len(cast)]
        if ent.type == EntityType.PERSON and partner.type != EntityType.PERSON:
            role = _ROLES[int(rng.integers(0, len(_ROLES)))]
            a, b = writer.sentence(i // 3, [ent, f" ist {role} bei ", partner])
            relations.append(
                Relation(
                    RelationType.HOLDS_ROLE,
                    ent.id,
                    partner.id,
                    ent.name,
                    partner.name,
                    Evidence(aid, writer.text[a:b], a, b, day, "synthetic@1"),
                    role,
                )
            )
        else:
            writer.sentence(i // 3, ["Laut ", ent, " schreitet die Digitalisierung voran"])
    tags = tuple(sorted({("Panorama", "eGovernment", "Finanzen", "Schule")[int(rng.integers(0, 4))]}))
    article = Article(
        aid,
        "synthetic",
        "article",
        f"Meldung {no}",
        writer.text.strip(),
        day,
        section=tags[0],
        tags=tags,
        url=f"https://example.org/{no}",
        source_id=str(no),
    )
    doc = DocumentExtraction(aid, tuple(writer.mentions), tuple(relations), tuple(writer.sentences))
    return article, doc


def _listing(
    rng: np.random.Generator, pools: dict[EntityType, list[Entity]], no: int, day: str
) -> tuple[Article, DocumentExtraction]:
    aid = Article.make_id(f"synthetic/{no}", "vendor_listing", 0)
    writer = _Writer(aid)
    vendors = [o for o in _zipf_pick(rng, pools[EntityType.ORGANIZATION], 6) if o.kind == OrgKind.VENDOR]
    relations = []
    for i, vendor in enumerate(vendors):
        town = _zipf_pick(rng, pools[EntityType.MUNICIPALITY], 1)[0]
        a, b = writer.sentence(i, [vendor, ", ", town])
        relations.append(
            Relation(
                RelationType.LOCATED_IN,
                vendor.id,
                town.id,
                vendor.name,
                town.name,
                Evidence(aid, writer.text[a:b], a, b, day, "synthetic@1"),
            )
        )
    article = Article(aid, "synthetic", "vendor_listing", "Ausgewählte Anbieter", writer.text.strip(), day)
    return article, DocumentExtraction(aid, tuple(writer.mentions), tuple(relations), tuple(writer.sentences))


def generate(
    n_articles: int, seed: int = 42, listing_every: int = 10, publishers: int = 0
) -> SyntheticCorpus:
    """``n_articles`` news articles (plus one vendor listing per ``listing_every``), reproducibly.

    ``publishers`` > 0 spreads the documents over that many outlets (``portal-<k>.example``, by
    article number, so the texts and the random draws stay those of ``publishers=0``).
    """
    rng = np.random.default_rng(seed)
    pools = _actors(rng, n_articles)
    entities = {e.id: e for pool in pools.values() for e in pool}
    start = date(2015, 1, 1)
    articles, docs = [], []
    for no in range(n_articles):
        day = (start + timedelta(days=int(rng.integers(0, 3650)))).isoformat()
        outlet = f"portal-{no % publishers}.example" if publishers else None
        article, doc = _article(rng, pools, no, day)
        articles.append(replace(article, publisher=outlet, source_kind="editorial") if outlet else article)
        docs.append(doc)
        if listing_every and no % listing_every == 0:
            article, doc = _listing(rng, pools, no, day)
            articles.append(replace(article, publisher=outlet) if outlet else article)
            docs.append(doc)
    return SyntheticCorpus(articles, SyntheticResolution(entities, docs))


def synthetic_graph(
    n_nodes: int, n_edges: int, seed: int = 42, blocks: int | None = None, inside: float = 0.8
) -> nx.Graph:
    """A weighted entity graph with communities and heavy-tailed degrees (for analysis benchmarks).

    Endpoints are drawn with power-law propensities; ``inside`` of the edges
    stay within a node's block (a region), the rest connect anywhere.
    """
    rng = np.random.default_rng(seed)
    blocks = blocks or max(2, n_nodes // 100)
    block = rng.integers(0, blocks, n_nodes)
    propensity = (np.arange(1, n_nodes + 1) ** -0.8)[rng.permutation(n_nodes)]
    order = np.argsort(block, kind="stable")
    cum = np.cumsum(propensity[order])
    ends = np.searchsorted(block[order], np.arange(blocks), side="right")
    lows = np.concatenate(([0.0], cum))[np.concatenate(([0], ends[:-1]))]
    highs = cum[ends - 1]
    edges: set[tuple[int, int]] = set()
    while len(edges) < n_edges:
        size = n_edges
        u = order[np.searchsorted(cum, rng.random(size) * cum[-1]).clip(0, n_nodes - 1)]
        v = order[np.searchsorted(cum, rng.random(size) * cum[-1]).clip(0, n_nodes - 1)]
        local = rng.random(size) < inside
        b = block[u[local]]
        picks = lows[b] + rng.random(len(b)) * (highs[b] - lows[b])
        v[local] = order[np.searchsorted(cum, picks).clip(0, n_nodes - 1)]
        for a, c in zip(u.tolist(), v.tolist(), strict=True):
            if a != c:
                edges.add((min(a, c), max(a, c)))
            if len(edges) == n_edges:
                break
    types = [str(t) for t in EntityType]
    g = nx.Graph(snapshot_id=f"synthetic-{n_nodes}-{n_edges}-{seed}")
    for i in range(n_nodes):
        g.add_node(
            f"n{i:06d}",
            name=f"Akteur {i}",
            type=types[i % len(types)],
            kind="vendor" if i % 8 == 1 else None,
            land=LANDS[int(block[i]) % len(LANDS)],
        )
    weights = rng.zipf(2.0, size=len(edges)).astype(float)
    g.add_weighted_edges_from(
        (f"n{a:06d}", f"n{b:06d}", w) for (a, b), w in zip(sorted(edges), weights, strict=True)
    )
    return g
