"""Nominative forms of organisation names met in inflected form.

Texts name bodies in every case: "des Deutschen Landkreistages", "beim
Deutschen Städtetag", "das Hessische Ministerium". The canonical name is the
form a body calls itself, which has no article: a strong adjective ending
chosen by the head noun's gender ("Deutscher Landkreistag", "Hessisches
Ministerium", "Deutsche Rentenversicherung") and the head without a genitive
"-s"/"-es". German gender is mostly predictable from the noun's ending, which
is all an organisation head needs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

# Endings of neuter and feminine nouns (longest match wins); everything else is masculine
# ("-tag", "-verband", "-bund", "-rat", "-hof", "-verein", "-betrieb", "-dienst").
_NEUTER = ("ministerium", "amt", "institut", "zentrum", "präsidium", "gericht", "bündnis", "netzwerk",
           "werk", "haus", "büro", "kollegium", "klinikum", "forum", "komitee", "gremium", "direktorium",
           "kuratorium", "labor", "kommissariat", "sekretariat", "konsortium", "parlament", "team")
_FEMININE = ("e", "ung", "heit", "keit", "schaft", "ei", "ion", "tät", "ik", "ur", "anz", "enz", "kammer",
             "kanzlei", "zentrale", "agentur", "initiative", "stiftung", "kasse", "gruppe", "akademie",
             "hochschule", "behörde", "gesellschaft", "genossenschaft", "partei", "bank", "zeitung")
_STRONG = {"m": "er", "n": "es", "f": "e"}
_ADJ_ENDINGS = ("en", "em", "er", "es", "e")


def _longest(word: str, endings: tuple[str, ...]) -> int:
    return max((len(e) for e in endings if word.endswith(e)), default=0)


@lru_cache(maxsize=20_000)
def gender(noun: str) -> str:
    """"m", "f" or "n" for a (compound) noun, from its ending (memoised: heads recur in every article)."""
    low = noun.casefold()
    neuter, feminine = _longest(low, _NEUTER), _longest(low, _FEMININE)
    if neuter == feminine == 0:
        return "m"
    return "n" if neuter > feminine else "f"


def strong_adjective(adjective: str, noun_gender: str) -> str:
    """"Deutschen" → "Deutscher" (m), "Hessische" → "Hessisches" (n), "Deutschen" → "Deutsche" (f)."""
    cut = next((len(e) for e in _ADJ_ENDINGS if adjective.endswith(e)), 0)
    if not cut or len(adjective) - cut < 3:
        return adjective
    return adjective[:-cut] + _STRONG[noun_gender]


def nominative_head(head: str, is_head: Callable[[str], bool]) -> str:
    """The head without a genitive ending ("Landkreistages" → "Landkreistag") when that is a head too."""
    if gender(head) == "f":
        return head
    for cut in (2, 1):
        stem = head[:-cut]
        if head.endswith("es"[-cut:]) and len(stem) > 3 and is_head(stem):
            return stem
    return head


def nominative_name(adjectives: list[str], head: str, rest: str, is_head: Callable[[str], bool]) -> str:
    """The canonical "Adjective… Head rest" of a name found in any case."""
    noun = nominative_head(head, is_head)
    if noun.casefold().endswith(("werke", "dienste", "betriebe")):  # plural heads keep the text's form
        return " ".join([*adjectives, head]) + rest
    words = [strong_adjective(a, gender(noun)) for a in adjectives]
    return " ".join([*words, noun]) + rest
