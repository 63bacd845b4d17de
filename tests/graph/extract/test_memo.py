"""Word memo tables: each word computed once, bounded in size."""

from __future__ import annotations

from graph.extract.memo import WordMemo


def test_memo_computes_each_word_once_and_answers_like_the_function() -> None:
    calls: list[str] = []

    def shout(word: str) -> str:
        calls.append(word)
        return word.upper()

    memo = WordMemo(shout)
    assert memo.of(["Stadt", "Kreis", "Stadt"]) == ["STADT", "KREIS", "STADT"]
    assert memo["Kreis"] == "KREIS"
    assert calls == ["Stadt", "Kreis"]


def test_memo_starts_over_when_full() -> None:
    memo = WordMemo(len, limit=2)
    memo.of(["a", "bb"])
    assert memo.of(["ccc"]) == [3]
    assert dict(memo) == {"ccc": 3}
