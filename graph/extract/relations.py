"""Stated relations inside one sentence, with the sentence as evidence.

Patterns (each bounded to a few tokens, so the cost is linear):

* HOLDS_ROLE — "Bürgermeister der Stadt Tengen, Marian Schreier",
  "Marian Schreier, Bürgermeister der Stadt Tengen", "BITMi-Präsident Oliver
  Grün", "Landrat Andy Grabner" (target: the nearest organisation or
  municipality of the sentence, with lower confidence).
* AFFILIATED_WITH — "Stefan Wess (Empolis Information Management und KI
  Bundesverband)", "Rolf Skuras und Frederic Lottis sind das Team … der kdvz
  Rhein Erft Rur", "Anna Weber von der Dataport".
* Offices in time (only in sentences holding a cue of ``office_cues.tsv``):
  "X wurde im März 2019 zum Geschäftsführer der Y gewählt", "Y hat X zur
  neuen Vorsitzenden gewählt" (HOLDS_ROLE with a start), bounds of any
  HOLDS_ROLE from :mod:`graph.extract.offices`, and succession: "Nachfolgerin
  von X", "folgt auf X", "Seine Nachfolgerin Z" give the successor a start,
  the predecessor an end in the same role and a SUCCEEDS relation.
* SAID_ABOUT — speech verbs and quotes, see :mod:`graph.extract.stance`.
* CONTRACTS_WITH — a public client and its supplier, see :mod:`graph.extract.contracts`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress

from graph.extract.context import Context
from graph.extract.contracts import find_contracts
from graph.extract.frozen import build
from graph.extract.memo import WordMemo
from graph.extract.offices import Cues, dates_in, load_cues, read_bounds
from graph.extract.stance import find_statements
from graph.extract.text import Token
from graph.model.extraction import (
    EntityType,
    Evidence,
    Mention,
    OfficeDates,
    OrgKind,
    Relation,
    RelationType,
    Statement,
)

# Enum members read in per-mention tests, bound once: every read of ``EntityType.PERSON`` goes
# through the enum metaclass's ``__getattr__`` hook (Python 3.11), ten times the cost of a global.
_PERSON, _ORGANIZATION, _HOLDS_ROLE = EntityType.PERSON, EntityType.ORGANIZATION, RelationType.HOLDS_ROLE

TARGET_TYPES = (_ORGANIZATION, EntityType.MUNICIPALITY)
_OF = frozenset({"der", "des", "von", "vom", "bei", "beim", "im", "am", "für"})
_SKIP = frozenset({"Stadt", "Gemeinde", "Landeshauptstadt", "Hansestadt", "Kreisstadt", "Landkreis", "Kreis",
                   "Verwaltung", "Stadtverwaltung", "Kreisverwaltung", "dortigen", "neuen", "heutigen",
                   "Marktgemeinde", "Samtgemeinde", "Verbandsgemeinde", "Dr", "Prof", ".", ","})
_TEAM_VERBS = frozenset({"ist", "sind", "arbeitet", "arbeiten", "gehört", "gehören", "vertritt",
                         "vertreten", "leitet", "leiten", "verstärkt", "verstärken", "kommt", "kommen",
                         "bilden", "bildet"})


_TEAM_TRIGGERS = _TEAM_VERBS | {"von", "vom", "bei", "beim"}
_ELECT_PREPS = frozenset({"zum", "zur"})
_COPULAS = frozenset({"ist", "war", "bleibt", "blieb", "wird"})
_MONTH_WORDS = frozenset({"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                          "September", "Oktober", "November", "Dezember", "Jahr", "Jahres", "Anfang",
                          "Ende", "Mitte", "."})
_SUCCESSOR_NOUNS = frozenset({"Nachfolger", "Nachfolgerin", "Nachfolge"})
_PRONOUN_WINDOW = 2  # sentences back in which "Sie folgt auf …" / "Seine Nachfolgerin …" look for the office


@dataclass
class _Sentence:
    """Tokens and mentions of one sentence, addressable by token index."""

    start: int
    end: int
    tokens: list[Token]
    texts: list[str]
    mentions: list[Mention]
    by_start: dict[int, Mention]
    by_end: dict[int, Mention]
    starts: list[int]
    roles: list[tuple[int, tuple[str, str]]]  # (token index, role) of the role nouns
    number: int = 0  # the sentence's index in the document
    bounds: Callable[[int], OfficeDates | None] | None = None  # office bounds at a role token, when cued

    def mention_at(self, k: int) -> Mention | None:
        """The mention starting at token ``k``."""
        return self.by_start.get(self.starts[k]) if 0 <= k < len(self.starts) else None

    def mention_ending_before(self, k: int) -> Mention | None:
        """The mention whose last token is ``k - 1``."""
        if k <= 0:
            return None
        return self.by_end.get(self.tokens[k - 1].end)

    def index_of(self, offset: int) -> int:
        """Token index starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)


@lru_cache(maxsize=50_000)
def _role_of(text: str, roles: frozenset[str]) -> tuple[str, str] | None:
    """(role, compound prefix) when a word names a role ("BITMi-Präsident" → Präsident, BITMi).

    Roles are named in their masculine base form, so that one office gets one name however the
    text inflects it ("Bürgermeisterin", "Vorsitzende" → "Bürgermeister", "Vorsitzender").

    Memoised: the same capitalised words recur in every article, and a
    frozenset caches its hash, so a hit costs one dict lookup.
    """
    if text in roles:
        return (text + "r" if text[-1:] == "e" and text + "r" in roles else text), ""
    prefix, _, last = text.rpartition("-")
    if last.endswith("in") and last[:-2] in roles:
        last = last[:-2]
    if last[-1:] == "e" and last + "r" in roles:
        last += "r"  # "Vorsitzende" → "Vorsitzender", as "Bürgermeisterin" → "Bürgermeister"
    return (last, prefix) if last in roles else None


@lru_cache(maxsize=4)
def _role_words(roles: frozenset[str]) -> WordMemo[tuple[str, str] | None]:
    """:func:`_role_of` memoised per word, for the test of every capitalised token of a sentence."""
    return WordMemo(partial(_role_of, roles=roles))


def find_relations(ctx: Context, mentions: list[Mention], extractor: str) -> list[Relation]:
    """HOLDS_ROLE (with bounds), SUCCEEDS, AFFILIATED_WITH and SAID_ABOUT relations of a document."""
    m_starts = [m.start for m in mentions]
    cues = load_cues()
    found: list[tuple[_Sentence, Found]] = []
    held: list[_Held] = []  # offices found so far, for "Sie folgt auf …" in a later sentence
    for number, span in _sentences_with_people(ctx, mentions):
        sent = _sentence(ctx, span, mentions, m_starts)
        sent.number = number
        cued = not cues.words.isdisjoint(sent.texts)
        if cued:
            sent.bounds = _bounds_reader(ctx, sent)
        roles = ctx.lexicon.role_nouns
        here = _roles(sent) + _copula(sent, roles) + _elected(sent, cues, roles)
        here += _parentheses(sent) + _teams(sent)
        if cued and not cues.follows.isdisjoint(sent.texts):
            here += _succession(ctx, sent, here, held, cues)
        held.extend(_held(number, f) for f in here if f[0] is _HOLDS_ROLE and f[3])
        found.extend((sent, f) for f in here)
    relations = [_relation(ctx, sent, *f, extractor) for sent, f in _unique(found)]
    statements = find_statements(ctx, mentions, relations, extractor)
    return relations + statements + find_contracts(ctx, mentions, extractor)


def _held(number: int, f: Found) -> _Held:
    return number, f[1], f[2], f[3], isinstance(f[5], OfficeDates) and f[5].ended


_BOUNDS_WINDOW = 30  # tokens either side of a role noun that may hold its cues and dates


def _bounds_reader(ctx: Context, sent: _Sentence) -> Callable[[int], OfficeDates | None]:
    """Bounds of the office at a role token, read from at most 30 tokens either side of it.

    The window keeps the cost per role constant, so a 1 MB "sentence" without punctuation stays linear.
    """
    published = ctx.article.published

    def read(k: int) -> OfficeDates | None:
        lo, hi = max(0, k - _BOUNDS_WINDOW), min(len(sent.texts), k + _BOUNDS_WINDOW + 1)
        start, end = sent.starts[lo], sent.tokens[hi - 1].end
        return read_bounds(sent.texts[lo:hi], k - lo, ctx.text[start:end], published, sent.starts[k] - start)

    return read


def _sentence(ctx: Context, span: tuple[int, int], mentions: list[Mention], m_starts: list[int]) -> _Sentence:
    """Tokens, mentions and role nouns of one sentence, indexed from its first token."""
    s_start, s_end = span
    doc = ctx.doc
    lo, hi = bisect.bisect_left(doc.starts, s_start), bisect.bisect_left(doc.starts, s_end)
    sent_mentions = mentions[bisect.bisect_left(m_starts, s_start):bisect.bisect_left(m_starts, s_end)]
    role_nouns, texts = ctx.lexicon.role_nouns, doc.texts
    caps = doc.caps[bisect.bisect_left(doc.caps, lo):bisect.bisect_left(doc.caps, hi)]
    # the role test of every capitalised word runs in C (map over the memoised test); Python sees the hits
    found = _role_words(role_nouns).of(map(texts.__getitem__, caps))
    roles = [(i - lo, role) for i, role in zip(compress(caps, found), filter(None, found), strict=True)]
    return _Sentence(s_start, s_end, doc.tokens[lo:hi], texts[lo:hi], sent_mentions,
                     {m.start: m for m in sent_mentions}, {m.end: m for m in sent_mentions},
                     doc.starts[lo:hi], roles)


def _sentences_with_people(ctx: Context, mentions: list[Mention]) -> list[tuple[int, tuple[int, int]]]:
    """(index, span) of the sentences in which a person mention starts, in text order.

    The others hold no relation of this module (statements of organisations are found by
    :mod:`graph.extract.stance` from its own cheap verb check).
    """
    sentences = ctx.doc.sentences
    keep: set[int] = set()
    for m in mentions:
        if m.type is _PERSON and sentences:
            k = ctx.doc.sentence_of(m.start)
            if sentences[k][0] <= m.start < sentences[k][1]:
                keep.add(k)
    return [(k, sentences[k]) for k in sorted(keep)]


Found = tuple[RelationType, Mention, Mention, str | None, float, OfficeDates | Statement | None]
_Held = tuple[int, Mention, Mention, str | None, bool]  # (sentence index, person, organisation, role, ended)


def _roles(sent: _Sentence) -> list[Found]:
    found: list[Found] = []
    for k, role in sent.roles:
        target, after = _role_target(sent, k, role[1])
        person = _person_after(sent, after) or _person_after(sent, k + 1) or _person_before(sent, k)
        if person is None:
            continue
        confidence = 0.85
        if target is None:
            target = _nearest_target(sent, person)
            confidence = 0.6
        if target is not None:
            office = sent.bounds(k) if sent.bounds else None
            found.append((_HOLDS_ROLE, person, target, role[0], confidence, office))
    return found


@lru_cache(maxsize=20_000)
def _inflected_role(text: str, roles: frozenset[str]) -> tuple[str, str] | None:
    """A role noun also in the dative/genitive ("zur Vorsitzenden", "zum Präsidenten", "des Leiters")."""
    found = _role_of(text, roles)
    if found is None and text[-1:] in ("n", "s"):
        found = _role_of(text[:-1], roles)
    if found is None and text.endswith("en"):
        found = _role_of(text[:-2], roles)
    return found


def _elected(sent: _Sentence, cues: Cues, roles: frozenset[str]) -> list[Found]:
    """ "X wurde zum Geschäftsführer der Y gewählt", "Y hat X zur neuen Vorsitzenden gewählt"."""
    if _ELECT_PREPS.isdisjoint(sent.texts) or cues.begins.isdisjoint(sent.texts) or sent.bounds is None:
        return []
    found: list[Found] = []
    texts = sent.texts
    for z, word in enumerate(texts):
        if word not in _ELECT_PREPS:
            continue
        k = z + 1
        while k < len(texts) and k - z <= 2 and texts[k][:1].islower():
            k += 1  # "zur neuen Vorsitzenden"
        role = _inflected_role(texts[k], roles) if k < len(texts) else None
        if role is None:
            continue
        target, after = _role_target(sent, k, role[1])
        person = _person_before_within(sent, z, 8) or _person_within(sent, after, 4)
        if person is None:
            continue
        confidence = 0.8
        if target is None:
            target, confidence = _nearest_target(sent, person), 0.6
        if target is not None:
            found.append((_HOLDS_ROLE, person, target, role[0], confidence, sent.bounds(k)))
    return found


def _copula(sent: _Sentence, roles: frozenset[str]) -> list[Found]:
    """ "Marian Schreier ist seit 2019 Bürgermeister der Stadt Tengen", "X war bislang Leiterin der Y"."""
    if _COPULAS.isdisjoint(sent.texts):
        return []
    found: list[Found] = []
    texts = sent.texts
    for person in sent.mentions:
        if person.type is not _PERSON:
            continue
        j = sent.index_of(person.end)
        if j >= len(texts) or texts[j] not in _COPULAS:
            continue
        k = j + 1
        while k < len(texts) and k - j <= 7 and (texts[k][:1].islower() or texts[k][:1].isdigit()
                                                  or texts[k] in _MONTH_WORDS):
            k += 1  # "ist seit dem 1. März 2021 neue …"
        role = _role_of(texts[k], roles) if k < len(texts) else None
        if role is None or role[1]:
            continue
        target, _ = _role_target(sent, k, "")
        confidence = 0.8
        if target is None:
            target, confidence = _nearest_target(sent, person), 0.6
        if target is not None:
            office = sent.bounds(k) if sent.bounds else None
            found.append((_HOLDS_ROLE, person, target, role[0], confidence, office))
    return found


def _person_before_within(sent: _Sentence, k: int, window: int) -> Mention | None:
    """The last person mention ending before token ``k``, at most ``window`` tokens back."""
    for j in range(k - 1, max(-1, k - window - 1), -1):
        m = sent.mention_ending_before(j + 1)
        if m is not None and m.type is _PERSON:
            return m
    return None


def _person_within(sent: _Sentence, k: int, window: int) -> Mention | None:
    """The first person mention starting in tokens ``k`` … ``k + window - 1``."""
    for j in range(k, min(k + window, len(sent.texts))):
        m = sent.mention_at(j)
        if m is not None and m.type is _PERSON:
            return m
    return None


def _succession(ctx: Context, sent: _Sentence, here: list[Found], held: list[_Held],
                cues: Cues) -> list[Found]:
    """Successor and predecessor of one office: "Nachfolgerin von X", "folgt auf X", "Seine Nachfolgerin Z".

    The office (role and organisation) is the successor's of this sentence, or the last office of
    the previous two sentences (the "Sie" of "Sie folgt auf X"). The successor's start is a date of
    the sentence ("seit dem 1. Juli 2022") or the article's date; the predecessor's end is that start.
    """
    texts = sent.texts
    offices = [_held(sent.number, f) for f in here if f[0] is _HOLDS_ROLE and f[3]]
    recent = [h for h in held if sent.number - h[0] <= _PRONOUN_WINDOW]
    for c, word in enumerate(texts):
        if word not in cues.follows:
            continue
        nxt = texts[c + 1] if c + 1 < len(texts) else ""
        if word in _SUCCESSOR_NOUNS and nxt not in ("von", "vom", "des", "der"):
            successor = _person_within(sent, c + 1, 8)  # "Nachfolgerin ist Z", "Seine Nachfolgerin Z"
            office = _last_office(offices + recent, successor, ended_too=True)
            predecessor = office[1] if office else None
        else:
            predecessor = _person_within(sent, c + 1, 8)  # "Nachfolgerin von X", "folgt auf X", "beerbt X"
            office = _last_office(offices, predecessor) or _last_office(recent, predecessor)
            successor = office[1] if office else None
        if office is None or successor is None or predecessor is None or office[3] is None:
            continue
        return _succession_found(ctx, sent, successor, predecessor, office[2], office[3], word)
    return []


def _last_office(offices: list[_Held], other: Mention | None, ended_too: bool = False) -> _Held | None:
    """The latest office not held by ``other`` (nobody is their own predecessor).

    Looking for the successor's office, ended ones are skipped ("Lorenz war bislang Leiterin …
    Sie folgt auf X" is about her new office); the predecessor's may well be over already.
    """
    for office in reversed(offices):
        if (ended_too or not office[4]) and (other is None or office[1].entity_id != other.entity_id):
            return office
    return None


def _succession_found(ctx: Context, sent: _Sentence, successor: Mention, predecessor: Mention,
                      org: Mention, role: str, cue: str) -> list[Found]:
    text = ctx.text[sent.start:sent.end]
    published = ctx.article.published
    dated = next((d for d in dates_in(text, published) if d.prep in ("seit", "ab", "zum", "am", "im", "mit")),
                 None)
    day = dated.day if dated else (published[:10] if published else None)
    precision = dated.precision if dated else ("day" if day else None)
    starts = OfficeDates(start=day, start_precision=precision, cue=cue)
    ends = OfficeDates(end=dated.day if dated else None, end_precision=dated.precision if dated else None,
                       ended=True, cue=cue)
    return [(_HOLDS_ROLE, successor, org, role, 0.7, starts),
            (_HOLDS_ROLE, predecessor, org, role, 0.7, ends),
            (RelationType.SUCCEEDS, successor, predecessor, role, 0.7, None)]


def _role_target(sent: _Sentence, k: int, prefix: str) -> tuple[Mention | None, int]:
    """The organisation/municipality a role at token ``k`` belongs to, and the token after it."""
    if prefix:
        m = sent.mention_at(k)
        if m is not None and m.type in TARGET_TYPES:
            return m, k + 1
    j = k + 1
    if j < len(sent.texts) and sent.texts[j] in _OF:
        j += 1
        while j < len(sent.texts) and j - k < 6:
            m = sent.mention_at(j)
            if m is not None and m.type in TARGET_TYPES:
                return m, sent.index_of(m.end)
            if sent.texts[j] not in _SKIP and sent.texts[j][:1].isupper() and m is None:
                break
            j += 1
    return None, k + 1


def _person_after(sent: _Sentence, j: int) -> Mention | None:
    k = j
    while k < len(sent.texts) and k - j < 4:
        m = sent.mention_at(k)
        if m is not None:
            return m if m.type is _PERSON else None
        if sent.texts[k] not in _SKIP:
            return None
        k += 1
    return None


def _person_before(sent: _Sentence, k: int) -> Mention | None:
    """"Marian Schreier, Bürgermeister …" — a person right before ", role"."""
    if k >= 2 and sent.texts[k - 1] in {",", "("}:
        m = sent.mention_ending_before(k - 1)
        if m is not None and m.type is _PERSON:
            return m
    return None


def _nearest_target(sent: _Sentence, person: Mention) -> Mention | None:
    """The closest municipality or public/business organisation (a party is not an employer)."""
    targets = [m for m in sent.mentions if m.type in TARGET_TYPES and m.kind is not OrgKind.OTHER]
    return min(targets, key=lambda m: abs(m.start - person.start), default=None)


def _parentheses(sent: _Sentence) -> list[Found]:
    """"Person (Org und Org)" → one affiliation per organisation inside the brackets."""
    found: list[Found] = []
    if "(" not in sent.texts:
        return found
    for m in sent.mentions:
        if m.type is not _PERSON:
            continue
        k = sent.index_of(m.end)
        if k >= len(sent.texts) or sent.texts[k] != "(":
            continue
        j = k + 1
        while j < len(sent.texts) and sent.texts[j] != ")" and j - k < 20:
            inner = sent.mention_at(j)
            if inner is not None and inner.type is _ORGANIZATION:
                found.append((RelationType.AFFILIATED_WITH, m, inner, None, 0.8, None))
            j += 1
    return found


def _teams(sent: _Sentence) -> list[Found]:
    """"A und B sind das Team … der Org", "A von der Org" → affiliations."""
    if _TEAM_TRIGGERS.isdisjoint(sent.texts):
        return []
    people: list[Mention] = []
    by_start = sent.by_start
    for k, (text, start) in enumerate(zip(sent.texts, sent.starts, strict=True)):
        m = by_start.get(start)
        if m is not None and m.type is _PERSON:
            people.append(m)
            continue
        if not people or start < people[-1].end or text == "und" or text == ",":
            continue
        if text in _TEAM_TRIGGERS:
            org = _org_after_of(sent, k)
            if org is not None:
                return [(RelationType.AFFILIATED_WITH, p, org, None, 0.7, None) for p in people]
        people = []
    return []


def _org_after_of(sent: _Sentence, k: int) -> Mention | None:
    """The first organisation after "der/des/von/vom/bei" within 12 tokens of ``k``."""
    for j in range(k, min(k + 12, len(sent.texts) - 1)):
        if sent.texts[j] in _OF or sent.texts[j] in {"von", "vom", "bei", "beim"}:
            m = sent.mention_at(j + 1)
            if m is not None and m.type is _ORGANIZATION:
                return m
    return None


def _relation(ctx: Context, sent: _Sentence, rtype: RelationType, person: Mention, target: Mention,
              role: str | None, confidence: float, extra: OfficeDates | Statement | None,
              extractor: str) -> Relation:
    evidence = build(Evidence, {"article_id": ctx.article.id, "sentence": ctx.text[sent.start:sent.end],
                                "start": sent.start, "end": sent.end, "published": ctx.article.published,
                                "extractor": extractor})
    office = extra if isinstance(extra, OfficeDates) else None
    return build(Relation, {"type": rtype, "source": person.entity_id, "target": target.entity_id,
                            "source_name": person.canonical, "target_name": target.canonical,
                            "evidence": evidence, "role": role, "confidence": confidence, "office": office,
                            "statement": None})


def _unique(found: list[tuple[_Sentence, Found]]) -> list[tuple[_Sentence, Found]]:
    """The first of each (type, person, target, role, bounds), none linking an entity to itself.

    Deduplicating before the Relation and its Evidence are built saves building
    the repeats (a person's role is often restated). A restatement with other
    bounds ("die ehemalige Geschäftsführerin") is kept: the build needs it.
    """
    seen: set[tuple[RelationType, str, str, str | None, OfficeDates | Statement | None]] = set()
    out = []
    for sent, f in found:
        rtype, person, target, role, _, extra = f
        key = (rtype, person.entity_id, target.entity_id, role, extra)
        if key not in seen and person.entity_id != target.entity_id:
            seen.add(key)
            out.append((sent, f))
    return out
