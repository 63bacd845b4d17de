"""Organisations found by their shape: a legal form at the end, or an organisation head.

"JCC Software GmbH", "Gesellschaft für Informatik e.V." end in a legal form;
"Bundeszentrale für politische Bildung", "Deutscher Städtetag",
"Bundesverband IT-Mittelstand", "Universität Hamburg" grow around a head
noun. Canonical names drop the legal form; a name that a curated actor goes
by takes that actor's canonical name and kind.
"""

from __future__ import annotations

from functools import lru_cache, partial
from itertools import compress

from graph.extract.candidates import P_ACTOR, P_PATTERN, Candidate
from graph.extract.context import Context
from graph.extract.gazetteer import Place
from graph.extract.inflect import gender, nominative_head, nominative_name
from graph.extract.lexicon import Actor, Lexicon
from graph.extract.memo import WordMemo
from graph.extract.phrases import PhraseMatcher
from graph.extract.recognizers.acronyms import letters_spell
from graph.extract.recognizers.actors import actor_index, spelling_key
from graph.extract.recognizers.common import is_acronym, is_cap_adjective, is_lower_adjective
from graph.extract.text import Token
from graph.extract.vocabulary import noun_vocabulary
from graph.model.extraction import EntityType, OrgKind

MAX_NAME_TOKENS = 7
_FORM_KINDS = {"e.V.": OrgKind.ASSOCIATION, "e. V.": OrgKind.ASSOCIATION, "AöR": OrgKind.PUBLIC_IT_PROVIDER,
               "KdöR": OrgKind.PUBLIC_BODY, "eG": OrgKind.OTHER, "gGmbH": OrgKind.OTHER}
_INNER = frozenset({"&", "und", "für"})
_OF = frozenset({"für", "der", "des"})
# Heads that name one body even as a bare compound ("Innenministerium").
_BARE_OK = ("ministerium", "staatskanzlei", "rechnungshof", "landesamt", "bundesamt")


@lru_cache(maxsize=4)
def legal_forms(lexicon: Lexicon) -> PhraseMatcher[str]:
    """Matcher of the legal forms (case-sensitive)."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for form in lexicon.legal_forms:
        matcher.add(form, form)
    return matcher


def _name_token(tok: Token, ctx: Context) -> bool:
    text = tok.text
    if text in ctx.lexicon.name_stopwords or text in ctx.lexicon.role_nouns:
        return False
    if text[:1].isupper() or is_acronym(text) or any(map(str.isdigit, text)):
        return text[:1].isalnum()
    return any(map(str.isupper, text[1:]))  # "eGovernment", "regio iT"


def _collect_left(ctx: Context, i: int) -> int:
    """First token index of the name that ends before token ``i`` (``i`` when none)."""
    tokens = ctx.doc.tokens
    sentence = ctx.doc.sentence_of(tokens[i].start)
    first = i
    j = i - 1
    while j >= 0 and i - j <= MAX_NAME_TOKENS and ctx.doc.sentence_of(tokens[j].start) == sentence:
        tok = tokens[j]
        if _name_token(tok, ctx) or (tok.text in _INNER and j > 0 and _name_token(tokens[j - 1], ctx)):
            j -= 1
            if tok.text not in _INNER:
                first = j + 1
            continue
        break
    return first


def legal_form_candidates(ctx: Context, extractor: str) -> list[Candidate]:
    """Names ending in a legal form."""
    tokens = ctx.doc.tokens
    index = actor_index(ctx.lexicon)
    found = []
    for i, end, form in legal_forms(ctx.lexicon).scan(tokens, keys=ctx.doc.texts):
        first = _skip_common_noun(ctx, _skip_demonym(ctx, _collect_left(ctx, i), i), i)
        if first == i:
            continue
        name = ctx.text[tokens[first].start:tokens[i - 1].end]
        full = ctx.text[tokens[first].start:tokens[end - 1].end]
        actor = index.lookup(full) or index.lookup(name) or _actor_with_descriptor(ctx, first, i)
        canonical = actor.canonical if actor else name
        kind = actor.kind if actor else _FORM_KINDS.get(form, OrgKind.VENDOR)
        found.append(Candidate(tokens[first].start, tokens[end - 1].end, EntityType.ORGANIZATION,
                               canonical, kind, 0.85, P_PATTERN, extractor))
    return found


def _demonym_of_place(ctx: Context, word: str) -> bool:
    """"Münsteraner", "Karlsruher", "Dortmunder", "Bremer": an inhabitant adjective of a known place."""
    if not word.endswith("er") or not word[:1].isupper() or len(word) < 5:
        return False
    stems = (word[:-2], word[:-1], word[:-4] if word.endswith("aner") else "", word[:-2] + "en")
    gaz = ctx.gazetteer
    return any(stem and (gaz.candidates(stem) or stem in ctx.lexicon.locations) for stem in stems)


def _skip_demonym(ctx: Context, first: int, i: int) -> int:
    """Start of a legal-form name without a leading place adjective ("Münsteraner JCC Software GmbH").

    The demonym says where the company sits, it is not part of its name —
    unless the rest is an ordinary noun that needs it ("Berliner Volksbank"):
    it is dropped only before a known actor or a brand-like word (acronym,
    inner capital, capitalised compound with a hyphen).
    """
    tokens = ctx.doc.tokens
    if i - first < 2 or not _demonym_of_place(ctx, tokens[first].text):
        return first
    nxt = tokens[first + 1].text
    rest = ctx.text[tokens[first + 1].start:tokens[i - 1].end]
    brand = is_acronym(nxt) or any(map(str.isupper, nxt[1:]))
    return first + 1 if brand or actor_index(ctx.lexicon).lookup(rest) else first


def _skip_common_noun(ctx: Context, first: int, i: int) -> int:
    """"beiden Gesellschaften INFOKOM Gütersloh AöR": a common noun before a brand is not in its name."""
    tokens = ctx.doc.tokens
    if i - first < 2 or noun_vocabulary().kind(tokens[first].text) != "noun":
        return first
    nxt = tokens[first + 1].text
    return first + 1 if is_acronym(nxt) or any(map(str.isupper, nxt[1:])) else first


def _actor_with_descriptor(ctx: Context, first: int, i: int) -> Actor | None:
    """The curated actor a legal-form name starts with when only descriptor words follow it."""
    tokens = ctx.doc.tokens
    return actor_index(ctx.lexicon).with_descriptors([tokens[k].text for k in range(first, i)])


@lru_cache(maxsize=4)
def _head_kinds(lexicon: Lexicon) -> WordMemo[tuple[OrgKind, bool] | None]:
    """:func:`_head_kind` memoised per word, for the test of every capitalised token."""
    return WordMemo(partial(_head_kind, lexicon=lexicon))


@lru_cache(maxsize=100_000)
def _head_kind(text: str, lexicon: Lexicon) -> tuple[OrgKind, bool] | None:
    """(kind, bare compound allowed) when the token is an organisation head, also in the genitive.

    "des Bundesamts für Sicherheit …", "des Sächsischen Landkreistages": the
    genitive "-s"/"-es" of a masculine or neuter head is the same head.
    """
    found = _head_kind_as_written(text, lexicon)
    if found is None and text.endswith("s") and len(text) > 5:
        stem = text[:-2] if text.endswith("es") else text[:-1]
        found = _head_kind_as_written(stem, lexicon) or _head_kind_as_written(text[:-1], lexicon)
        if found is not None and gender(nominative_head(text, lambda w: True)) == "f":
            return None
    return found


def _head_kind_as_written(text: str, lexicon: Lexicon) -> tuple[OrgKind, bool] | None:
    """(kind, bare compound allowed) when the token as written is an organisation head."""
    if not text[:1].isupper():
        return None
    entry = lexicon.org_heads.get(text)
    if entry:
        return entry[0], False
    low = text.casefold()
    suffixes = _suffix_heads(lexicon)
    if not low.endswith(_suffix_tuple(lexicon)):
        return None
    for head, kind in suffixes.items():
        if len(low) > len(head) + 2 and low.endswith(head):
            return kind, low.endswith(_BARE_OK)
    return None


@lru_cache(maxsize=4)
def _suffix_tuple(lexicon: Lexicon) -> tuple[str, ...]:
    return tuple(_suffix_heads(lexicon))


@lru_cache(maxsize=4)
def _suffix_heads(lexicon: Lexicon) -> dict[str, OrgKind]:
    """Heads that also end compounds, folded, longest first."""
    heads = {h.casefold(): k for h, (k, suffix) in lexicon.org_heads.items() if suffix}
    return dict(sorted(heads.items(), key=lambda item: -len(item[0])))


def _extend_of(ctx: Context, j: int) -> int:
    """End (exclusive) of an "für/der + words" complement starting at token ``j``, or ``j``.

    A comma continues the name only inside an enumeration closed by "und"
    ("für Inneres, Digitalisierung und Kommunen"), not before an apposition
    ("der Kommunalen IT-Dienstleister, Vitako, …").
    """
    tokens = ctx.doc.tokens
    if j >= len(tokens) or tokens[j].text not in _OF:
        return j
    last = j
    before_comma = -1
    k = j + 1
    while k < len(tokens) and k - j <= 10:
        tok = tokens[k]
        strict = tokens[j].text != "für"  # "der Stadt …" is not part of a name, "für Digitalisierung" is
        if tok.text in ctx.lexicon.role_nouns or (strict and tok.text in ctx.lexicon.name_stopwords):
            break
        if tok.text == "," and before_comma < 0:
            before_comma = last
        elif tok.text == "und":
            before_comma = -2  # the enumeration is closed
        if tok.text[:1].isupper() and tok.text[:1].isalpha():
            last = k
        elif not (is_lower_adjective(tok) or tok.text in {"und", ",", "die", "den", "das"}):
            break
        k += 1
    if before_comma >= 0:
        last = before_comma
    return last + 1 if last > j else j


def _extend_names(ctx: Context, j: int) -> int:
    """End (exclusive) of the name after a head ("Bundesverband IT-Mittelstand", "IT-Verbund Landsberg").

    Up to three name tokens (acronyms, hyphenated words, places), or a
    capitalised adjective with the nouns after it ("Zweckverband Kommunale
    Informationsverarbeitung Sachsen", "… Datenverarbeitung Region Oldenburg"):
    up to four tokens then.
    """
    tokens = ctx.doc.tokens
    k = j
    adjective = j < len(tokens) and is_cap_adjective(tokens[j]) and not _place_word(ctx, tokens[j].text)
    limit = 4 if adjective else 3
    while k < len(tokens) and k - j < limit:
        tok = tokens[k]
        text = tok.text
        special = is_acronym(text) or "-" in text or ctx.gazetteer.candidates(text) \
            or text in ctx.lexicon.locations or (limit == 4 and k > j and text[:1].isupper()) \
            or (k == j and limit == 4) or (text == "Region" and k + 1 < len(tokens))
        if k > j and text[:2].isupper() and is_acronym(text) \
                and letters_spell(text, [tokens[x].text for x in range(max(j - 3, 0), k)]) is not None:
            break  # "… Informationsverarbeitung Sachsen KISA": the acronym is a mention of its own
        if not text[:1].isupper() or text in ctx.lexicon.name_stopwords or not special \
                or "\n" in ctx.text[tokens[k - 1].end:tok.start]:
            break  # a name never runs on over a line break ("… Landsberg\n\nBerlin")
        k += 1
    if limit == 4 and k <= j + 1:
        return j  # an adjective alone is not a name
    return k


# Descriptors (see docs/extraction.md, "Descriptors"): words that classify a name. Before a name
# that names the actor on its own (a brand, an acronym, a known actor) they stay outside the span
# ("Zweckverband KISA" → "KISA", "Firma WebSpeech" → "WebSpeech"). Administration descriptors
# before a place name the place's own administration: the place is the mention ("Stadtverwaltung
# Dettelbach" → Dettelbach, "Landratsamt Ebersberg" → Landkreis Ebersberg), never an organisation.
DESCRIPTORS: dict[str, OrgKind] = {
    "Zweckverband": OrgKind.PUBLIC_IT_PROVIDER, "Zweckverbands": OrgKind.PUBLIC_IT_PROVIDER,
    "Zweckverbandes": OrgKind.PUBLIC_IT_PROVIDER, "Gesamtzweckverband": OrgKind.PUBLIC_IT_PROVIDER,
    "Datenzentrale": OrgKind.PUBLIC_IT_PROVIDER, "Rechenzentrum": OrgKind.PUBLIC_IT_PROVIDER,
    "IT-Dienstleister": OrgKind.PUBLIC_IT_PROVIDER, "IT-Dienstleisters": OrgKind.PUBLIC_IT_PROVIDER,
    "Firma": OrgKind.VENDOR, "Unternehmen": OrgKind.VENDOR, "Softwarehaus": OrgKind.VENDOR,
    "Softwarehersteller": OrgKind.VENDOR, "Softwareanbieter": OrgKind.VENDOR, "Anbieter": OrgKind.VENDOR,
    "Dienstleister": OrgKind.VENDOR, "Start-up": OrgKind.VENDOR, "Startup": OrgKind.VENDOR,
    "Systemhaus": OrgKind.VENDOR, "Beratungsunternehmen": OrgKind.VENDOR,
}
ADMIN_DESCRIPTORS: dict[str, str] = {
    "Landratsamt": "kreis", "Landratsamts": "kreis", "Landratsamtes": "kreis", "Kreisverwaltung": "kreis",
    "Stadtverwaltung": "gemeinde", "Gemeindeverwaltung": "gemeinde", "Rathaus": "gemeinde",
    "Rathauses": "gemeinde", "Bürgermeisteramt": "gemeinde",
}
# Heads that only name a body with a capitalised adjective before and a name after them
# ("Kommunale Datenverarbeitung Oldenburg"); alone they are topics ("die Datenverarbeitung").
_NEEDS_NAME = frozenset({"Datenverarbeitung", "Informationsverarbeitung", "Datentechnik",
                         "Informationstechnologie"})


def _names_actor(ctx: Context, first: int, end: int) -> bool:
    """Whether tokens ``first:end`` are a registry name in any spelling ("Vitako", "VITAKO")."""
    tokens = ctx.doc.tokens
    index = actor_index(ctx.lexicon)
    name = ctx.text[tokens[first].start:tokens[end - 1].end]
    return index.lookup(name) is not None or index.loose.get(spelling_key(name)) is not None


def _place_word(ctx: Context, text: str) -> bool:
    return text in ctx.lexicon.locations or bool(ctx.gazetteer.candidates(text))


def _brand(ctx: Context, text: str) -> bool:
    """A word that names an organisation on its own: acronym, digits, inner capital, known actor."""
    index = actor_index(ctx.lexicon)
    if text in index.single or index.lookup(text) is not None:
        return True
    last = text.rsplit("-", 1)[-1]
    if "-" in text and last[:1].isupper() \
            and last in noun_vocabulary().common:
        return False  # "IT-Dienste", "KI-Lösungen": a compound common noun
    return is_acronym(text) or any(map(str.isdigit, text)) or any(map(str.isupper, text[1:]))


def descriptor_candidates(ctx: Context, i: int, kind: OrgKind, extractor: str) -> list[Candidate]:
    """"Zweckverband KISA" → "KISA": the name after a classifying descriptor, without it."""
    tokens = ctx.doc.tokens
    if i + 1 >= len(tokens) or (i > 0 and is_cap_adjective(tokens[i - 1])):
        return []
    nxt = tokens[i + 1]
    if _common_noun_phrase(ctx, i, i) or not _brand(ctx, nxt.text) or _place_word(ctx, nxt.text) \
            or nxt.text in ctx.lexicon.topic_abbreviations:
        return []
    end = i + 2
    while end < len(tokens) and end - i <= 3 and tokens[end].text[:1].isupper() \
            and _brand(ctx, tokens[end].text) and not ctx.gazetteer.candidates(tokens[end].text):
        end += 1
    name = ctx.text[nxt.start:tokens[end - 1].end]
    actor = actor_index(ctx.lexicon).lookup(name)
    canonical, kind = (actor.canonical, actor.kind or kind) if actor else (name, kind)
    return [Candidate(nxt.start, tokens[end - 1].end, EntityType.ORGANIZATION, canonical, kind, 0.8,
                      P_PATTERN - 1, extractor)]


def classifier_candidates(ctx: Context, extractor: str) -> list[Candidate]:
    """Names after descriptors that are not organisation heads ("Firma WebSpeech", "Anbieter Xplain")."""
    tokens = ctx.doc.tokens
    found = []
    texts = ctx.doc.texts
    for i in compress(ctx.doc.caps, map(DESCRIPTORS.__contains__, map(texts.__getitem__, ctx.doc.caps))):
        if _head_kind(tokens[i].text, ctx.lexicon) is None:
            found += descriptor_candidates(ctx, i, DESCRIPTORS[tokens[i].text], extractor)
    return found


def _admin_place(ctx: Context, name: str, want: str) -> Place | None:
    """The district for a Landratsamt or Kreisverwaltung, else the municipality of that name."""
    gaz = ctx.gazetteer
    place = gaz.resolve(f"Landkreis {name}", kind="kreis") or gaz.resolve(name, kind="kreis") \
        if want == "kreis" else None
    return place or gaz.resolve(name)


def admin_place_candidates(ctx: Context, extractor: str) -> list[Candidate]:
    """"Landratsamt Ebersberg" → the district Landkreis Ebersberg (the descriptor stays outside)."""
    tokens = ctx.doc.tokens
    found = []
    texts = ctx.doc.texts
    caps = ctx.doc.caps
    for i in compress(caps, map(ADMIN_DESCRIPTORS.__contains__, map(texts.__getitem__, caps))):
        want = ADMIN_DESCRIPTORS[tokens[i].text]
        if i + 1 >= len(tokens) or not tokens[i + 1].text[:1].isupper():
            continue
        name = tokens[i + 1].text
        end = i + 2
        if end < len(tokens) and tokens[end].text[:1].isupper() \
                and ctx.gazetteer.candidates(f"{name} {tokens[end].text}"):
            name, end = f"{name} {tokens[end].text}", end + 1
        place = _admin_place(ctx, name, want)
        if place is not None:
            found.append(Candidate(tokens[i + 1].start, tokens[end - 1].end, EntityType.MUNICIPALITY,
                                   place.name, None, 0.9, P_ACTOR + 1, extractor, place))
    return found


CLUB_PREFIXES = frozenset({
    "FC", "SC", "SV", "VfL", "VfB", "TSV", "TuS", "SpVgg", "TSG", "SG", "FSV", "BV", "SSV", "MSV", "KSC",
    "THW",
    "HSV", "ESV", "Borussia", "Eintracht", "Fortuna", "Alemannia", "Arminia", "Preußen", "Dynamo", "Energie",
    "Hansa", "Kickers", "Rot-Weiss", "Rot-Weiß", "Lokomotive", "Inter", "AC", "AS", "Real", "Atlético",
    "Olympique", "Sporting",
})


def club_candidates(ctx: Context, extractor: str) -> list[Candidate]:
    """Sports clubs: a club word and a place or name ("VfL Osnabrück", "1. FC Nürnberg")."""
    tokens = ctx.doc.tokens
    found = []
    caps = ctx.doc.caps
    for i in compress(caps, map(CLUB_PREFIXES.__contains__, map(ctx.doc.texts.__getitem__, caps))):
        if i + 1 >= len(tokens):
            continue
        end = i + 1
        while end < len(tokens) and end - i <= 3 and tokens[end].text[:1].isupper() \
                and tokens[end].text not in ctx.lexicon.name_stopwords:
            end += 1
        if end == i + 1 or not any(ctx.gazetteer.candidates(tokens[k].text) or tokens[k].text in
                                   ctx.lexicon.locations for k in range(i + 1, end)):
            continue
        first = i - 2 if i >= 2 and tokens[i - 1].text == "." and tokens[i - 2].text.isdigit() else i
        name = ctx.text[tokens[first].start:tokens[end - 1].end]
        found.append(Candidate(tokens[first].start, tokens[end - 1].end, EntityType.ORGANIZATION, name,
                               OrgKind.OTHER, 0.7, P_PATTERN - 2, extractor))
    return found


def trailing_candidates(ctx: Context, extractor: str) -> list[Candidate]:
    """Names ending in a word like "Verlag", "Group", "Bank": "Hirzel Verlag", "Ströer Content Group"."""
    tokens = ctx.doc.tokens
    heads = ctx.lexicon.trailing_heads
    index = actor_index(ctx.lexicon)
    found = []
    caps = ctx.doc.caps
    for i in compress(caps, map(heads.__contains__, map(ctx.doc.texts.__getitem__, caps))):
        kind = heads[tokens[i].text]
        first = i
        while first > 0 and i - first < 3 and _name_token(tokens[first - 1], ctx) \
                and tokens[first - 1].text not in heads:
            first -= 1
        first = _skip_demonym(ctx, first, i + 1)
        if first == i or all(is_cap_adjective(tokens[k]) for k in range(first, i)):
            continue
        name = ctx.text[tokens[first].start:tokens[i].end]
        actor = index.lookup(name)
        found.append(Candidate(tokens[first].start, tokens[i].end, EntityType.ORGANIZATION,
                               actor.canonical if actor else name, actor.kind if actor else kind,
                               0.7, P_PATTERN - 2, extractor))
    return found


def head_candidates(ctx: Context, extractor: str) -> list[Candidate]:
    """Names grown around organisation heads."""
    tokens = ctx.doc.tokens
    index = actor_index(ctx.lexicon)
    found = []
    lexicon = ctx.lexicon
    caps = ctx.doc.caps
    kinds = _head_kinds(lexicon).of(map(ctx.doc.texts.__getitem__, caps))
    heads = list(zip(compress(caps, kinds), filter(None, kinds), strict=True))
    for i, head in heads:
        kind, bare_ok = head
        if tokens[i].text in _NEEDS_NAME and not (i > 0 and is_cap_adjective(tokens[i - 1])):
            continue  # "die Datenverarbeitung": a topic, not a body
        named = descriptor_candidates(ctx, i, kind, extractor) if tokens[i].text in DESCRIPTORS else []
        if named:
            found += named
            continue
        coordinated = i >= 2 and tokens[i - 1].text in ("und", "oder") and tokens[i - 2].text.endswith("-")
        left = i - 2 if coordinated else i  # "Städte- und Gemeindebund": the first part belongs to the head
        first = left
        while first > 0 and left - first < 2 and is_cap_adjective(tokens[first - 1]) \
                and tokens[first - 1].text not in ctx.lexicon.name_stopwords \
                and _head_kind(tokens[first - 1].text, lexicon) is None:
            first -= 1
        end = _extend_of(ctx, i + 1)
        if end == i + 1:
            end = _extend_names(ctx, i + 1)
        if end == i + 1 and i + 2 < len(tokens) and tokens[i + 1].text == "von" \
                and tokens[i + 2].text in ctx.lexicon.locations and tokens[i].text not in ADMIN_DESCRIPTORS:
            end = i + 3  # "Landtag von Sachsen-Anhalt": a body named after its Land
        if (first == left == i and end == i + 1 and not bare_ok) or _owned_by_actor(ctx, i, end) \
                or _common_noun_phrase(ctx, first, i) \
                or (tokens[i].text in _NEEDS_NAME and (first == i or end == i + 1)):
            continue
        if tokens[i].text in ADMIN_DESCRIPTORS and first == i and end > i + 1:
            continue  # "Landratsamt Ebersberg": the district, see admin_place_candidates
        if first == i and end == i + 2 and _names_actor(ctx, i + 1, end):
            continue  # "der Verband VITAKO": the head classifies a known actor, found on its own
        name = _canonical_head_name(ctx, first, i, end)
        actor = index.lookup(ctx.text[tokens[first].start:tokens[end - 1].end]) or index.lookup(name)
        found.append(Candidate(tokens[first].start, tokens[end - 1].end, EntityType.ORGANIZATION,
                               actor.canonical if actor else name, actor.kind if actor else kind,
                               0.8, P_PATTERN - 1, extractor))
    return found


_INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine", "keinen",
                         "keinem", "keiner", "jede", "jeder", "jedes", "jeden", "jedem"})


def _common_noun_phrase(ctx: Context, first: int, i: int) -> bool:
    """Whether the head phrase is a description, not a name.

    An indefinite article ("kündigte ein Netzwerk für den Erfahrungsaustausch
    an") or a bare predicative "als" ("die als Zweckverband IT-Dienste …
    erbringt") introduces a kind of body; names come with a definite article
    or none.
    """
    if first == 0:
        return False
    prev = ctx.doc.tokens[first - 1].text
    return prev in _INDEFINITE or (prev == "als" and first == i)


def _owned_by_actor(ctx: Context, i: int, end: int) -> bool:
    """Whether a "der/des" complement names a curated actor: "Rechenzentrum des Zweckverbands Civitec".

    The head then describes a part or facility of that actor, which is the
    organisation an analyst wants; the actor's own span is found on its own.
    """
    tokens = ctx.doc.tokens
    if end <= i + 2 or tokens[i + 1].text not in ("der", "des"):
        return False
    index = actor_index(ctx.lexicon)
    if tokens[i + 2].text in ("Landkreises", "Kreises") or tokens[i + 2].text.endswith("-Kreises"):
        return True  # "Kreisverwaltung des Rhein-Sieg-Kreises": the district is the actor
    return any(tokens[k].text in index.single for k in range(i + 2, end)) \
        or index.lookup(ctx.text[tokens[i + 2].start:tokens[end - 1].end]) is not None


def _canonical_head_name(ctx: Context, first: int, i: int, end: int) -> str:
    """The nominative name of tokens ``first:end`` around the head at ``i`` (see :mod:`inflect`)."""
    tokens = ctx.doc.tokens
    lexicon = ctx.lexicon
    rest = ctx.text[tokens[i].end:tokens[end - 1].end] if end > i + 1 else ""
    return nominative_name([tokens[k].text for k in range(first, i)], tokens[i].text, rest,
                           lambda word: _head_kind_as_written(word, lexicon) is not None)
