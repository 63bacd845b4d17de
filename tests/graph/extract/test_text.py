"""Sentence and paragraph splitting."""

from __future__ import annotations

from graph.extract.text import Doc


def _sentences(text: str) -> list[str]:
    doc = Doc.of(text)
    return [text[a:b] for a, b in doc.sentences]


def test_text_abbreviations_do_not_end_sentences() -> None:
    text = "Dr. Anna Weber sprach u.a. über z.B. Cloud-Dienste. Danach ging es weiter."
    assert _sentences(text) == ["Dr. Anna Weber sprach u.a. über z.B. Cloud-Dienste.", "Danach ging es weiter."]


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
