"""What all mentions of one extracted entity id say about it, counted.

Resolution works on these profiles, not on single mentions: an entity's type
is the majority of its mentions' types, its best name the most used canonical
name, and so on. Counting keeps the outcome independent of document order.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.model import DocumentExtraction, EntityType, Mention, OrgKind
from graph.resolve.names import has_noise, is_acronym, stem_key, variant_key

_KIND_ORDER = {kind: index for index, kind in enumerate(OrgKind)}


@dataclass
class Profile:
    """Counted evidence about one entity id (or, merged, about a group of them)."""

    id: str
    mentions: int = 0
    types: Counter[EntityType] = field(default_factory=Counter)
    kinds: Counter[OrgKind] = field(default_factory=Counter)
    canonicals: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    ags: Counter[str] = field(default_factory=Counter)
    # Registry ids (data/actors/registry.tsv) of the mentions, and the registry's names for them.
    actors: Counter[str] = field(default_factory=Counter)
    actor_names: Counter[str] = field(default_factory=Counter)
    geo: dict[str, tuple[float | None, float | None, str | None]] = field(default_factory=dict)
    # Derived values (type, kind, name) are asked for often during matching; counting invalidates them.
    _memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def add(self, mention: Mention) -> None:
        """Count one mention."""
        self._memo.clear()
        self.mentions += 1
        self.types[mention.type] += 1
        if mention.kind is not None:
            self.kinds[mention.kind] += 1
        if mention.canonical:
            self.canonicals[mention.canonical] += 1
        if mention.text:
            self.surfaces[mention.text] += 1
        if mention.ags:
            self.ags[mention.ags] += 1
        actor = getattr(mention, "actor_id", None)  # extractions cached before the registry lack it
        if actor:
            self.actors[actor] += 1
            self.actor_names[mention.canonical] += 1
        # Geo data is keyed by AGS; "" holds coordinates of places known only from geonames.
        key = mention.ags or ""
        if mention.lat is not None and (key not in self.geo or self.geo[key][0] is None):
            self.geo[key] = (mention.lat, mention.lon, mention.land)

    def absorb(self, other: Profile) -> None:
        """Add another profile's counts (used to describe a merged group)."""
        self._memo.clear()
        self.mentions += other.mentions
        self.types.update(other.types)
        self.kinds.update(other.kinds)
        self.canonicals.update(other.canonicals)
        self.surfaces.update(other.surfaces)
        self.ags.update(other.ags)
        self.actors.update(other.actors)
        self.actor_names.update(other.actor_names)
        for key, value in other.geo.items():
            if key not in self.geo or self.geo[key][0] is None:
                self.geo[key] = value

    @property
    def type(self) -> EntityType:
        """The majority type; ties go to the type listed first in :class:`EntityType`."""
        if "type" not in self._memo:
            order = list(EntityType)
            self._memo["type"] = (
                min(self.types, key=lambda t: (-self.types[t], order.index(t)))
                if self.types else EntityType.ORGANIZATION
            )
        found: EntityType = self._memo["type"]
        return found

    @property
    def kind(self) -> OrgKind | None:
        """The majority organisation kind; ``other`` only when nothing more specific was seen."""
        if not self.kinds:
            return None
        specific: list[OrgKind] = [k for k in self.kinds if k is not OrgKind.OTHER]
        specific = specific or list(self.kinds)
        return min(specific, key=lambda k: (-self.kinds[k], _KIND_ORDER[k]))

    @property
    def name(self) -> str:
        """The registry's name when a curated actor is among the mentions, else :func:`best_name`."""
        if "name" not in self._memo:
            registered = self.actor_names
            self._memo["name"] = (min(registered, key=lambda n: (-registered[n], n)) if registered
                                  else best_name(self.canonicals or self.surfaces) or self.id)
        found: str = self._memo["name"]
        return found

    @property
    def best_actor(self) -> str | None:
        """The most frequent registry id, ties by id (``None`` for actors the registry lacks)."""
        if not self.actors:
            return None
        return min(self.actors, key=lambda a: (-self.actors[a], a))

    @property
    def best_ags(self) -> str | None:
        """The most frequent official municipality key, ties by key."""
        if not self.ags:
            return None
        return min(self.ags, key=lambda a: (-self.ags[a], a))

    def names(self) -> set[str]:
        """All canonical names given to this entity."""
        return set(self.canonicals) or set(self.surfaces)


def best_name(counts: Counter[str]) -> str:
    """Pick a display name.

    Preferred in order: a written-out name over an acronym, a name without
    "Stadt"/legal-form noise, the base form over its inflections ("Dataport"
    over "Dataports", however often each occurs), the most used, the most
    informative (longest stem key).

    >>> best_name(Counter({"BITMi": 3, "Bundesverband IT-Mittelstand": 1}))
    'Bundesverband IT-Mittelstand'
    >>> best_name(Counter({"Tengen": 1, "Stadt Tengen": 3}))
    'Tengen'
    >>> best_name(Counter({"Heidi Klums": 3, "Heidi Klum": 1}))
    'Heidi Klum'
    """
    if not counts:
        return ""
    multiword = any(" " in n.strip() for n in counts)
    shortest: dict[str, int] = {}
    for n in counts:
        shortest[variant_key(n)] = min(shortest.get(variant_key(n), len(n)), len(n))
    return min(
        counts,
        key=lambda n: (multiword and is_acronym(n), has_noise(n), len(n) > shortest[variant_key(n)],
                       -counts[n], -len(stem_key(n)), len(n), n),
    )


def build_profiles(extractions: Iterable[DocumentExtraction]) -> dict[str, Profile]:
    """One profile per mention entity id, in sorted id order."""
    profiles: dict[str, Profile] = {}
    for doc in extractions:
        for mention in doc.mentions:
            key = mention.entity_id or _fallback_id(mention)
            profile = profiles.get(key)
            if profile is None:
                profile = profiles[key] = Profile(key)
            profile.add(mention)
    return dict(sorted(profiles.items()))


def _fallback_id(mention: Mention) -> str:
    """Id for a mention the extractor left without one (should not happen, but must not crash)."""
    from graph.model import entity_id

    return entity_id(str(mention.type), mention.canonical or mention.text)


def mention_id(mention: Mention) -> str:
    """The entity id a mention is counted under."""
    return mention.entity_id or _fallback_id(mention)


def adjacent_pairs(doc: DocumentExtraction, max_gap: int = 3) -> Sequence[tuple[Mention, Mention]]:
    """Mentions that follow each other with at most ``max_gap`` characters between them."""
    ordered = sorted(doc.mentions, key=lambda m: (m.start, m.end))
    return [
        (a, b) for a, b in itertools.pairwise(ordered)
        if 0 < b.start - a.end <= max_gap
    ]
