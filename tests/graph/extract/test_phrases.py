"""The token-sequence dictionary matcher."""

from __future__ import annotations

from graph.extract.phrases import PhraseMatcher
from graph.extract.text import Doc


def test_phrases_longest_match_first_at_every_position() -> None:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for phrase in ("Freiburg", "Freiburg im Breisgau", "Breisgau"):
        matcher.add(phrase, phrase)
    doc = Doc.of("In Freiburg im Breisgau und Freiburg.")
    hits = [(i, end, name) for i, end, name in matcher.scan(doc.tokens)]
    assert hits == [(1, 4, "Freiburg im Breisgau"), (1, 2, "Freiburg"), (3, 4, "Breisgau"), (5, 6, "Freiburg")]


def test_phrases_folded_matcher_ignores_case_and_umlaut_spelling_only_cap_skips_lower() -> None:
    matcher: PhraseMatcher[int] = PhraseMatcher(folded=True)
    matcher.add("Köln", 1)
    doc = Doc.of("KOELN, Köln und köln")
    assert matcher.keys_of(doc.tokens) == ["koeln", ",", "koeln", "und", "koeln"]
    assert [i for i, _, _ in matcher.scan(doc.tokens)] == [0, 2, 4]
    assert [i for i, _, _ in matcher.scan(doc.tokens, only_cap=True)] == [0, 2]


def test_phrases_accept_filters_and_shared_keys_are_used() -> None:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    matcher.add("AKDB", "akdb")
    doc = Doc.of("AKDB und AKDB")
    assert [i for i, _, _ in matcher.scan(doc.tokens, accept=lambda i, end, p: i > 0)] == [2]
    assert [i for i, _, _ in matcher.scan(doc.tokens, keys=doc.texts)] == [0, 2]
    assert len(matcher) == 1


def test_phrases_scan_at_capitals_equals_the_only_cap_scan() -> None:
    matcher: PhraseMatcher[str] = PhraseMatcher(folded=True)
    for phrase in ("Frankfurt", "Frankfurt (Oder)", "Frankfurt am Main", "Oder", "main"):
        matcher.add(phrase, phrase)
    doc = Doc.of("FRANKFURT (ODER) und frankfurt am Main, nicht main; Frankfurt am main.")
    expected = list(matcher.scan(doc.tokens, only_cap=True))
    assert list(matcher.scan_at(doc.texts, doc.caps)) == expected
    assert [(i, end) for i, end, _ in expected] == [(0, 4), (0, 1), (2, 3), (7, 8), (12, 15), (12, 13)]
