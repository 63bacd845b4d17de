"""Name keys for matching: the same actor written differently gets the same key.

Keys are folded (umlauts and ß spelled out, casefolded), lose noise words that
do not identify an actor ("Stadt", "Gemeinde", legal forms such as GmbH or
e.V.) and articles ("des", "der"), and treat hyphens like spaces. The display
name is never derived from a key; keys are only compared.

>>> name_key("Stadt Tengen") == name_key("Tengen")
True
>>> name_key("JCC Software GmbH")
'jcc software'
>>> name_key("Firma Prosoz Herten") == name_key("PROSOZ Herten") == name_key("Prosoz Herten GmbH")
True
>>> name_key("KI Bundesverband e. V.") == name_key("KI Bundesverband")
True
>>> name_key("Bundes-Arbeitsgemeinschaft der Kommunalen IT-Dienstleister")
'bundes arbeitsgemeinschaft kommunalen it dienstleister'
>>> stem_key("Bundeszentrale für politischen Bildung") == stem_key("Bundeszentrale für politische Bildung")
True
>>> genitive_key("Dataports")
'dataport'
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.model import fold

# Words in front of a municipality's name that say what it is, not which one.
MUNICIPAL_PREFIXES: frozenset[str] = frozenset(
    fold(w)
    for w in (
        "Stadt", "Gemeinde", "Markt", "Marktgemeinde", "Hansestadt", "Landeshauptstadt",
        "Kreisstadt", "Große Kreisstadt", "Universitätsstadt", "Bundesstadt", "Ortsgemeinde",
        "Verbandsgemeinde", "Samtgemeinde", "Freie Hansestadt", "Freistaat",
    )
)

# Descriptors that classify an organisation's name without being part of it ("Firma Prosoz Herten",
# "Zweckverband KISA", "IT-Dienstleister Dataport"): the same rule as in extraction, see
# docs/extraction.md ("Descriptors"). Compared as folded tokens, hyphens as spaces.
DESCRIPTOR_PREFIXES: frozenset[str] = frozenset(
    fold(w)
    for w in (
        "Firma", "Unternehmen", "Zweckverband", "Gesamtzweckverband", "Datenzentrale", "IT-Dienstleister",
        "IT Dienstleister", "Dienstleister", "Softwarehaus", "Softwarehersteller", "Softwareanbieter",
        "Systemhaus", "Anbieter", "Start-up", "Start up", "Startup", "Beratungsunternehmen",
    )
)

# Legal forms, folded and without punctuation, longest first so that
# "gmbh & co kg" wins over "kg".
LEGAL_FORMS: tuple[str, ...] = tuple(
    sorted(
        (
            "gmbh & co kg", "gmbh & co kgaa", "gmbh co kg", "ag & co kg", "se & co kg",
            "gmbh", "ggmbh", "mbh", "ug haftungsbeschraenkt", "ug", "ag", "se", "kg", "kgaa",
            "ohg", "gbr", "ev", "eg", "aoer", "aor", "adoer", "kdoer", "ltd", "inc", "llc",
            "plc", "sa", "sarl", "bv", "nv", "spa", "corp", "co",
        ),
        key=len,
        reverse=True,
    )
)

_LEGAL_COMPACT: frozenset[str] = frozenset(f.replace(" ", "") for f in LEGAL_FORMS)

ARTICLES: frozenset[str] = frozenset({"der", "des", "die", "dem", "den", "das", "the"})
STOP_WORDS: frozenset[str] = ARTICLES | {"fuer", "und", "in", "im", "am", "an", "von", "vom", "zu", "zur",
                                         "zum", "of", "for", "and", "auf", "bei", "mit"}

# German adjective/noun endings removed by :func:`stem_key`, longest first.
_ENDINGS: tuple[str, ...] = ("en", "er", "em", "es", "e", "n", "s")
_PUNCT = re.compile(r"[^\w&]+")


def _tokens(name: str) -> list[str]:
    """Folded tokens of ``name`` with punctuation (also hyphens and dots) as separators."""
    return [t for t in _PUNCT.sub(" ", fold(name)).split() if t and t != "_"]


def _strip_legal(tokens: list[str]) -> list[str]:
    """Drop a trailing legal form ("GmbH", "e. V.", "GmbH & Co. KG").

    Tails are compared without spaces, so "e. V." (tokens ``e``, ``v``) is ``ev``.
    """
    for size in range(min(4, len(tokens) - 1), 0, -1):
        if "".join(tokens[-size:]) in _LEGAL_COMPACT:
            return tokens[:-size]
    return tokens


def _strip_prefix(tokens: list[str]) -> list[str]:
    """Drop a leading municipal prefix ("Stadt") or descriptor ("Firma") when a name follows."""
    for size in (2, 1):
        head = " ".join(tokens[:size])
        if len(tokens) > size and (head in MUNICIPAL_PREFIXES or head in DESCRIPTOR_PREFIXES):
            return tokens[size:]
    return tokens


def key_tokens(name: str) -> list[str]:
    """The tokens that identify an actor: folded, without prefixes, legal forms and articles."""
    return list(_key_tokens(name))


@lru_cache(maxsize=262_144)
def _key_tokens(name: str) -> tuple[str, ...]:
    # Cached: resolution asks for the keys of the same few thousand names many times.
    tokens = _strip_prefix(_strip_legal(_tokens(name)))
    kept = [t for t in tokens if t not in ARTICLES and t != "&"]
    return tuple(kept or tokens)


@lru_cache(maxsize=262_144)
def name_key(name: str) -> str:
    """The matching key of a name (see the module docstring)."""
    return " ".join(key_tokens(name))


def compact_key(name: str) -> str:
    """:func:`name_key` without spaces, so "IT-Mittelstand" and "ITMittelstand" meet."""
    return name_key(name).replace(" ", "")


def _stem(token: str) -> str:
    """Strip endings until none is left, so "landkreises" and "landkreis" meet."""
    if not token.isalpha():
        return token
    changed = True
    while changed:
        changed = False
        for ending in _ENDINGS:
            if token.endswith(ending) and len(token) - len(ending) >= 5:
                token, changed = token[: -len(ending)], True
                break
    return token


@lru_cache(maxsize=262_144)
def stem_key(name: str) -> str:
    """Key with German inflection endings removed from every longer word.

    Only used for names of two or more words, where a different ending rarely
    means a different actor ("Landkreises Kassel", "politischen Bildung").
    """
    return " ".join(_stem(t) for t in key_tokens(name))


@lru_cache(maxsize=262_144)
def variant_key(name: str) -> str:
    """Key shared by a name and its genitive and inflected forms (used to prefer the base form).

    >>> variant_key("Heidi Klums") == variant_key("Heidi Klum")
    True
    """
    return " ".join(_stem(t) for t in genitive_key(name).split())


def genitive_key(name: str) -> str:
    """Key with a genitive ``-s`` removed from the last word ("Dataports" → "dataport")."""
    tokens = key_tokens(name)
    last = tokens[-1] if tokens else ""
    if len(last) >= 5 and last.endswith("s") and last[-2] not in "sxz" and last.isalpha():
        tokens = [*tokens[:-1], last[:-1]]
    return " ".join(tokens)


def is_acronym(name: str) -> bool:
    """Whether ``name`` looks like an acronym: one word, short, two or more capitals.

    >>> [is_acronym(n) for n in ("BITMi", "KGSt", "HSH", "Vitako", "Komm.ONE", "IT")]
    [True, True, True, False, False, True]
    """
    word = name.strip()
    if not word or " " in word or len(word) > 10 or not word.replace("-", "").isalnum():
        return False
    capitals = sum(1 for c in word if c.isupper())
    return capitals >= 2 and word[0].isupper()


def initials(name: str) -> str:
    """Folded initial letters of the content words (hyphen parts count as words).

    >>> initials("Bundesamt für Sicherheit in der Informationstechnik")
    'bsi'
    >>> initials("Anstalt für Kommunale Datenverarbeitung in Bayern")
    'akdb'
    """
    return "".join(t[0] for t in _tokens(name) if t not in STOP_WORDS and t[0].isalpha())


def fits_acronym(short: str, long: str) -> bool:
    """Whether ``short`` can abbreviate ``long`` (Schwartz–Hearst style).

    Every letter of the short form must occur in the long form in order,
    matched from the right, and the first one must start a word.

    >>> fits_acronym("BITMi", "Bundesverband IT-Mittelstand")
    True
    >>> fits_acronym("KGSt", "Kommunale Gemeinschaftsstelle für Verwaltungsmanagement")
    True
    >>> fits_acronym("AKDB", "Stadtwerke München")
    False
    """
    letters = [c for c in fold(short) if c.isalnum()]
    text = fold(long)
    pos = len(text) - 1
    for index in range(len(letters) - 1, -1, -1):
        first = index == 0
        while pos >= 0 and (
            text[pos] != letters[index]
            or (first and pos > 0 and text[pos - 1].isalnum())
        ):
            pos -= 1
        if pos < 0:
            return False
        pos -= 1
    return bool(letters)


@lru_cache(maxsize=262_144)
def has_noise(name: str) -> bool:
    """Whether a name carries a prefix, legal form or article that its key drops.

    >>> has_noise("Stadt Tengen"), has_noise("Dataport AöR"), has_noise("Tengen")
    (True, True, False)
    """
    return name_key(name) != " ".join(_tokens(name))


def first_token(name: str) -> str:
    """The first word of a name as written (for "HSH" ↔ "HSH Soft- und Hardware Vertrieb")."""
    parts = name.split()
    return parts[0] if parts else ""
