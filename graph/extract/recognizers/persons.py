"""People: a known first name followed by a surname, or a cue (title, role) before a name.

Titles ("Dr.", "Prof.") stay out of the span; double names ("Anna-Lena",
"Müller-Wagner") and particles ("von der") are kept in it.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache, partial
from itertools import compress

from graph.extract.candidates import P_PERSON, Candidate
from graph.extract.context import Context
from graph.extract.lexicon import Lexicon
from graph.extract.memo import WordMemo
from graph.extract.recognizers.actors import actor_index
from graph.extract.recognizers.common import is_name_word
from graph.extract.text import Token
from graph.model.extraction import EntityType

PARTICLES = frozenset({"von", "van", "de", "zu", "vom", "der", "den", "di", "da", "du", "le", "la", "ter",
                       "ten"})
TITLES = frozenset({"Dr", "Prof", "Herr", "Frau", "Dipl", "Ing"})
_DOTTED_TITLES = frozenset({"Dr", "Prof", "Dipl", "Ing"})


def _is_first_name(tok: Token, ctx: Context) -> bool:
    text = tok.text
    names = ctx.lexicon.first_names
    return text in names or ("-" in text and all(part in names for part in text.split("-")))


def _surname_ok(tok: Token, ctx: Context) -> bool:
    """A word that can be part of a name: not a stop word, head, place or role noun.

    Role nouns count in every form the cue test accepts ("Bürgermeisterin",
    "Vitako-Vorsitzender"), so that "sagte Bürgermeisterin Karin Wüst" never
    yields the person "Bürgermeisterin Karin".
    """
    lex = ctx.lexicon
    return (is_name_word(tok) and tok.text not in lex.name_stopwords and not _is_role_cue(tok, ctx)
            and tok.text not in lex.org_heads and tok.text not in lex.locations)


def _surname_end(ctx: Context, j: int) -> int:
    """End (exclusive) of "[particles] Surname" starting at token ``j``, or ``j`` when absent."""
    tokens = ctx.doc.tokens
    k = j
    while k < len(tokens) and k - j < 2 and tokens[k].text in PARTICLES:
        k += 1
    if k < len(tokens) and _surname_ok(tokens[k], ctx):
        return k + 1
    return j


def _full_name(ctx: Context, i: int) -> int:
    """End (exclusive) of a "First [Middle] [particles] Surname" name at token ``i``, or ``i``."""
    tokens = ctx.doc.tokens
    n = len(tokens)
    j = i + 1
    for _ in range(3):  # "Hans Peter Müller", "George W. Bush", "Gerhard Johann David von Scharnhorst"
        if j + 2 < n and len(tokens[j].text) == 1 and tokens[j].text.isupper() and tokens[j + 1].text == ".":
            j += 2
        elif j + 1 < n and _is_first_name(tokens[j], ctx) and (
                _surname_ok(tokens[j + 1], ctx) or tokens[j + 1].text in PARTICLES
                or _is_first_name(tokens[j + 1], ctx)):
            j += 1
        else:
            break
    end = _surname_end(ctx, j)
    return end if end > j and _same_line(ctx, i, end) else i


def _same_line(ctx: Context, i: int, end: int) -> bool:
    return "\n" not in ctx.text[ctx.doc.tokens[i].start:ctx.doc.tokens[end - 1].end]


def _after_title(ctx: Context, i: int) -> int:
    """Token index after a title at ``i`` ("Dr.", "Prof. Dr.", "Frau"), or ``i``."""
    tokens = ctx.doc.tokens
    j = i
    while j < len(tokens) and tokens[j].text in TITLES:
        j += 1
        if j < len(tokens) and tokens[j].text == "." and tokens[j - 1].text in _DOTTED_TITLES:
            j += 1
    return j


def _cued_name(ctx: Context, j: int) -> int:
    """End of one or two name words after a cue (unknown first names allowed), or ``j``.

    A known organisation's name is no person's, whatever cue stands before it
    ("Vorstand Vitako", "sagte Dataport").
    """
    tokens = ctx.doc.tokens
    if j >= len(tokens) or not _surname_ok(tokens[j], ctx) or _actor_name(ctx, tokens[j].text):
        return j
    end = _surname_end(ctx, j + 1)
    return end if end > j + 1 and _same_line(ctx, j, end) else j + 1


def _actor_name(ctx: Context, text: str) -> bool:
    index = actor_index(ctx.lexicon)
    return text in index.single or index.loose.get(text.casefold()) is not None


SAY_VERBS = frozenset({"sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "meinte", "so",
                       "ergänzte", "kritisierte", "berichtete", "sagten", "fordert", "forderte"})


def _is_role_cue(tok: Token, ctx: Context) -> bool:
    """A role noun, its feminine form, or a compound ending in one ("DATABUND-Vorsitzende", "IT-Leiterin")."""
    return _names_role(tok.text, ctx.lexicon.role_nouns)


# Role heads that also end compounds written in one word ("Digitalisierungsminister",
# "Landesdatenschutzbeauftragte", "Pressesprecherin"). Heads that end ordinary surnames
# ("-meister", "-rat", "-mann") are left out.
ROLE_SUFFIXES = (
    "minister", "ministerin", "senator", "senatorin", "dezernent", "dezernentin", "beauftragte",
    "beauftragter", "präsident", "präsidentin", "direktor", "direktorin", "sprecher", "sprecherin",
    "leiter", "leiterin", "vorsitzende", "vorsitzender", "geschäftsführer", "geschäftsführerin",
    "referent", "referentin", "manager", "managerin", "staatssekretär", "staatssekretärin")


@lru_cache(maxsize=50_000)
def _names_role(text: str, roles: frozenset[str]) -> bool:
    """Memoised test of :func:`_is_role_cue` (a frozenset caches its hash: a hit is one dict lookup)."""
    for word in (text, text.rsplit("-", 1)[1]) if "-" in text else (text,):
        if word in roles or (word.endswith("in") and word[:-2] in roles):
            return True
    low = text.casefold()
    return len(low) > 10 and low.endswith(ROLE_SUFFIXES) and text[:1].isupper()


def person_candidates(ctx: Context, extractor: str) -> list[Candidate]:
    """Full names and cue-introduced names."""
    tokens = ctx.doc.tokens
    found: list[Candidate] = []
    n = len(tokens)
    covered = 0
    starts = _person_starts(ctx)
    texts, lexicon = ctx.doc.texts, ctx.lexicon
    for i in compress(starts, _name_openers(lexicon).of(map(texts.__getitem__, starts))):
        if i < covered:
            continue
        tok = tokens[i]
        end, confidence = i, 0.0
        if tok.text in BYLINE_CUES and i + 2 < n and tokens[i + 1].text == ":":
            end = _full_name(ctx, i + 2) if _is_first_name(tokens[i + 2], ctx) else _cued_name(ctx, i + 2)
            if end > i + 2:
                found.append(_candidate(ctx, i + 2, end, 0.75, extractor))
                covered = end
            continue
        if _is_first_name(tok, ctx):
            end, confidence = _full_name(ctx, i), 0.9
        if end == i and (tok.text in TITLES or _is_role_cue(tok, ctx)):
            i2 = _after_title(ctx, i + 1 if _is_role_cue(tok, ctx) else i)
            if i2 < n and _is_first_name(tokens[i2], ctx):
                end = _full_name(ctx, i2)
            if end <= i2 and not _describes_previous(ctx, i, found):
                end = _cued_name(ctx, i2)
            if end > i2:
                found.append(_candidate(ctx, i2, end, 0.75, extractor))
                covered = end
            continue
        if end > i:
            found.append(_candidate(ctx, i, end, confidence, extractor))
            covered = end
    return found + _said_by(ctx, extractor)


@lru_cache(maxsize=4)
def _name_openers(lexicon: Lexicon) -> WordMemo[bool]:
    """:func:`_may_open_name` memoised per word (see :mod:`graph.extract.memo`)."""
    return WordMemo(partial(_may_open_name, lexicon=lexicon))


def _may_open_name(text: str, lexicon: Lexicon) -> bool:
    """Whether a word passes one of the tests that open a name in :func:`person_candidates`.

    Most capitalised words open none (a byline cue, a first name, a title,
    a role noun), and a word that opens none adds nothing there; testing
    each word once per process instead of at every occurrence saves the
    Python calls of those tests for most tokens.
    """
    names = lexicon.first_names
    return (text in BYLINE_CUES or text in names or ("-" in text and all(p in names for p in text.split("-")))
            or text in TITLES or _names_role(text, lexicon.role_nouns))


# Words before a colon that introduce a photographer or author ("Foto: Kristoff Meller", "Von: Ove Bornholt").
BYLINE_CUES = frozenset({"Foto", "Fotos", "Bild", "Von", "Text", "Autor", "Autorin", "Interview"})
_LOWER_COMPOUND = re.compile(r"-[A-ZÄÖÜ]")


def _person_starts(ctx: Context) -> list[int]:
    """Capitalised tokens, plus lower-case compounds that may be role cues ("ekom21-Geschäftsführer")."""
    doc = ctx.doc
    hits = (bisect.bisect_right(doc.starts, m.start()) - 1 for m in _LOWER_COMPOUND.finditer(doc.text))
    extra = [k for k in hits if k >= 0 and doc.texts[k][:1].islower() and _is_role_cue(doc.tokens[k], ctx)]
    return sorted(set(doc.caps).union(extra)) if extra else doc.caps


def _describes_previous(ctx: Context, i: int, found: list[Candidate]) -> bool:
    """Whether the role cue at ``i`` is an apposition to the person just named.

    In "Julia Neumeier, Bereichsleiterin Public Sector beim Bitkom" the role
    belongs to Julia Neumeier; the capitalised words after it name a field or
    department, so only a known first name may start a person there.
    """
    tokens = ctx.doc.tokens
    return bool(i >= 2 and found and tokens[i - 1].text == "," and found[-1].end == tokens[i - 2].end)


def _said_by(ctx: Context, extractor: str) -> list[Candidate]:
    """"…, sagte Schröder": a name word right after a verb of saying (low confidence)."""
    tokens = ctx.doc.tokens
    found = []
    for k in compress(range(len(tokens)), map(SAY_VERBS.__contains__, ctx.doc.texts)):
        j = k + 1
        if j < len(tokens) and not ctx.gazetteer.candidates(tokens[j].text):
            end = _cued_name(ctx, j)
            if end > j:
                found.append(_candidate(ctx, j, end, 0.6, extractor).moved(priority=P_PERSON - 5))
    return found


def _candidate(ctx: Context, i: int, end: int, confidence: float, extractor: str) -> Candidate:
    tokens = ctx.doc.tokens
    start, stop = tokens[i].start, tokens[end - 1].end
    name = " ".join(ctx.text[start:stop].split())
    return Candidate(start, stop, EntityType.PERSON, name, None, confidence, P_PERSON, extractor)
