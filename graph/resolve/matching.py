"""Rules that propose two entity ids as the same actor.

Each rule yields :class:`Link` records. ``auto`` links are merged without a
human (same key after normalisation, same AGS, a defined acronym); the others
become review candidates. Rules group by keys instead of comparing all pairs,
so the cost grows with the number of entities, not its square; only the fuzzy
rule compares pairs, and only inside small blocks of similar keys.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from graph.model import DocumentExtraction, EntityType
from graph.resolve.names import (
    compact_key,
    first_token,
    fits_acronym,
    genitive_key,
    initials,
    is_acronym,
    key_tokens,
    name_key,
    stem_key,
)
from graph.resolve.profiles import Profile, adjacent_pairs, mention_id

ORG = EntityType.ORGANIZATION
PERSON = EntityType.PERSON
MUNI = EntityType.MUNICIPALITY
FUZZY_AUTO_SCORE = 97.0
FUZZY_AUTO_MIN_LEN = 15
FUZZY_BLOCK_CAP = 3000


@dataclass(frozen=True)
class Link:
    """Evidence that ``left`` and ``right`` name the same actor."""

    left: str
    right: str
    score: float
    reason: str
    auto: bool

    def ordered(self) -> Link:
        """The same link with ``left < right`` (for deterministic sorting)."""
        if self.left <= self.right:
            return self
        return Link(self.right, self.left, self.score, self.reason, self.auto)


def _conflicting_ags(a: Profile, b: Profile) -> bool:
    """Two municipalities with different official keys are never the same."""
    return a.best_ags is not None and b.best_ags is not None and a.best_ags != b.best_ags


def _chain(ids: Sequence[str], score: float, reason: str, auto: bool) -> Iterator[Link]:
    """Link every member of a group to its first member (enough for connected components)."""
    for other in ids[1:]:
        yield Link(ids[0], other, score, reason, auto)


def _group_links(
    profiles: dict[str, Profile],
    keyer: Callable[[Profile], Iterable[str]],
    score: float,
    label: str,
) -> Iterator[Link]:
    """Auto links between same-type profiles that share a key produced by ``keyer``."""
    groups: dict[tuple[EntityType, str], list[str]] = defaultdict(list)
    for pid, profile in profiles.items():
        for key in set(keyer(profile)):
            if key:
                groups[(profile.type, key)].append(pid)
    for (_, key), ids in sorted(groups.items()):
        if len(ids) < 2:
            continue
        by_ags: dict[str | None, list[str]] = defaultdict(list)
        for pid in ids:
            by_ags[profiles[pid].best_ags].append(pid)
        keyed = [g for a, g in by_ags.items() if a is not None]
        loose = by_ags.get(None, [])
        if len(keyed) > 1:  # homonyms with different AGS: only the unkeyed may join, as candidates
            for group in keyed:
                yield from _chain(sorted(group), score, f"{label} {key!r}", True)
            for pid in loose:
                for group in keyed:
                    yield Link(pid, group[0], score - 20, f"{label} {key!r}, AGS ambiguous", False)
            continue
        yield from _chain(sorted(ids), score, f"{label} {key!r}", True)


def key_links(profiles: dict[str, Profile]) -> Iterator[Link]:
    """Same name key, same compact key, same genitive-free key, same stem key."""
    yield from _group_links(profiles, lambda p: (name_key(n) for n in p.names()), 100, "same name")
    yield from _group_links(profiles, lambda p: (compact_key(n) for n in p.names()), 99, "same spelling")
    yield from _group_links(profiles, lambda p: (genitive_key(n) for n in p.names()), 97, "genitive")
    yield from _group_links(
        profiles,
        lambda p: (stem_key(n) for n in p.names() if p.type is not PERSON and len(key_tokens(n)) >= 2),
        96,
        "inflection",
    )


def ags_links(profiles: dict[str, Profile]) -> Iterator[Link]:
    """Municipalities with the same official key (AGS) are the same."""
    groups: dict[str, list[str]] = defaultdict(list)
    for pid, profile in profiles.items():
        ags = profile.best_ags
        if ags and profile.type is MUNI:
            groups[ags].append(pid)
    for ags, ids in sorted(groups.items()):
        yield from _chain(sorted(ids), 100, f"same AGS {ags}", True)


def alias_links(profiles: dict[str, Profile]) -> Iterator[Link]:
    """A surface form of one entity is the canonical name of another.

    Single-word person names ("Schreier") are too ambiguous to merge
    automatically; they only become candidates.
    """
    owners: dict[tuple[EntityType, str], list[str]] = defaultdict(list)
    for pid, profile in profiles.items():
        for key in {name_key(n) for n in profile.names()}:
            owners[(profile.type, key)].append(pid)
    for pid, profile in profiles.items():
        own = {name_key(n) for n in profile.names()}
        for key in sorted({name_key(s) for s in profile.surfaces} - own):
            targets = [t for t in owners.get((profile.type, key), []) if t != pid]
            for target in targets:
                if _conflicting_ags(profile, profiles[target]):
                    continue
                weak = len(targets) > 1 or (profile.type is PERSON and len(key.split()) < 2)
                yield Link(pid, target, 80 if weak else 95, f"alias {key!r}", not weak)


def definition_links(extractions: Iterable[DocumentExtraction]) -> Iterator[Link]:
    """"Long Name (ACR)" or "Long Name, ACR": an organisation followed by its short form."""
    for doc in extractions:
        for long, short in adjacent_pairs(doc):
            if long.type is not ORG or short.type is not ORG:
                continue
            left, right = mention_id(long), mention_id(short)
            if left == right or len(long.text.split()) < 2 or len(short.text) > 12 or " " in short.text:
                continue
            if fits_acronym(short.text, long.text):
                yield Link(left, right, 95, f"acronym {short.text!r} defined", True)
            else:
                yield Link(left, right, 70, f"{short.text!r} follows {long.text!r}", False)


def acronym_links(profiles: dict[str, Profile]) -> Iterator[Link]:
    """An acronym equals the initials or the first word of exactly one longer organisation name."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for pid, profile in profiles.items():
        if profile.type is not ORG:
            continue
        for name in profile.names():
            if len(name.split()) >= 2:
                by_initials[initials(name)].add(pid)
                by_first[name_key(first_token(name))].add(pid)
    for pid, profile in profiles.items():
        if profile.type is not ORG:
            continue
        for name in sorted(n for n in profile.names() if is_acronym(n)):
            key = name_key(name)
            for table, label in ((by_initials, "initials"), (by_first, "first word")):
                targets = sorted(table.get(key, set()) - {pid})
                auto = len(targets) == 1 and len(key) >= 3
                for target in targets:
                    yield Link(pid, target, 90 if auto else 70, f"{label} {name!r}", auto)


def fuzzy_links(profiles: dict[str, Profile], threshold: float) -> Iterator[Link]:
    """Names of one type whose keys score at least ``threshold`` with rapidfuzz.

    Blocks share type and the first three key characters. Near-identical long
    organisation or place names are merged; everything else is a candidate.
    """
    blocks: dict[tuple[EntityType, str], list[tuple[str, str]]] = defaultdict(list)
    for pid, profile in profiles.items():
        key = name_key(profile.name)
        if len(key) >= 4:
            blocks[(profile.type, key[:3])].append((pid, key))
    for (etype, _), members in sorted(blocks.items()):
        if len(members) < 2 or len(members) > FUZZY_BLOCK_CAP:
            continue
        keys = [k for _, k in members]
        for i, j, score in _similar_pairs(keys, threshold):
            (left, a), (right, b) = members[i], members[j]
            if _conflicting_ags(profiles[left], profiles[right]):
                continue
            long_enough = min(len(a), len(b)) >= FUZZY_AUTO_MIN_LEN
            auto = etype is not PERSON and score >= FUZZY_AUTO_SCORE and long_enough
            yield Link(left, right, round(score, 1), f"similar names ({score:.0f})", auto)


def _similar_pairs(keys: list[str], threshold: float) -> Iterator[tuple[int, int, float]]:
    """Index pairs ``i < j`` of different keys scoring at least ``threshold`` (one C call per block)."""
    matrix = np.triu(process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=threshold), k=1)
    for i, j in zip(*np.nonzero(matrix), strict=True):
        score = float(matrix[i, j])
        if score >= threshold and keys[i] != keys[j]:
            yield int(i), int(j), score


def find_links(
    profiles: dict[str, Profile],
    extractions: Sequence[DocumentExtraction],
    threshold: float,
) -> list[Link]:
    """All links between known profiles, same type only for automatic ones, deterministically sorted."""
    raw = [
        *ags_links(profiles), *key_links(profiles), *alias_links(profiles),
        *definition_links(extractions), *acronym_links(profiles), *fuzzy_links(profiles, threshold),
    ]
    links = []
    for link in raw:
        if link.left not in profiles or link.right not in profiles or link.left == link.right:
            continue
        if link.auto and profiles[link.left].type is not profiles[link.right].type:
            link = Link(link.left, link.right, link.score, link.reason + " (types differ)", False)
        links.append(link.ordered())
    return sorted(set(links), key=lambda k: (not k.auto, -k.score, k.left, k.right, k.reason))
