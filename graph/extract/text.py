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
from typing import NamedTuple

# A word: letters/digits joined by inner hyphens, dots, apostrophes, slashes or "&"
# ("IT-Mittelstand", "e.V", "22.6.2021", "Komm.ONE"); a trailing hyphen is kept
# when a coordination follows ("Soft- und Hardware"). Anything else is one char.
_TOKEN = re.compile(r"\w+(?:[-.'’/]\w+)*(?:-(?=\s+(?:und|oder|bzw\.?)\s))?|\S")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_CANDIDATE_END = re.compile(r"[.!?]+[\"“”»«')\]]*(?=\s)|\n")

ABBREVIATIONS = frozenset({
    "dr", "prof", "dipl", "ing", "hr", "fr", "frau", "herr", "nr", "st", "str", "bzw", "ca", "vgl",
    "etc", "mio", "mrd", "abs", "art", "inkl", "ggf", "evtl", "usw", "sog", "z.b", "u.a", "d.h",
    "i.d.r", "z.t", "o.g", "u.u", "s.o", "s.u", "bspw", "max", "min", "tel", "jan", "feb", "febr",
    "apr", "aug", "sept", "okt", "nov", "dez", "jr", "sen", "jun", "gem", "geb", "rd", "ff", "lt",
    "mind", "u.v.m", "e.v", "co", "corp", "inc", "ltd", "bzgl", "insb", "zzgl", "i.v", "phil",
    "med", "rer", "nat"
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
    _sent_starts: list[int] = field(default_factory=list, repr=False)
    _para_starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, text: str) -> Doc:
        """Tokenise and split ``text``."""
        make = tuple.__new__  # skips NamedTuple's argument parsing: a third faster on long texts
        tokens: list[Token] = [make(Token, (m.group(), m.start(), m.end())) for m in _TOKEN.finditer(text)]
        paragraphs = split_paragraphs(text)
        sentences = split_sentences(text, paragraphs)
        texts = [tok.text for tok in tokens]
        caps = [i for i, word in enumerate(texts) if word[:1].isupper()]
        return cls(text, tokens, sentences, paragraphs, caps, texts,
                   [s for s, _ in sentences], [p for p, _ in paragraphs])

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (0 when there is none)."""
        return max(bisect.bisect_right(self._sent_starts, offset) - 1, 0)

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph containing ``offset``."""
        return max(bisect.bisect_right(self._para_starts, offset) - 1, 0)


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
            if match.group() != "\n" and not _is_boundary(text, match.start(), match.end(), p_end):
                continue
            end = match.end() if match.group() != "\n" else match.start()
            _add_trimmed(text, pos, end, spans)
            pos = match.end()
        _add_trimmed(text, pos, p_end, spans)
    return spans


def _is_boundary(text: str, dot: int, after: int, limit: int) -> bool:
    """Whether punctuation at ``dot`` ends a sentence (abbreviations, ordinals and initials do not)."""
    if text[dot] != ".":
        return True
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
        if dot - word_start > 12:
            break
    word = text[word_start:dot]
    nxt = _next_char(text, after, limit)
    if not nxt:
        return True
    if word.casefold() in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "A. Merkel"
        return False
    if word.isdigit() and len(word) <= 2:  # an ordinal or date part: "am 7. Juli"
        return not nxt.islower() and not nxt.isdigit() and not _month_follows(text, after)
    return not nxt.islower()


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
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
