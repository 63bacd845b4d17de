"""Sources of the graph: who published each document, and which publishers are independent.

Two decisions need the whole corpus and its actors, so they are made here
rather than at ingest:

* **self-published** — a document whose publisher is an organisation of the
  graph (its newsroom, its website) speaks for that actor. The publisher
  matches an organisation when its domain (``dataport.de``: ``dataport``) or
  its name spells one of the organisation's names or aliases (compared
  folded, letters and digits only), or when ``data/actors/websites.tsv``
  lists the domain for the actor. Media organisations (Kommune21 …) are
  never "self-published": reporting is their trade.
* **source units** — the unit an evidence document counts as when
  corroboration counts *independent* sources: its publisher, or, when the
  document is one of several copies of one text carried by different
  publishers (:mod:`graph.build.reprints`), that text. Documents without a
  publisher share one unit: nothing shows they are independent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from graph.model import Article, Entity, EntityType, OrgKind, fold
from graph.model.article import SourceKind
from graph.model.ids import digest
from graph.resources import data_path

UNKNOWN_UNIT = 0
MIN_KEY_CHARS = 3  # shorter squashed names ("it", "kd") would match too many domains
WEBSITES_FILE = ("actors", "websites.tsv")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def squash(text: str) -> str:
    """A name folded to letters and digits, the form publishers and actor names are compared in.

    >>> squash("Komm.ONE"), squash("regio iT"), squash("Südwestfalen-IT")
    ('kommone', 'regioit', 'suedwestfalenit')
    """
    return _NOT_ALNUM.sub("", fold(text))


@lru_cache(maxsize=1)
def actor_websites() -> tuple[tuple[str, str], ...]:
    """(domain, actor name) pairs of ``data/actors/websites.tsv`` (``#`` lines are comments)."""
    path = data_path(*WEBSITES_FILE)
    if not path.exists():
        return ()
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            domain, _, name = line.partition("\t")
            rows.append((domain.strip().lower(), name.strip()))
    return tuple(rows)


def websites_version() -> str:
    """A short digest of the websites list (part of the snapshot id: it changes source kinds)."""
    return "websites@" + digest(repr(actor_websites()), length=8)


def _actor_keys(entities: Iterable[Entity]) -> dict[str, str]:
    """Squashed names and aliases of non-media organisations → entity id (first id wins)."""
    keys: dict[str, str] = {}
    for ent in sorted(entities, key=lambda e: e.id):
        if ent.type is not EntityType.ORGANIZATION or ent.kind is OrgKind.MEDIA:
            continue
        for name in (ent.name, *ent.aliases):
            key = squash(name)
            if len(key) >= MIN_KEY_CHARS:
                keys.setdefault(key, ent.id)
    return keys


def _publisher_keys(publisher: str) -> list[str]:
    """``dataport.de`` → ``["dataportde", "dataport"]``; a name → its squashed form."""
    keys = [squash(publisher)]
    if "." in publisher and " " not in publisher:
        keys.append(squash(publisher.rsplit(".", 1)[0]))
    return keys


def publishing_actors(articles: Sequence[Article], entities: Iterable[Entity]) -> dict[str, str]:
    """Article id → the organisation that published it, for self-published documents."""
    keys = _actor_keys(entities)
    for domain, name in actor_websites():
        if squash(name) in keys:
            keys.setdefault(squash(domain), keys[squash(name)])
    found: dict[str, str | None] = {}
    out = {}
    for a in articles:
        if not a.publisher:
            continue
        if a.publisher not in found:
            found[a.publisher] = next((keys[k] for k in _publisher_keys(a.publisher) if k in keys), None)
        actor = found[a.publisher]
        if actor is not None:
            out[a.id] = actor
    return out


def final_kind(article: Article, self_published: bool) -> SourceKind:
    """The source kind the graph shows: a council paper stays one; an actor's own page is self-published."""
    kind = article.source_kind or "editorial"
    if self_published and kind != "official_record":
        return "self_published"
    return kind


def shared_groups(articles: Sequence[Article], groups: dict[str, str]) -> list[str]:
    """Reprint groups (by id) whose copies come from two or more publishers, sorted."""
    spread: dict[str, set[str | None]] = {}
    for a in articles:
        if a.id in groups:
            spread.setdefault(groups[a.id], set()).add(a.publisher)
    return sorted(g for g, pubs in spread.items() if len(pubs) > 1)


def source_units(articles: Sequence[Article], groups: dict[str, str]) -> dict[str, int]:
    """Article id → the integer unit it counts as for independent sources.

    Publishers are numbered from 1 in sorted order (unknown: ``UNKNOWN_UNIT``);
    a reprint group whose copies come from two or more publishers is one more
    unit, shared by all its copies.
    """
    publishers = {a.publisher for a in articles if a.publisher}
    number = {p: i for i, p in enumerate(sorted(publishers), start=1)}
    shared = shared_groups(articles, groups)
    group_unit = {g: len(number) + 1 + i for i, g in enumerate(shared)}
    units = {}
    for a in articles:
        group = groups.get(a.id)
        if group in group_unit:
            units[a.id] = group_unit[group]
        else:
            units[a.id] = number.get(a.publisher or "", UNKNOWN_UNIT)
    return units
