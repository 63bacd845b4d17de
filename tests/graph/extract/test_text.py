"""Sentence and paragraph splitting."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract.text import _MONTHS, _TOKEN, ABBREVIATIONS, Doc, split_paragraphs, tokenize


def _sentences(text: str) -> list[str]:
    doc = Doc.of(text)
    return [text[a:b] for a, b in doc.sentences]


def test_text_abbreviations_do_not_end_sentences() -> None:
    text = "Dr. Anna Weber sprach u.a. über z.B. Cloud-Dienste. Danach ging es weiter."
    assert _sentences(text) == ["Dr. Anna Weber sprach u.a. über z.B. Cloud-Dienste.", "Danach ging es weiter."]


def test_text_retired_and_out_of_service_stay_inside() -> None:
    text = "Bürgermeister a. D. Hans Maier und Landrat i. R. Peter Dick kamen. Landrat a.D. Dick ging."
    assert _sentences(text) == ["Bürgermeister a. D. Hans Maier und Landrat i. R. Peter Dick kamen.",
                                "Landrat a.D. Dick ging."]


def test_text_dates_and_ordinals_stay_inside() -> None:
    text = "[22.6.2021] Am 7. Juli 2021 startet das Projekt. Im Jahr 2022. Kommt mehr."
    assert _sentences(text) == ["[22.6.2021] Am 7. Juli 2021 startet das Projekt.", "Im Jahr 2022.", "Kommt mehr."]


def test_text_line_breaks_end_sentences_and_blank_lines_paragraphs() -> None:
    text = "Titel ohne Punkt\nZweite Zeile.\n\nNeuer Absatz. Zweiter Satz."
    doc = Doc.of(text)
    assert [text[a:b] for a, b in doc.sentences] == ["Titel ohne Punkt", "Zweite Zeile.", "Neuer Absatz.",
                                                      "Zweiter Satz."]
    assert len(doc.paragraphs) == 2
    assert doc.paragraph_of(text.index("Zweiter")) == 1
    assert doc.sentence_of(text.index("Zweiter")) == 3


def test_text_tokens_keep_compounds_and_coordinations() -> None:
    doc = Doc.of("HSH Soft- und Hardware Vertrieb, e.V. und IT-Mittelstand.")
    words = [t.text for t in doc.tokens]
    assert "Soft-" in words and "IT-Mittelstand" in words and "e.V" in words


def test_text_empty_and_whitespace() -> None:
    assert Doc.of("").sentences == []
    assert Doc.of("   \n\n  ").tokens == []


# --- the fast tokeniser and splitter must give what the plain versions give ------------------------------

def _regex_tokens(text: str) -> list[tuple[str, int, int]]:
    """The reference: every match of the token pattern, in order."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _reference_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ends found by the plain pattern (alternation first) and a character-by-character walk."""
    ends = re.compile(r"[.!?]+[\"“”»«')\]]*(?=\s)|\n")
    spans: list[tuple[int, int]] = []

    def add(start: int, end: int) -> None:
        part = text[start:end]
        if part.strip():
            start += len(part) - len(part.lstrip())
            spans.append((start, start + len(part.strip())))

    for p_start, p_end in split_paragraphs(text):
        pos = p_start
        for match in ends.finditer(text, p_start, p_end):
            if match.group() != "\n" and not _reference_boundary(text, match.start(), match.end(), p_end):
                continue
            add(pos, match.end() if match.group() != "\n" else match.start())
            pos = match.end()
        add(pos, p_end)
    return spans


def _reference_boundary(text: str, dot: int, after: int, limit: int) -> bool:
    if text[dot] != ".":
        return True
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == ".") and dot - start < 13:
        start -= 1
    word, rest = text[start:dot], text[after:limit].lstrip()
    if not rest:
        return True
    nxt = rest[0]
    if word.casefold() in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        return False
    if len(word) == 1 and word.islower() and nxt.isupper() and len(rest) >= 2 and rest[1] == "." \
            and (len(rest) == 2 or not rest[2].isalpha()):
        return False  # "a. D.", "i. R."
    if word.isdigit() and len(word) <= 2:
        return not nxt.islower() and not nxt.isdigit() and not rest.startswith(_MONTHS)
    return not nxt.islower()


TRICKY = [
    "HSH Soft- und Hardware, Städte- oder Gemeindetag, Daten-  bzw. Verwaltung",
    "(Dr. Anna Weber) sagte: „Ja.“ Danach? Nein! e.V. z.B. u.a. 22.6.2021 am 7. Juli, 90/Die Grünen.",
    "snake_case_, H&H, IT.NRW, O’Neill-Straße. ...  !? - -- —",
    "a\u00a0b\u2003c\u2028d\u200be\x1cf",
    "Ende ohne Punkt\nZeile 2.\n\n\n  Absatz (Max-Planck-Gesellschaft). x",
    "٣.٤ ² ½ Ünïcödé ß.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_text_tokenize_equals_the_token_regex(text: str) -> None:
    assert [tuple(t) for t in tokenize(text)] == _regex_tokens(text)


PIECES = [*"aZü9 .-,()/’'_&!?\n\t\u00a0“", " und ", " oder ", "bzw.", "Dr.", "z.B.", "Juli", "7.", "e.V.",
          " a. D.", "i. R. "]


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
@settings(max_examples=400, deadline=None)
def test_text_tokens_and_sentences_equal_the_plain_versions(text: str) -> None:
    doc = Doc.of(text)
    assert [tuple(t) for t in doc.tokens] == _regex_tokens(text)
    assert doc.sentences == _reference_sentences(text)


@pytest.mark.parametrize("text", TRICKY)
def test_text_sentences_equal_the_plain_version(text: str) -> None:
    assert Doc.of(text).sentences == _reference_sentences(text)


def test_text_doc_keeps_token_columns_in_step() -> None:
    doc = Doc.of("Die Stadt Tengen (Baden-Württemberg) und die AKDB.")
    assert doc.texts == [t.text for t in doc.tokens]
    assert doc.starts == [t.start for t in doc.tokens]
    assert [doc.texts[i] for i in doc.caps] == ["Die", "Stadt", "Tengen", "Baden-Württemberg", "AKDB"]


def test_text_sentences_of_and_paragraphs_of_equal_the_single_lookups() -> None:
    doc = Doc.of("  Erster Satz. Zweiter Satz.\n\nNeuer Absatz mit z.B. Abkürzung. Ende")
    offsets = list(range(len(doc.text) + 1))
    assert doc.sentences_of(offsets) == [doc.sentence_of(o) for o in offsets]
    assert doc.paragraphs_of(offsets) == [doc.paragraph_of(o) for o in offsets]
    assert doc.sentences_of(offsets)[0] == 0 and doc.paragraphs_of(offsets)[-1] == 1
