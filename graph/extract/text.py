"""Tokens, sentences and paragraphs of a document, in one linear pass each.

Why an own splitter: Kommune21 text is full of abbreviations ("Dr.", "z.B.",
"u.a."), dates ("22.6.2021") and ordinals ("am 7. Juli") that break naive
splitters, and general-purpose splitters (SoMaJo ≈ 20k words/s) are an order
of magnitude slower than the rest of the extraction. Every regex here is a
simple character class loop, so time stays linear even on 1 MB paragraphs.

>>> doc = Doc.of("Dr. Anna Weber kam am 7. Juli. Sie blieb z.B. lange.")
>>> [doc.text[a:b] for a, b in doc.sentences]
['Dr. Anna Weber kam am 7. Juli.', 'Sie blieb z.B. lange.']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import itemgetter
from typing import NamedTuple

# A word: letters/digits joined by inner hyphens, dots, apostrophes, slashes or "&"
# ("IT-Mittelstand", "e.V", "22.6.2021", "Komm.ONE"); a trailing hyphen is kept
# when a coordination follows ("Soft- und Hardware"). Anything else is one char.
_TOKEN = re.compile(r"\w+(?:[-.'’/]\w+)*(?:-(?=\s+(?:und|oder|bzw\.?)\s))?|\S")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# Sentence ends: ".!?" (plus closing quotes/brackets) before whitespace, or a line break. The
# pattern starts with one character class so the regex engine can skip to candidates: with the
# alternation in front ("[.!?]+…|\n") it tried a match at every character, 4× slower.
_CANDIDATE_END = re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*[\"“”»«')\]]*(?=\s))")

ABBREVIATIONS = frozenset({
    "dr", "prof", "dipl", "ing", "hr", "fr", "frau", "herr", "nr", "st", "str", "bzw", "ca", "vgl",
    "etc", "mio", "mrd", "abs", "art", "inkl", "ggf", "evtl", "usw", "sog", "z.b", "u.a", "d.h",
    "i.d.r", "z.t", "o.g", "u.u", "s.o", "s.u", "bspw", "max", "min", "tel", "jan", "feb", "febr",
    "apr", "aug", "sept", "okt", "nov", "dez", "jr", "sen", "jun", "gem", "geb", "rd", "ff", "lt",
    "mind", "u.v.m", "e.v", "co", "corp", "inc", "ltd", "bzgl", "insb", "zzgl", "i.v", "phil",
    "med", "rer", "nat", "a.d", "i.r"
})


class Token(NamedTuple):
    """A word or punctuation character with its character offsets (a tuple: cheap to make)."""

    text: str
    start: int
    end: int

    @property
    def is_cap(self) -> bool:
        """Starts with an upper-case letter (German nouns and names)."""
        return self.text[:1].isupper()


@dataclass
class Doc:
    """A document's text with tokens, sentence and paragraph spans."""

    text: str
    tokens: list[Token]
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    caps: list[int] = field(default_factory=list, repr=False)  # indices of capitalised tokens
    texts: list[str] = field(default_factory=list, repr=False)  # token texts (exact matcher keys)
    starts: list[int] = field(default_factory=list, repr=False)  # token start offsets (for bisect)
    _sent_starts: list[int] = field(default_factory=list, repr=False)
    _para_starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, text: str) -> Doc:
        """Tokenise and split ``text``."""
        texts, starts, ends = token_spans(text)
        paragraphs = split_paragraphs(text)
        sentences = split_sentences(text, paragraphs)
        return cls(text, make_tokens(texts, starts, ends), sentences, paragraphs, capitalised(texts), texts,
                   starts, list(map(_first, sentences)), list(map(_first, paragraphs)))

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (0 when there is none)."""
        return max(bisect.bisect_right(self._sent_starts, offset) - 1, 0)

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph containing ``offset``."""
        return max(bisect.bisect_right(self._para_starts, offset) - 1, 0)

    def sentences_of(self, offsets: list[int]) -> list[int]:
        """:meth:`sentence_of` of each offset (bisects mapped in C: one Python call, not one per offset)."""
        return [k - 1 if k else 0 for k in map(bisect.bisect_right, repeat(self._sent_starts), offsets)]

    def paragraphs_of(self, offsets: list[int]) -> list[int]:
        """:meth:`paragraph_of` of each offset."""
        return [k - 1 if k else 0 for k in map(bisect.bisect_right, repeat(self._para_starts), offsets)]


_first = itemgetter(0)
_match_token = _TOKEN.match
_new_tuple = tuple.__new__


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``: exactly what ``_TOKEN.finditer`` yields, for far fewer instructions."""
    return make_tokens(*token_spans(text))


def make_tokens(texts: list[str], starts: list[int], ends: list[int]) -> list[Token]:
    """Token tuples from the parallel lists, built by one ``map`` (C).

    Making each token inside the tokenising loop (through a ``functools.partial``
    of ``tuple.__new__``) cost about 2,200 machine instructions a token; mapping
    ``tuple.__new__`` over zipped lists about 1,400 (valgrind).
    """
    return list(map(_new_tuple, repeat(Token), zip(texts, starts, ends, strict=True)))


def token_spans(text: str) -> tuple[list[str], list[int], list[int]]:
    """Texts, start and end offsets of the tokens of ``text`` (three parallel lists).

    Tokenising was a fifth of the extraction time, half of it the regex
    engine's per-match overhead (≈ 1,500 machine instructions a match).
    Tokens never span whitespace, so the text is cut with ``str.split`` (C)
    and the regex only runs inside chunks that are not one
    plain word or a word plus one punctuation mark (",", ".", ")" …). A chunk's
    offset is found with ``str.find`` from the end of the previous chunk: only
    whitespace lies between them. The regex still matches at the offset in the
    whole text, so its look-ahead ("Soft- und Hardware") sees past the chunk.
    """
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    add_text, add_start, add_end = texts.append, starts.append, ends.append
    find = text.find
    pos = 0
    for chunk in text.split():
        start = find(chunk, pos)
        pos = start + len(chunk)
        if chunk.isalnum():
            add_text(chunk)
            add_start(start)
            add_end(pos)
            continue
        last = chunk[-1]
        if last != "-" and last != "_" and not last.isalnum() and chunk[:-1].isalnum():
            add_text(chunk[:-1])
            add_start(start)
            add_end(pos - 1)
            add_text(last)
            add_start(pos - 1)
            add_end(pos)
            continue
        while start < pos:
            match = _match_token(text, start)
            end = match.end()  # type: ignore[union-attr]  # "\S" matches any non-space character
            add_text(match.group())  # type: ignore[union-attr]
            add_start(start)
            add_end(end)
            start = end
    return texts, starts, ends


def capitalised(texts: list[str]) -> list[int]:
    """Indices of the words starting with an upper-case letter (tokens are never empty)."""
    return list(compress(range(len(texts)), map(str.isupper, map(_first, texts))))


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of blank-line separated blocks, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH.finditer(text):
        _add_trimmed(text, pos, match.start(), spans)
        pos = match.end()
    _add_trimmed(text, pos, len(text), spans)
    return spans


def split_sentences(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans inside each paragraph; line breaks always end a sentence.

    Line breaks end sentences because captions, headlines and list rows in
    page captures carry no final punctuation.
    """
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs:
        pos = p_start
        for match in _CANDIDATE_END.finditer(text, p_start, p_end):
            newline = match.group() == "\n"
            if not newline and not _is_boundary(text, match.start(), match.end(), p_end):
                continue
            _add_trimmed(text, pos, match.start() if newline else match.end(), spans)
            pos = match.end()
        _add_trimmed(text, pos, p_end, spans)
    return spans


def _is_boundary(text: str, dot: int, after: int, limit: int) -> bool:
    """Whether punctuation at ``dot`` ends a sentence (abbreviations, ordinals and initials do not)."""
    if text[dot] != ".":
        return True
    nxt = _next_char(text, after, limit)
    if not nxt:
        return True
    word = _word_before(text, dot)
    if word.casefold() in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "A. Merkel"
        return False
    if len(word) == 1 and word.islower() and nxt.isupper() and _pair_abbreviation(text, after, limit):
        return False  # the first half of "a. D." (außer Dienst), "i. R." (im Ruhestand)
    if word.isdigit() and len(word) <= 2:  # an ordinal or date part: "am 7. Juli"
        return not nxt.islower() and not nxt.isdigit() and not _month_follows(text, after)
    return not nxt.islower()


def _pair_abbreviation(text: str, after: int, limit: int) -> bool:
    """Whether one capital letter and a dot follow: the second half of "a. D." or "i. R."."""
    pos = after
    while pos < limit and text[pos].isspace():
        pos += 1
    rest = text[pos:min(pos + 3, limit)]
    return len(rest) >= 2 and rest[0].isupper() and rest[1] == "." \
        and (len(rest) == 2 or not rest[2].isalpha())


def _word_before(text: str, dot: int) -> str:
    """The letters, digits and inner dots right before ``dot`` ("z.B"), at most 13 characters.

    Usually the last whitespace-separated chunk is the whole word ("vor", "z.B"), which two
    C string calls confirm; only chunks with other punctuation ("(Dr") are walked back.
    """
    window = text[max(dot - 13, 0):dot]
    if not window or window[-1].isspace():
        return ""
    tail = window.rsplit(None, 1)[-1]
    if tail.replace(".", "").isalnum():
        return tail
    start = len(tail)
    while start > 0 and (tail[start - 1].isalnum() or tail[start - 1] == "."):
        start -= 1
    return tail[start:]


_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember")


def _month_follows(text: str, after: int) -> bool:
    rest = text[after:after + 12].lstrip()
    return rest.startswith(_MONTHS)


def _next_char(text: str, pos: int, limit: int) -> str:
    while pos < limit and text[pos].isspace():
        pos += 1
    return text[pos] if pos < limit else ""


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append ``text[start:end]`` without surrounding whitespace, unless nothing is left."""
    part = text[start:end]
    rest = part.lstrip()
    start += len(part) - len(rest)
    rest = rest.rstrip()
    if rest:
        spans.append((start, start + len(rest)))
