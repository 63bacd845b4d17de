"""``SAID_ABOUT`` and ``SAID_ON`` edges: who spoke about whom, or about which topic.

One ``SAID_ABOUT`` edge per (speaker, actor spoken about) aggregates every
statement of the build: how many (``count``, ``articles``), when
(``first_seen``/``last_seen``), by the polarity of their verbs (``positive``,
``negative``, ``neutral`` and ``polarity``, the most frequent one or ``mixed``
on a tie) and the newest quotes as evidence, each with its ``verb`` and
``polarity``. A statement about no other actor links the speaker to topics
(tags) of its article with a ``SAID_ON`` edge: to the tags its sentence names,
or to all of them when it names none; an article without tags gives none.
Polarity is read from the verb only (see :mod:`graph.extract.stance`).

A statement is a relation the text states (the speaker said it, in one
sentence), so both edge types climb the evidence ladder like the other stated
relations: ``evidence_level`` is ``stated``, or ``corroborated`` when documents
of two independent source units report it, and ``independent_sources`` counts
those units (:func:`graph.build.evidence.stated_level`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.build.evidence import Units, add_unit, tally_props
from graph.model import Article, DocumentExtraction, Edge, Relation, RelationType

POLARITIES = ("positive", "negative", "neutral")
_WORD = re.compile(r"\w+")


@dataclass
class _Said:
    count: int = 0
    article_ids: set[str] = field(default_factory=set)
    first_seen: str | None = None
    last_seen: str | None = None
    polarity: dict[str, int] = field(default_factory=lambda: dict.fromkeys(POLARITIES, 0))
    evidence: list[dict[str, Any]] = field(default_factory=list)
    quotes: set[tuple[str, int]] = field(default_factory=set)  # (article, start): one quote counts once
    units: Units = None


def statement_edges(
    dated_articles: Sequence[Article],
    extractions: dict[str, DocumentExtraction],
    known: set[str],
    evidence_cap: int,
    topic_of: Callable[[str], str],
    units: dict[str, int] | None = None,
) -> list[Edge]:
    """SAID_ABOUT (speaker → actor) and SAID_ON (speaker → topic) edges; articles newest first.

    ``units`` maps an article id to its source unit (:func:`graph.build.sources.source_units`);
    an article missing from it counts as unit 0.
    """
    units = units or {}
    stats: dict[tuple[str, str, str], _Said] = {}
    for article in dated_articles:
        doc = extractions.get(article.id)
        if doc is None:
            continue
        for rel in doc.relations:
            if rel.type is not RelationType.SAID_ABOUT or rel.source not in known:
                continue
            if rel.target:
                if rel.target in known and rel.target != rel.source:
                    _add(stats.setdefault(("SAID_ABOUT", rel.source, rel.target), _Said()), article, rel,
                         evidence_cap, units.get(article.id, 0))
                continue
            for topic in sorted({topic_of(t) for t in _topics_of(article.tags, rel.evidence.sentence)}):
                _add(stats.setdefault(("SAID_ON", rel.source, topic), _Said()), article, rel, evidence_cap,
                     units.get(article.id, 0))
    return [_edge(key, s) for key, s in stats.items()]


def _topics_of(tags: Sequence[str], sentence: str) -> list[str]:
    """The tags the quote names ("… die Cloud …" → "Cloud"), or all the article's tags when it names none.

    A statement then hangs on the topics it is about where the sentence says so, instead of on
    every tag of its article; an unspecific quote ("Das ist ein guter Tag") keeps the article's topics.

    >>> _topics_of(["OZG", "Cloud", "Tengen"], "Die Cloud ist sicher, sagte sie.")
    ['Cloud']
    >>> _topics_of(["OZG", "Cloud"], "Das ist gut, sagte sie.")
    ['OZG', 'Cloud']
    """
    tags = [t for t in tags if t.strip()]
    words = {w.casefold() for w in _WORD.findall(sentence)}
    named = [t for t in tags if all(w.casefold() in words for w in _WORD.findall(t))]
    return named or tags


def _add(s: _Said, article: Article, rel: Relation, cap: int, unit: int) -> None:
    ev = rel.evidence
    quote_key = (ev.article_id or article.id, ev.start)
    if quote_key in s.quotes:
        return  # one quote with two speech verbs, or restated: count it once
    s.quotes.add(quote_key)
    s.count += 1
    s.units = add_unit(s.units, unit)
    s.article_ids.add(article.id)
    day = ev.published or article.published
    if day:
        s.first_seen = min(s.first_seen or day, day)
        s.last_seen = max(s.last_seen or day, day)
    polarity = rel.statement.polarity if rel.statement else "neutral"
    s.polarity[polarity] = s.polarity.get(polarity, 0) + 1
    if len(s.evidence) < cap:
        s.evidence.append({"article_id": quote_key[0], "published": day, "sentence": ev.sentence,
                           "start": ev.start, "end": ev.end,
                           "verb": rel.statement.verb if rel.statement else None, "polarity": polarity})


def dominant(counts: dict[str, int]) -> str:
    """The most frequent polarity, ``mixed`` when two share the top count.

    >>> dominant({"positive": 2, "negative": 1, "neutral": 0}), dominant({"positive": 1, "negative": 1})
    ('positive', 'mixed')
    """
    top = max(counts.values(), default=0)
    best = [p for p, n in counts.items() if n == top]
    return best[0] if len(best) == 1 else "mixed"


def _edge(key: tuple[str, str, str], s: _Said) -> Edge:
    etype, source, target = key
    props = {**tally_props(s), "polarity": dominant(s.polarity), **s.polarity}
    return Edge(etype, source, target, props)  # type: ignore[arg-type]


def merge_statement_props(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Polarity counts of two builds over disjoint articles added up, and the dominant one again."""
    counts = {p: int(old.get(p) or 0) + int(new.get(p) or 0) for p in POLARITIES}
    return {**counts, "polarity": dominant(counts)}
