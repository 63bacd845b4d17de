"""Resolve extracted mentions into canonical entities, non-destructively.

Steps: count what the mentions say about each extracted entity id
(:mod:`graph.resolve.profiles`), find links between ids (:mod:`graph.resolve.matching`),
replay the curators' judgements (:mod:`graph.resolve.replay`), join ids into
groups with union-find that respects not-same decisions
(:mod:`graph.resolve.components`), and describe each group as one
:class:`graph.model.Entity`. The input extractions are never changed; a
rewritten copy points every mention and relation at its canonical id.

The canonical id of a group is the id of its member with the most mentions
(ties: the smallest id). A group therefore keeps its id as new articles
arrive unless another member overtakes it, and judgements stay valid either
way because they name member ids, which never change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from graph.model import DocumentExtraction, Entity, EntityType, Judgement, Mention, Relation
from graph.resolve.components import Components
from graph.resolve.matching import Link, find_links
from graph.resolve.profiles import Profile, build_profiles, mention_id
from graph.resolve.replay import Curation, replay


@dataclass(frozen=True)
class MergeCandidate:
    """Two canonical entities that may be the same actor, for a curator to decide."""

    left: str
    right: str
    score: float
    reasons: tuple[str, ...]


@dataclass
class Resolution:
    """Canonical entities plus the extractions rewritten to point at them."""

    entities: dict[str, Entity] = field(default_factory=dict)
    extractions: list[DocumentExtraction] = field(default_factory=list)
    candidates: list[MergeCandidate] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    ignored: frozenset[str] = frozenset()
    warnings: list[str] = field(default_factory=list)

    def entity_of(self, mention_entity_id: str) -> Entity | None:
        """The canonical entity a mention's (extracted) entity id resolved to."""
        canonical = self.mapping.get(mention_entity_id)
        return self.entities.get(canonical) if canonical else None


def resolve(
    extractions: Sequence[DocumentExtraction],
    judgements: Sequence[Judgement],
    settings: object,
) -> Resolution:
    """Resolve ``extractions`` under ``judgements`` (file order); see the module docstring."""
    threshold = float(getattr(settings, "fuzzy_threshold", 92.0))
    profiles = build_profiles(extractions)
    curation = replay(judgements, profiles)
    links = find_links(profiles, extractions, threshold)
    components, warnings = _components(profiles, curation, links)
    groups = components.groups()
    mapping, entities, ignored = _describe(groups, profiles, curation)
    rewritten = [_rewrite(doc, mapping, entities, ignored) for doc in extractions]
    candidates = _candidates(links, components, mapping, curation)
    return Resolution(
        entities=entities,
        extractions=rewritten,
        candidates=candidates,
        mapping=mapping,
        ignored=frozenset(ignored),
        warnings=curation.warnings + warnings,
    )


def _components(
    profiles: dict[str, Profile], curation: Curation, links: list[Link]
) -> tuple[Components, list[str]]:
    """Union judgement merges first (file order), then automatic links, never across a not-same.

    Municipalities are tagged with their AGS and registry actors with their
    registry id, so that no automatic rule joins two places of different AGS
    or two curated actors, such as a predecessor and its successor ("KIVBF"
    and "ITEOS" share initials and context but are different bodies). A
    curator's merge judgement still can.
    """
    tags = {pid: p.best_ags for pid, p in profiles.items()
            if p.best_ags and p.type is EntityType.MUNICIPALITY}
    tags.update({pid: f"actor:{p.best_actor}" for pid, p in profiles.items() if p.best_actor})
    components = Components(profiles, tags=tags)
    for a, b in curation.not_same:
        components.forbid(a, b)
    warnings = []
    for a, b in curation.merges:
        if not components.union(a, b):
            warnings.append(f"merge {a} {b} skipped: it would join a not-same pair")
    for link in links:
        if link.auto:
            components.union(link.left, link.right, respect_tags=True)
    return components, warnings


def _canonical_id(members: list[str], profiles: dict[str, Profile]) -> str:
    return min(members, key=lambda m: (-profiles[m].mentions, m))


def _describe(
    groups: list[list[str]], profiles: dict[str, Profile], curation: Curation
) -> tuple[dict[str, str], dict[str, Entity], set[str]]:
    """Map every member to its group's canonical id and build the group's :class:`Entity`."""
    mapping: dict[str, str] = {}
    entities: dict[str, Entity] = {}
    ignored: set[str] = set()
    for members in groups:
        if curation.ignored.intersection(members):
            ignored.update(members)
            continue
        canonical = _canonical_id(members, profiles)
        for member in members:
            mapping[member] = canonical
        entities[canonical] = _entity(canonical, members, profiles, curation)
    return mapping, dict(sorted(entities.items())), ignored


def _latest(members: list[str], table: Mapping[str, tuple[Any, ...]]) -> tuple[Any, ...] | None:
    """The latest judgement (by file position) about any member of a group."""
    found = [table[m] for m in members if m in table]
    return max(found, key=lambda v: v[0]) if found else None


def _entity(canonical: str, members: list[str], profiles: dict[str, Profile], curation: Curation) -> Entity:
    group = Profile(canonical)
    for member in members:
        group.absorb(profiles[member])
    etype, kind = group.type, group.kind
    retype = _latest(members, curation.retypes)
    if retype is not None:
        etype, kind = retype[1], retype[2] if retype[2] is not None else kind
    if etype is not EntityType.ORGANIZATION:
        kind = None
    rename = _latest(members, curation.renames)
    name = rename[1] if rename is not None else group.name
    aliases = tuple(sorted((set(group.surfaces) | set(group.canonicals)) - {name}))
    ags = group.best_ags
    lat, lon, land = group.geo.get(ags or "", group.geo.get("", (None, None, None)))
    return Entity(id=canonical, name=name, type=etype, kind=kind, aliases=aliases,
                  ags=ags, lat=lat, lon=lon, land=land)


def _rewrite_mention(m: Mention, mapping: dict[str, str], entities: dict[str, Entity]) -> Mention | None:
    canonical = mapping.get(mention_id(m))
    if canonical is None:
        return None
    entity = entities[canonical]
    if (m.entity_id, m.canonical, m.type, m.kind) == (canonical, entity.name, entity.type, entity.kind):
        return m  # unchanged: skip the copy (most mentions on large corpora)
    return replace(m, entity_id=canonical, canonical=entity.name, type=entity.type, kind=entity.kind)


def _rewrite_relation(r: Relation, mapping: dict[str, str], entities: dict[str, Entity]) -> Relation:
    source, target = mapping.get(r.source, r.source), mapping.get(r.target, r.target)
    src_entity, tgt_entity = entities.get(source), entities.get(target)
    return replace(
        r,
        source=source,
        target=target,
        source_name=src_entity.name if src_entity else r.source_name,
        target_name=tgt_entity.name if tgt_entity else r.target_name,
    )


def _rewrite(
    doc: DocumentExtraction, mapping: dict[str, str], entities: dict[str, Entity], ignored: set[str]
) -> DocumentExtraction:
    """The same document with mentions and relations pointing at canonical ids; ignored ones dropped."""
    mentions = tuple(x for x in (_rewrite_mention(m, mapping, entities) for m in doc.mentions) if x)
    relations = tuple(
        _rewrite_relation(r, mapping, entities)
        for r in doc.relations
        if r.source not in ignored and r.target not in ignored
    )
    return replace(doc, mentions=mentions, relations=relations)


def _candidates(
    links: list[Link], components: Components, mapping: dict[str, str], curation: Curation
) -> list[MergeCandidate]:
    """Links whose two ends ended up in different, non-ignored, not-judged groups.

    Groups tagged apart (two registry actors, two AGS) are no candidates: the registry or the
    official list already says they differ, and proposing them only buries real duplicates.
    """
    blocked = {_ordered(mapping.get(a, a), mapping.get(b, b)) for a, b in curation.not_same}
    best: dict[tuple[str, str], tuple[float, set[str]]] = {}
    for link in links:
        a, b = mapping.get(link.left), mapping.get(link.right)
        if a is None or b is None or a == b or components.tagged_apart(link.left, link.right):
            continue
        pair = _ordered(a, b)
        if pair in blocked:
            continue
        score, reasons = best.get(pair, (0.0, set()))
        best[pair] = (max(score, link.score), reasons | {link.reason})
    out = [MergeCandidate(a, b, s, tuple(sorted(r))) for (a, b), (s, r) in best.items()]
    return sorted(out, key=lambda c: (-c.score, c.left, c.right))


def _ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)
