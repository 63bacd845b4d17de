"""When an office began or ended, as far as the sentence that states it says.

A HOLDS_ROLE relation is a role at one moment; analysts ask who held it *when*.
This module reads the bounds a sentence gives and leaves the rest to the
build, which aggregates one office per (person, role, organisation) over all
articles and falls back to the dates the office was first and last seen:

* a start: "neue Geschäftsführerin", "wurde … gewählt", "übernimmt ab 1.
  Januar 2024", "seit 2019", "seit März 2021" (a date in the sentence is the
  start, otherwise the article's date);
* an end: "ehemaliger/früherer/bisheriger Bürgermeister", "a. D.", "scheidet
  aus", "verabschiedete sich", "bis 2021" (a date in the sentence is the end,
  otherwise the article's date bounds it);
* dates keep their precision ("seit 2019" → 2019-01-01, ``year``) and
  relative ones ("im vergangenen Jahr", "ab Januar") are resolved against the
  article's published date.

Cue words live in ``data/lexicon/office_cues.tsv``. The caller checks a
sentence's tokens against :attr:`Cues.words` (one set operation) before
anything here runs, so sentences without a cue cost nothing more.

>>> dates_in("Er ist seit März 2021 im Amt und bleibt bis 2027.", "2022-05-01")
[DateMention(prep='seit', day='2021-03-01', precision='month', offset=12), \
DateMention(prep='bis', day='2027-01-01', precision='year', offset=44)]
>>> dates_in("Sie übernimmt ab 1. Januar die Leitung.", "2023-11-20")[0].day
'2024-01-01'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.extract.lexicon import read_pairs
from graph.model.extraction import OfficeDates
from graph.resources import data_path

CUE_KINDS = ("new", "former", "begins", "takes", "leaves", "follows")
# Words that make "übernimmt" about an office rather than a task.
OFFICE_WORDS = frozenset({"Leitung", "Amt", "Ämter", "Vorsitz", "Posten", "Geschäftsführung", "Spitze",
                          "Nachfolge", "Amtsgeschäfte", "Führung", "Vorstandsvorsitz", "Präsidentschaft"})
_QUOTES = frozenset("„“”\"»«")  # a date inside a quote does not bound an office named outside it
# "seit"/"bis" bound the office only in a sentence saying that someone holds it ("ist seit 2019
# Bürgermeister", "war bis 2023 Landrätin"), not in "Laut X, Präsident der Y, sollen bis 2025 …".
_HOLDING = frozenset({"ist", "war", "bleibt", "blieb", "amtiert", "amtierte", "leitet", "leitete", "führt",
                      "führte", "steht", "stand", "gehört", "gehörte"})
_NEAR = 60  # characters between the role noun and a "seit"/"bis"/"von" date that bounds it

MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "febr": 2, "märz": 3, "april": 4, "apr": 4,
    "mai": 5, "juni": 6, "juli": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}
_MONTH = r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember" \
         r"|Jan|Febr?|Apr|Aug|Sept?|Okt|Nov|Dez)\.?"
_NUMBERS = {"einem": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
            "acht": 8, "neun": 9, "zehn": 10}
_RELATIVE_YEAR = {"vergangenen": -1, "letzten": -1, "vorigen": -1, "diesem": 0, "dieses": 0, "diesen": 0,
                  "laufenden": 0, "kommenden": 1, "nächsten": 1}
# One alternation, each branch a bounded sequence of character classes (linear time).
_DATE = re.compile(
    r"(?P<dmy>\b(?P<d1>\d{1,2})\.\s?(?P<m1>\d{1,2})\.\s?(?P<y1>(?:19|20)\d{2})\b)"
    rf"|(?P<dm>\b(?P<d2>\d{{1,2}})\.\s?(?P<m2>{_MONTH})(?:\s+(?P<y2>(?:19|20)\d{{2}})\b)?)"
    rf"|(?P<my>\b(?P<m3>{_MONTH})(?:\s+(?P<y3>(?:19|20)\d{{2}})\b)?)"
    r"|(?P<y>(?<![\d./-])(?P<y4>(?:19|20)\d{2})(?![\d/-]|\.\d))"
    r"|(?P<rel>\b(?P<which>vergangenen|letzten|vorigen|diesem|dieses|diesen|laufenden|kommenden|nächsten)"
    r"\s+Jahr(?:es)?\b|\bVorjahr(?:es)?\b)"
    r"|(?P<ago>\bvor\s+(?P<n>einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|\d{1,2})\s+Jahren\b)"
)
# Words before a date that say how it relates to the office ("seit", "ab", "bis" …).
PREPS = frozenset({"seit", "ab", "zum", "im", "am", "von", "bis", "mit", "anfang", "mitte", "ende", "zu",
                   "vor", "jahresbeginn"})
_FILLERS = frozenset({"dem", "den", "der", "jahr", "jahres", "monat", "wirkung", "des"})
_START_PREPS = frozenset({"seit", "ab", "zum", "im", "am", "von", "mit", "anfang", "mitte", "zu", "vor"})
_END_PREPS = frozenset({"bis", "im", "am", "zum", "ende", "mit", "vor"})
_FUTURE_PREPS = frozenset({"ab", "zum", "bis", "mit", "zu"})


@dataclass(frozen=True)
class DateMention:
    """A date in a sentence: the preposition before it, the day it stands for and its precision."""

    prep: str
    day: str
    precision: str  # "day" | "month" | "year"
    offset: int  # character offset in the sentence


@dataclass(frozen=True)
class Cues:
    """The office cue words by kind, plus all of them as one set for the cheap first check."""

    new: frozenset[str]
    former: frozenset[str]
    begins: frozenset[str]
    takes: frozenset[str]
    leaves: frozenset[str]
    follows: frozenset[str]
    words: frozenset[str]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cue lists of ``data/lexicon/office_cues.tsv`` (read once per process)."""
    kinds: dict[str, set[str]] = {k: set() for k in CUE_KINDS}
    for word, kind in read_pairs(data_path("lexicon", "office_cues.tsv"), CUE_KINDS, "word, cue kind"):
        kinds[kind].add(word)
    sets = {k: frozenset(v) for k, v in kinds.items()}
    return Cues(**sets, words=frozenset().union(*sets.values()) | {"a", "bis"})


def _ymd(published: str | None) -> tuple[int, int, int] | None:
    if not published or len(published) < 10 or not published[:4].isdigit():
        return None
    try:
        return int(published[:4]), int(published[5:7]), int(published[8:10])
    except ValueError:
        return None


def _prep_before(sentence: str, offset: int) -> str:
    """The preposition among the (up to three) words before ``offset``, skipping "dem", "Jahr" …."""
    for word in reversed(sentence[max(0, offset - 40):offset].split()[-3:]):
        word = word.strip(",(").casefold()
        if word in PREPS:
            return word
        if word not in _FILLERS:
            return ""
    return ""


def _year_for(month: int, day: int, prep: str, today: tuple[int, int, int] | None) -> int | None:
    """The year of a date written without one: the last such date before the article, or for
    "ab"/"zum"/"bis" the next one after it."""
    if today is None:
        return None
    year = today[0]
    if prep in _FUTURE_PREPS:
        return year + 1 if (month, day) < today[1:] else year
    return year - 1 if (month, day) > today[1:] else year


def _iso(year: int | None, month: int, day: int) -> str | None:
    if year is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month(text: str) -> int:
    return MONTHS.get(text.rstrip(".").casefold(), 0)


def _resolve(m: re.Match[str], prep: str, today: tuple[int, int, int] | None) -> tuple[str | None, str]:
    """(ISO day, precision) of one date match."""
    g = m.group
    if g("dmy"):
        return _iso(int(g("y1")), int(g("m1")), int(g("d1"))), "day"
    if g("dm"):
        month, day = _month(g("m2")), int(g("d2"))
        year = int(g("y2")) if g("y2") else _year_for(month, day, prep, today)
        return _iso(year, month, day), "day"
    if g("my"):
        month = _month(g("m3"))
        if not g("y3") and not prep:
            return None, "month"  # a bare "Mai" is too often not a date
        year = int(g("y3")) if g("y3") else _year_for(month, 1, prep, today)
        return _iso(year, month, 1), "month"
    if g("y"):
        return (_iso(int(g("y4")), 1, 1), "year") if prep else (None, "year")
    if today is None:
        return None, "year"
    if g("rel"):
        return _iso(today[0] + _RELATIVE_YEAR.get(g("which") or "", -1), 1, 1), "year"
    n = g("n")
    ago = _NUMBERS.get(n, 0) if not n.isdigit() else int(n)
    return _iso(today[0] - ago, 1, 1), "year"


def dates_in(sentence: str, published: str | None) -> list[DateMention]:
    """The dates of a sentence with the preposition before each, resolved against ``published``."""
    today = _ymd(published)
    found = []
    for m in _DATE.finditer(sentence):
        prep = "vor" if m.group("ago") else _prep_before(sentence, m.start())
        day, precision = _resolve(m, prep, today)
        if day is not None:
            found.append(DateMention(prep, day, precision, m.start()))
    return found


def _former_before(texts: list[str], k: int, cues: Cues) -> str:
    """A "former"/"new" cue among the two words before the role noun at ``k`` (its kind and word)."""
    for j in (k - 1, k - 2):
        if j >= 0 and texts[j] in cues.former:
            return texts[j]
    return ""


def _new_before(texts: list[str], k: int, cues: Cues) -> str:
    for j in (k - 1, k - 2):
        if j >= 0 and texts[j] in cues.new:
            return texts[j]
    return ""


def _retired(texts: list[str], k: int) -> bool:
    """ "a. D." (außer Dienst) within a few tokens after the role noun.

    The sentence splitter ends a sentence after "a." today, so "a ." closing the sentence counts too.
    """
    window = texts[k + 1:k + 8]
    if window[-2:] == ["a", "."] and k + 8 >= len(texts):
        return True
    return any(window[i:i + 3] == ["a", ".", "D"] for i in range(len(window) - 2))


def _leaves(texts: list[str], cues: Cues) -> str:
    """A leaving verb of the sentence; "verabschiedet" counts only for people ("sich", "wurde")."""
    for word in cues.leaves.intersection(texts):
        if not word.startswith("verabschiede") or "sich" in texts or "wurde" in texts or "wird" in texts:
            return word
    return ""


def _first(dates: list[DateMention], preps: frozenset[str]) -> DateMention | None:
    return next((d for d in dates if d.prep in preps), None)


def _near(sentence: str, date: DateMention, role_at: int) -> bool:
    """Whether a date is close to the role noun, with no quotation mark between them."""
    between = sentence[min(date.offset, role_at):max(date.offset, role_at)]
    return len(between) <= _NEAR and _QUOTES.isdisjoint(between)


def _begins(texts: list[str], k: int, cues: Cues) -> tuple[str, bool]:
    """The cue saying the office begins ("neue" before the role, a verb of the sentence, "seit" near
    the role), and whether it is an "übernimmt" that still needs a date or an office word."""
    new = _new_before(texts, k, cues)
    if new:
        return new, False
    verbs = sorted(cues.begins.intersection(texts) - {"seit"})
    if verbs:
        return verbs[0], False
    takes = sorted(cues.takes.intersection(texts))
    if takes:
        return takes[0], OFFICE_WORDS.isdisjoint(texts)
    near = "seit" in texts[max(0, k - 6):k + 7] and not _HOLDING.isdisjoint(texts)
    return ("seit" if near else ""), False


def read_bounds(texts: list[str], k: int, sentence: str, published: str | None,
                role_at: int = 0) -> OfficeDates | None:
    """The bounds the sentence gives the office whose role noun is token ``k`` (``None``: nothing said).

    ``role_at`` is the role noun's character offset in ``sentence``: a "seit", "bis" or "von"
    date bounds the office only within a few words of it ("ist seit 2019 Bürgermeister", not "…,
    sagte Bürgermeister X, das OZG schaffe man nicht bis 2022").

    >>> t = "Peter Alt wurde im März 2019 zum Geschäftsführer gewählt .".split()
    >>> read_bounds(t, 7, " ".join(t), "2019-04-02", 33)
    OfficeDates(start='2019-03-01', start_precision='month', end=None, end_precision=None, ended=False, \
cue='gewählt')
    >>> t = "Der ehemalige Bürgermeister a . D . Hans Maier sprach .".split()
    >>> read_bounds(t, 2, " ".join(t), "2024-02-01", 14).ended
    True
    """
    cues = load_cues()
    leaves = _leaves(texts, cues)
    former = _former_before(texts, k, cues) or ("a. D." if _retired(texts, k) else "") or leaves
    begins, needs_date = _begins(texts, k, cues)
    held = "bis" in texts[max(0, k - 8):k + 9] and not _HOLDING.isdisjoint(texts)
    if not (former or begins or held):
        return None  # most cued sentences end here, before any date is parsed
    bounding = held or begins == "seit"
    dates = [d for d in dates_in(sentence, published)
             if d.prep not in ("seit", "bis", "von") or (bounding and _near(sentence, d, role_at))]
    if needs_date and not any(d.prep in ("ab", "zum", "mit") for d in dates):
        begins = ""  # "übernimmt erneut die Schulung": a task, not an office
    until = _first(dates, frozenset({"bis"}))
    start = _first([d for d in dates if d is not until], _START_PREPS) if begins else None
    if begins == "seit" and (start is None or start.prep != "seit"):
        begins, start = "", None  # "seit" without its date says nothing about the office
    if not (former or begins or until):
        return None
    # An adjective ("ehemaliger") dates nothing: other dates of its sentence are about other things.
    end = until or (_first([d for d in dates if d is not start], _END_PREPS) if leaves else None)
    if begins and start is None and not former and published:
        start = DateMention("", published[:10], "day", 0)  # "neu gewählt": the article's date
    return OfficeDates(
        start=start.day if start else None,
        start_precision=start.precision if start else None,
        end=end.day if end else None,
        end_precision=end.precision if end else None,
        ended=bool(former or until),
        cue=former or begins or "bis",
    )
