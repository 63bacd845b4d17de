"""Organisations that a document names by an acronym: defined in the text, or used like a name.

Two document-level mechanisms, both cheap because they only look at the few
capitalised tokens that are acronyms:

* **Definitions**: "Datenverarbeitung in Südsachsen (DVS)", "CSBW
  (Cybersicherheitsagentur Baden-Württemberg)", "KDO – Kommunale
  Datenverarbeitung Ostsachsen". The long form is the run of words whose
  letters spell the acronym (first letter at a word start, the rest in order,
  after Schwartz and Hearst's rule for biomedical abbreviations). Long form
  and acronym become ORGANIZATION mentions with one canonical name; the
  document remembers the acronym (``Context.acronyms``) so later bare uses and
  compounds ("DVS-Vorstand") are found by :mod:`graph.extract.coref`.
* **Organisation contexts**: an all-capital acronym nobody defined ("KGRZ",
  "KIV") is an organisation when the document uses it like one — after an
  article or a contracted preposition ("beim KGRZ", "der KIV"), before a verb
  of acting ("KGRZ hat …"), as the first part of a role compound
  ("KIV-Geschäftsführer") or next to a place ("KGRZ Kassel") — at least twice,
  or once and once more anywhere. Topic abbreviations
  (``data/lexicon/topic_abbreviations.txt``: OZG, KI, DSGVO …), places and role
  nouns never count.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from graph.extract.candidates import P_PATTERN, Candidate
from graph.extract.context import Context
from graph.extract.inflect import nominative_head
from graph.extract.recognizers.actors import actor_index
from graph.extract.recognizers.common import is_acronym
from graph.extract.text import Token
from graph.model.extraction import EntityType, OrgKind

MAX_LONG_WORDS = 9
_OPEN_QUOTES = "„“\"»«‚‘"
_CLOSE_QUOTES = "“”\"«»‘’"
_DASHES = frozenset({"–", "—", "-"})
# Words before an acronym that make it a noun of its own ("beim KGRZ", "der KIV").
_ARTICLES = frozenset({"der", "die", "des", "dem", "den", "das", "beim", "vom", "zum", "zur", "im",
                       "Der", "Die", "Das", "Beim", "Vom", "Im"})
# Verbs of acting right after an organisation's name ("KGRZ hat", "KIV bietet").
_ACTS = frozenset({"hat", "hatte", "bietet", "betreibt", "betreut", "übernimmt", "stellt", "liefert",
                   "plant", "erklärt", "erklärte", "teilt", "teilte", "unterstützt", "entwickelt",
                   "entwickelte", "startet", "startete", "informiert", "beschäftigt", "versorgt",
                   "wurde", "wird", "will", "investiert", "meldet", "meldete", "gehört", "gehören",
                   "schließt", "kooperiert", "arbeitet", "verfügt", "erbringt", "erbringen"})
# Second parts of compounds that make the first part an organisation ("KIV-Vorstand", "DVS-Netz").
_ORG_COMPOUND_HEADS = ("vorstand", "vorsitzende", "vorsitzender", "geschäftsführer", "geschäftsführerin",
                       "geschäftsführung", "chef", "chefin", "sprecher", "sprecherin", "mitglied",
                       "mitglieder", "verbund", "netz", "rechenzentrum", "kunden", "mitarbeiter",
                       "mitarbeiterin", "verbandsversammlung", "präsident", "präsidentin", "leiter",
                       "leiterin", "team", "zentrale", "standort", "gründung", "fusion")
# Last words that make a long form a law, programme or product rather than a body.
_NOT_BODY = ("gesetz", "gesetzes", "verordnung", "richtlinie", "programm", "programms", "portal",
             "portals", "plattform", "projekt", "projekts", "strategie", "standard", "standards",
             "verfahren", "verfahrens", "system", "systems", "lösung", "app", "anwendung", "konto",
             "register", "registers", "nummer", "abkommen", "vertrag", "vertrags", "index", "modell",
             "intelligenz", "technik", "technologie", "dienst", "dienste", "schnittstelle", "netzwerk",
             "format", "gesetzbuch", "ordnung", "plan", "plans", "bericht", "preis", "tag", "tage",
             "konferenz", "kongress", "messe", "woche", "studie", "umfrage", "prinzip", "regel",
             "regeln", "sicherheit", "verarbeitung", "daten")
_TRIGGERS = _DASHES | {"("}
_ACR_SHAPE = re.compile(r"[A-ZÄÖÜ0-9][A-Za-zÄÖÜäöü0-9.&]{0,9}")


def letters_spell(short: str, words: list[str]) -> int | None:
    """Index of the first word of the shortest tail of ``words`` whose letters spell ``short``, or None.

    Letters of the acronym are matched right to left against the characters of
    the words; the acronym's first letter must start a word, which then starts
    the long form ("DVS" in "Datenverarbeitung in Südsachsen" → 0).
    """
    chars = [c.casefold() for c in short if c.isalnum()]
    if len(chars) < 2:
        return None
    text = " ".join(words)
    pos = len(text) - 1
    for n in range(len(chars) - 1, -1, -1):
        c = chars[n]
        while pos >= 0 and (text[pos].casefold() != c or (n == 0 and pos > 0 and text[pos - 1] != " ")):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
    start = pos + 1
    return text.count(" ", 0, start)


def _plausible_long(words: list[str], short: str, ctx: Context) -> bool:
    """A long form names a body: capitalised, not a law or product, not a place, not the acronym."""
    if not words or not words[0][:1].isupper() or len(words) > MAX_LONG_WORDS:
        return False
    long = " ".join(words)
    if long == short or long in ctx.lexicon.locations or ctx.gazetteer.candidates(long):
        return False
    last = words[-1].casefold().rsplit("-", 1)[-1]
    return len(long) > len(short) + 2 and not last.endswith(_NOT_BODY)


def _kind(words: list[str], ctx: Context) -> OrgKind:
    """Kind from the first organisation head among the words ("…verband" → association), else other."""
    heads = ctx.lexicon.org_heads
    for word in words:
        entry = heads.get(word)
        if entry:
            return entry[0]
        low = word.casefold()
        for head, (kind, suffix) in heads.items():
            if suffix and low.endswith(head.casefold()):
                return kind
    return OrgKind.OTHER


def _topic(word: str, ctx: Context) -> bool:
    lex = ctx.lexicon
    return word in lex.topic_abbreviations or word in lex.role_nouns or word in lex.locations \
        or bool(ctx.gazetteer.candidates(word))


def _acronym_token(text: str) -> bool:
    return is_acronym(text) and _ACR_SHAPE.fullmatch(text) is not None and not text.isdigit()


def definition_candidates(ctx: Context, extractor: str) -> list[Candidate]:
    """Long forms and acronyms of "Long (ACR)", "ACR (Long)" and "ACR – Long" (see the module doc)."""
    tokens = ctx.doc.tokens
    found: list[Candidate] = []
    for i in compress(range(len(tokens)), map(_TRIGGERS.__contains__, ctx.doc.texts)):
        tok = tokens[i]
        if tok.text == "(" and 0 < i < len(tokens) - 2 and tokens[i + 2].text == ")":
            short = tokens[i + 1]
            if _acronym_token(short.text) and not _topic(short.text, ctx):
                found += _long_before(ctx, i, short, extractor)
        if tok.text in _DASHES and tok.end - tok.start == 1 and 0 < i < len(tokens) - 2 \
                and tokens[i - 1].end < tok.start < tokens[i + 1].start:
            short = tokens[i - 1]
            if _acronym_token(short.text) and short.text.isupper() and not _topic(short.text, ctx):
                found += _long_after(ctx, i + 1, short, extractor, stop=None)
        if tok.text == "(" and 0 < i < len(tokens) - 3 and _acronym_token(tokens[i - 1].text) \
                and tokens[i - 1].text.isupper() and not _topic(tokens[i - 1].text, ctx):
            found += _long_after(ctx, i + 1, tokens[i - 1], extractor, stop=")")
    return found


def _long_before(ctx: Context, paren: int, short: Token, extractor: str) -> list[Candidate]:
    """"Name (ACR)": the words before the parenthesis that spell the acronym (quoted names as a whole)."""
    tokens = ctx.doc.tokens
    end = paren - 1
    quoted = end >= 0 and tokens[end].text in _CLOSE_QUOTES
    if quoted:
        end -= 1
    sentence = ctx.doc.sentence_of(short.start)
    first = end
    while first > 0 and end - first < MAX_LONG_WORDS + 2 and _may_precede(ctx, tokens[first - 1], sentence):
        first -= 1
    if quoted and (first == 0 or tokens[first - 1].text not in _OPEN_QUOTES):
        return []
    window = [tokens[k].text for k in range(first, end + 1)]
    at = 0 if quoted else letters_spell(short.text, window)
    if at is None:
        return []
    start = _with_head(ctx, first + at)
    return _pair(ctx, start, end, short, extractor)


def _may_precede(ctx: Context, tok: Token, sentence: int) -> bool:
    """Whether a long form may extend over ``tok`` (same sentence, no quote, bracket or clause mark)."""
    return ctx.doc.sentence_of(tok.start) == sentence and tok.text not in _OPEN_QUOTES \
        and tok.text not in "(),;:"


def _with_head(ctx: Context, first: int) -> int:
    """Start one word earlier when an organisation head stands before the long form ("Zweckverband …")."""
    tokens = ctx.doc.tokens
    if first > 0:
        prev = tokens[first - 1].text
        if prev in ctx.lexicon.org_heads or prev.endswith(("verband", "verbandes", "verbands")):
            return first - 1
    return first


def _long_after(ctx: Context, first: int, short: Token, extractor: str, stop: str | None) -> list[Candidate]:
    """"ACR (Long)" or "ACR – Long": the shortest run of words after ``first`` that spells the acronym."""
    tokens = ctx.doc.tokens
    words: list[str] = []
    k = first
    while k < len(tokens) and len(words) < MAX_LONG_WORDS and tokens[k].text not in ",;:.()" \
            and tokens[k].text not in _OPEN_QUOTES and tokens[k].text not in _CLOSE_QUOTES:
        words.append(tokens[k].text)
        k += 1
        if stop is None and letters_spell(short.text, words) == 0 and words[-1][:1].isupper():
            break
    if stop is not None and (k >= len(tokens) or tokens[k].text != stop):
        return []
    if not words or letters_spell(short.text, words) != 0:
        return []
    return _pair(ctx, first, first + len(words) - 1, short, extractor)


def _pair(ctx: Context, first: int, last: int, short: Token, extractor: str) -> list[Candidate]:
    """The long form (tokens ``first..last``) and the acronym as mentions of one organisation."""
    tokens = ctx.doc.tokens
    words = [tokens[k].text for k in range(first, last + 1)]
    if not _plausible_long(words, short.text, ctx):
        ctx.not_orgs.add(short.text)  # "Registermodernisierungsgesetz (RMG)": a law for the whole document
        return []
    surface = ctx.text[tokens[first].start:tokens[last].end]
    index = actor_index(ctx.lexicon)
    actor = index.lookup(surface) or index.lookup(short.text)
    if actor is not None:
        canonical, kind = actor.canonical, actor.kind or OrgKind.OTHER
    else:
        heads = ctx.lexicon.org_heads
        canonical = " ".join([nominative_head(words[0], heads.__contains__), *surface.split()[1:]])
        kind = _kind(words, ctx)
    ctx.acronyms.setdefault(short.text, (canonical, kind))
    return [Candidate(tokens[first].start, tokens[last].end, EntityType.ORGANIZATION, canonical, kind,
                      0.85, P_PATTERN + 1, extractor),
            Candidate(short.start, short.end, EntityType.ORGANIZATION, canonical, kind, 0.85, P_PATTERN + 1,
                      extractor)]


@lru_cache(maxsize=4096)
def _compound_org(rest: str) -> bool:
    low = rest.casefold()
    return low.startswith(_ORG_COMPOUND_HEADS)


_first_two = itemgetter(slice(0, 2))


def context_candidates(ctx: Context, extractor: str) -> list[Candidate]:
    """Undefined all-capital acronyms that the document uses like organisation names (module doc)."""
    doc = ctx.doc
    tokens = doc.tokens
    texts = doc.texts
    seen: dict[str, list[int]] = {}
    two_capitals = map(str.isupper, map(_first_two, map(texts.__getitem__, doc.caps)))
    for i in compress(doc.caps, two_capitals):  # "KGRZ", "KIV-Vorstand": C loops pick them
        word = texts[i].partition("-")[0]
        if 2 <= len(word) <= 8 and word.isupper() and word.isalnum() and not word.isdigit():
            seen.setdefault(word, []).append(i)
    found: list[Candidate] = []
    known = actor_index(ctx.lexicon).single
    for word, where in seen.items():
        if word in ctx.acronyms or word in ctx.not_orgs or word in known or _topic(word, ctx) \
                or sum(map(str.isalpha, word)) < 2:
            continue
        cues = sum(_org_context(ctx, i, word) for i in where)
        if cues == 0 or (cues == 1 and len(where) == 1):
            continue
        for i in where:
            tok = tokens[i]
            found.append(Candidate(tok.start, tok.start + len(word), EntityType.ORGANIZATION, word,
                                   OrgKind.OTHER, 0.7, P_PATTERN - 3, extractor))
            place = _place_after(ctx, i, word)
            if place:
                name = ctx.text[tok.start:tokens[i + 1].end]
                found.append(Candidate(tok.start, tokens[i + 1].end, EntityType.ORGANIZATION, name,
                                       OrgKind.OTHER, 0.7, P_PATTERN - 3, extractor))
    return found


def _place_after(ctx: Context, i: int, word: str) -> bool:
    """"KGRZ Kassel": the acronym is followed directly by a municipality's name."""
    tokens = ctx.doc.tokens
    if i + 1 >= len(tokens) or tokens[i].text != word:
        return False
    nxt = tokens[i + 1]
    return nxt.start == tokens[i].end + 1 and nxt.text[:1].isupper() \
        and bool(ctx.gazetteer.candidates(nxt.text))


def _org_context(ctx: Context, i: int, word: str) -> int:
    """1 when token ``i`` (the acronym, maybe a compound's first part) stands where a body's name does."""
    tokens = ctx.doc.tokens
    text = tokens[i].text
    if text != word:
        return int(text[len(word)] == "-" and _compound_org(text[len(word) + 1:]))
    prev = tokens[i - 1].text if i > 0 else ""
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return int(prev in _ARTICLES or nxt in _ACTS or _place_after(ctx, i, word))
