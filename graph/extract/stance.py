"""Who said something, about whom: speech verbs and quotes (a first step towards stance).

A SAID_ABOUT relation links a speaker (a PERSON or ORGANIZATION mention) to
each other actor (person, organisation, municipality) of the quoted sentence,
or of the whole quote when it runs over several sentences; with no other
actor the target is empty (the build links the speaker to the article's
topics instead). The evidence is the quoted span and its offsets.

How the speaker is found, in order:

1. "„…“, so Schreier." / "„…“, sagte Bürgermeister Schreier.": the actor right
   after the verb (titles, articles and role nouns skipped);
2. "Schreier betonte, dass …", "Der Städtetag begrüßte …": the nearest person
   before the verb in its sentence, else an organisation right before it;
3. "Dazu erklärte Schreier …": the actor right after the verb.

Polarity comes from the verb alone (``data/lexicon/speech_verbs.tsv``:
kritisierte/warnte → negative, begrüßte/lobte → positive, sagte/erklärte →
neutral). It says how the statement was framed, not what it means: no
sentiment model reads the quote.

Cost: one set intersection of the document's tokens with the verb list; only
documents that contain a speech verb are looked at further.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from graph.extract.context import Context
from graph.extract.lexicon import read_pairs
from graph.model.extraction import EntityType, Evidence, Mention, Relation, RelationType, Statement
from graph.resources import data_path

POLARITIES = ("positive", "negative", "neutral")
_SPEAKER_TYPES = (EntityType.PERSON, EntityType.ORGANIZATION)
_ABOUT_TYPES = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.MUNICIPALITY)
_CLOSERS = frozenset({"“", '"', "”", "«"})
_SKIP_AFTER = frozenset({"der", "die", "das", "des", "Dr", "Prof", ".", "auch", "dazu", "zudem", "jedoch",
                         "außerdem", "etwa", "unter", "anderem", "so", "nun", "damals", "heute"})
_SUBJECT_WINDOW = 15  # tokens between a speaker before the verb and the verb
_QUOTE_REACH = 1500  # characters a quote may run over sentence ends
_SPAN_CAP = 600  # characters either side of the verb: a 1 MB "sentence" is quoted in part, in linear time
_OWN_TYPES = (RelationType.HOLDS_ROLE, RelationType.AFFILIATED_WITH)
_OWN_CONFIDENCE = 0.7  # "Landrat X" linked to the nearest organisation (0.6) is a guess, not their own


@dataclass(frozen=True)
class SpeechVerbs:
    """Verb form → polarity, and the words that trigger the check (the verbs plus "so")."""

    polarity: dict[str, str]
    words: frozenset[str]


@lru_cache(maxsize=1)
def load_verbs() -> SpeechVerbs:
    """The list in ``data/lexicon/speech_verbs.tsv`` (read once per process)."""
    polarity = dict(read_pairs(data_path("lexicon", "speech_verbs.tsv"), POLARITIES, "verb, polarity"))
    return SpeechVerbs(polarity, frozenset(polarity) | {"so"})


@dataclass
class _Doc:
    """What the speaker search needs of one document (built only when a verb occurs)."""

    ctx: Context
    mentions: list[Mention]
    m_starts: list[int]
    by_start: dict[int, Mention]
    by_end: dict[int, Mention]
    own: dict[str, set[str]]  # speaker id → organisations of their stated roles (not "about" them)


def find_statements(ctx: Context, mentions: list[Mention], relations: list[Relation],
                    extractor: str) -> list[Relation]:
    """SAID_ABOUT relations of a document, one per (speaker, other actor, verb, quote)."""
    verbs = load_verbs()
    texts = ctx.doc.texts
    present = verbs.words.intersection(texts)
    if not present:
        return []
    own: dict[str, set[str]] = {}
    for r in relations:
        if r.type in _OWN_TYPES and r.confidence >= _OWN_CONFIDENCE:
            own.setdefault(r.source, set()).add(r.target)
    doc = _Doc(ctx, mentions, [m.start for m in mentions], {m.start: m for m in mentions},
               {m.end: m for m in mentions}, own)
    out: list[Relation] = []
    seen: set[tuple[str, str, str, int]] = set()
    for i in _positions(texts, present):
        word = texts[i]
        first = _speaker(doc, i, word)
        if first is None:
            continue
        speakers = _with_co_speakers(doc, first)
        lo, hi = _quote_span(ctx, i)
        statement = Statement(word, verbs.polarity.get(word, "neutral"))
        evidence = Evidence(ctx.article.id, ctx.text[lo:hi], lo, hi, ctx.article.published, extractor)
        confidence = 0.7 if _after_quote(texts, i) else 0.6
        for speaker in speakers:
            targets: list[Mention | None] = [*_about(doc, speakers, speaker, lo, hi)] or [None]
            for target in targets:
                key = (speaker.entity_id, target.entity_id if target else "", word, lo)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Relation(RelationType.SAID_ABOUT, speaker.entity_id, key[1], speaker.canonical,
                                    target.canonical if target else "", evidence, None, confidence, None,
                                    statement))
    return out


def _positions(texts: list[str], words: frozenset[str]) -> list[int]:
    """Token indices of ``words``, found by ``list.index`` (a C loop) rather than a Python one."""
    found = []
    for word in words:
        i = -1
        try:
            while True:
                i = texts.index(word, i + 1)
                found.append(i)
        except ValueError:
            pass
    return sorted(found)


def _with_co_speakers(doc: _Doc, speaker: Mention) -> list[Mention]:
    """The speaker and the people joined to it by "und" ("Wolters und Görlitz forderten")."""
    out = [speaker]
    starts, texts = doc.ctx.doc.starts, doc.ctx.doc.texts
    k = bisect.bisect_left(starts, speaker.start)
    while k >= 2 and texts[k - 1] in ("und", ","):
        before = doc.by_end.get(doc.ctx.doc.tokens[k - 2].end)
        if before is None or before.type is not speaker.type:
            break
        out.insert(0, before)
        k = bisect.bisect_left(starts, before.start)
    return out


def _after_quote(texts: list[str], i: int) -> bool:
    """ "„…“, sagte X" / "„…“, so X": the verb follows a closing quote and a comma."""
    return i >= 2 and texts[i - 1] == "," and texts[i - 2] in _CLOSERS


def _sentence_bounds(ctx: Context, i: int) -> tuple[int, int, int, int]:
    """(first token, end token, start offset, end offset) of the sentence holding token ``i``."""
    doc = ctx.doc
    s, e = doc.sentences[doc.sentence_of(doc.starts[i])] if doc.sentences else (0, len(ctx.text))
    return bisect.bisect_left(doc.starts, s), bisect.bisect_left(doc.starts, e), s, e


def _is_role_word(word: str, roles: frozenset[str]) -> bool:
    last = word.rpartition("-")[2]
    return last in roles or last[:-2] in roles or last[:-1] in roles


def _actor_after(doc: _Doc, i: int, hi: int) -> Mention | None:
    """The speaker right after the verb at ``i`` ("sagte Bürgermeister Schreier", "so Dr. Weber")."""
    ctx, roles = doc.ctx, doc.ctx.lexicon.role_nouns
    for j in range(i + 1, min(i + 6, hi)):
        m = doc.by_start.get(ctx.doc.starts[j])
        word = ctx.doc.texts[j]
        if m is not None and not (m.type is EntityType.ORGANIZATION and _is_role_word(word, roles)):
            return m if m.type in _SPEAKER_TYPES else None  # "DATABUND-Vorsitzende Hanisch" is Hanisch
        if word not in _SKIP_AFTER and not _is_role_word(word, roles):
            return None
    return None


def _actor_before(doc: _Doc, i: int, lo: int) -> Mention | None:
    """The subject before the verb: the nearest person in the clause, else an organisation just before."""
    starts = doc.ctx.doc.starts
    first = starts[max(lo, i - _SUBJECT_WINDOW)]
    a, b = bisect.bisect_left(doc.m_starts, first), bisect.bisect_left(doc.m_starts, starts[i])
    before = doc.mentions[a:b]
    person = next((m for m in reversed(before) if m.type is EntityType.PERSON), None)
    if person is not None:
        return person
    near = starts[max(lo, i - 2)]
    return next((m for m in reversed(before) if m.type is EntityType.ORGANIZATION and m.end >= near), None)


def _speaker(doc: _Doc, i: int, word: str) -> Mention | None:
    lo, hi, _, _ = _sentence_bounds(doc.ctx, i)
    texts = doc.ctx.doc.texts
    if word == "so":
        return _actor_after(doc, i, hi) if _after_quote(texts, i) else None
    if _after_quote(texts, i):
        return _actor_after(doc, i, hi)
    return _actor_before(doc, i, lo) or _actor_after(doc, i, hi)


def _quote_span(ctx: Context, i: int) -> tuple[int, int]:
    """The sentence of token ``i``, widened to the whole quote when it runs over sentence ends."""
    _, _, s, e = _sentence_bounds(ctx, i)
    text, doc = ctx.text, ctx.doc
    verb = doc.starts[i]
    before = text[s:verb]
    if ("“" in before or '"' in before) and "„" not in before:
        opening = text.rfind("„", max(0, s - _QUOTE_REACH), s)
        if opening >= 0 and "“" not in text[opening:s]:
            s = doc.sentences[doc.sentence_of(opening)][0]
    after = text[verb:e]
    if after.count("„") > after.count("“"):
        closing = text.find("“", e, e + _QUOTE_REACH)
        if closing >= 0:
            e = max(e, doc.sentences[doc.sentence_of(closing)][1])
    return max(s, verb - _SPAN_CAP), min(e, verb + _SPAN_CAP)


_APPOSITION_TOKENS = 12


def _apposition(doc: _Doc, speaker: Mention) -> set[str]:
    """Actors in the speaker's apposition ("Anna Weber, Leiterin des Amts der Stadt Münster, sagte",
    "Achim Heuser (Kreis Euskirchen)"): who the speaker is, not what the statement is about."""
    starts, texts = doc.ctx.doc.starts, doc.ctx.doc.texts
    k = bisect.bisect_left(starts, speaker.end)
    if k >= len(texts) or texts[k] not in (",", "("):
        return set()
    close = ")" if texts[k] == "(" else ","
    end = next((j for j in range(k + 1, min(k + _APPOSITION_TOKENS, len(texts))) if texts[j] in (close, ".")),
               min(k + _APPOSITION_TOKENS, len(texts)))
    hi = starts[end] if end < len(starts) else len(doc.ctx.text)
    a, b = bisect.bisect_left(doc.m_starts, speaker.end), bisect.bisect_left(doc.m_starts, hi)
    return {m.entity_id for m in doc.mentions[a:b]}


def _about(doc: _Doc, speakers: list[Mention], speaker: Mention, lo: int, hi: int) -> list[Mention]:
    """The other actors of the quoted span (each once), leaving out the speakers and the organisations
    the speaker holds a role in."""
    a, b = bisect.bisect_left(doc.m_starts, lo), bisect.bisect_left(doc.m_starts, hi)
    skip = {s.entity_id for s in speakers} | doc.own.get(speaker.entity_id, set()) | _apposition(doc, speaker)
    out: list[Mention] = []
    for m in doc.mentions[a:b]:
        if m.type in _ABOUT_TYPES and m.entity_id not in skip:
            skip.add(m.entity_id)
            out.append(m)
    return out
