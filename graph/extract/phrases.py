"""A token-sequence dictionary matcher (the role spaCy's PhraseMatcher plays).

Phrases are tokenised with the document tokeniser and stored in a dict keyed
by their first token; under it, per phrase length, a dict from the remaining
tokens to the payloads. A scan costs one dict lookup per token plus one per
phrase length starting there: linear in the text. (Comparing each phrase that
starts with the token instead meant 299 comparisons after "Landkreis" and
about 440 per benchmark article for the actor and place lists.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import Generic, TypeVar

from graph.extract.memo import WordMemo
from graph.extract.text import _TOKEN, Token
from graph.model.ids import fold

T = TypeVar("T")
_text = attrgetter("text")


def tokenize(phrase: str) -> tuple[str, ...]:
    """The token texts of a phrase, as the document tokeniser would cut them."""
    return tuple(m.group() for m in _TOKEN.finditer(phrase))


@dataclass
class PhraseMatcher(Generic[T]):
    """Map token sequences to payloads; find the longest match at each position.

    ``folded`` matchers compare case- and umlaut-folded tokens (place names);
    exact matchers compare tokens as written (acronyms like "KDO" vs "Kdo").
    """

    folded: bool = False
    # first token → (phrase length, remaining tokens → payloads in the order added), longest first
    _index: dict[str, list[tuple[int, dict[tuple[str, ...], list[T]]]]] = field(default_factory=dict)
    _size: int = 0

    def key(self, token: str) -> str:
        """How a token is compared."""
        return fold_token(token) if self.folded else token

    def add(self, phrase: str, payload: T) -> None:
        """Register ``phrase`` (ignored when it has no tokens)."""
        toks = tuple(self.key(t) for t in tokenize(phrase))
        if not toks:
            return
        groups = self._index.setdefault(toks[0], [])
        for size, rests in groups:
            if size == len(toks):
                rests.setdefault(toks[1:], []).append(payload)
                break
        else:
            groups.append((len(toks), {toks[1:]: [payload]}))
            groups.sort(key=lambda group: -group[0])
        self._size += 1

    def __len__(self) -> int:
        return self._size

    def keys_of(self, tokens: list[Token]) -> list[str]:
        """The comparison keys of a token list (compute once, share between scans)."""
        texts = map(_text, tokens)
        return list(map(fold_token, texts) if self.folded else texts)

    def scan(self, tokens: list[Token], accept: Callable[[int, int, T], bool] | None = None,
             keys: list[str] | None = None, only_cap: bool = False) -> Iterator[tuple[int, int, T]]:
        """Yield (start, end token index, payload) for every match, all positions, longest first."""
        keys = keys if keys is not None else self.keys_of(tokens)
        index = self._index
        n = len(keys)
        # the positions where some phrase starts, found by C loops (most tokens start none)
        for i in list(compress(range(n), map(index.__contains__, keys))):
            if only_cap and not tokens[i].text[:1].isupper():
                continue
            for size, rests in index[keys[i]]:
                payloads = rests.get(tuple(keys[i + 1:i + size])) if i + size <= n else None
                for payload in payloads or ():
                    if accept is None or accept(i, i + size, payload):
                        yield i, i + size, payload


    def scan_at(self, texts: list[str], positions: list[int]) -> Iterator[tuple[int, int, T]]:
        """What :meth:`scan` with ``only_cap`` yields when ``positions`` are the capitalised tokens.

        Only the tokens at ``positions`` (ascending indices) and the few after a
        hit are keyed: the gazetteer scan starts only at capitalised tokens
        (about 45 % of them), so folding every token did twice the work.
        """
        index = self._index
        n = len(texts)
        keys = self._keys(map(texts.__getitem__, positions))
        for h in list(compress(range(len(keys)), map(index.__contains__, keys))):
            i = positions[h]
            groups = index[keys[h]]
            # the keys after the hit, as many as the longest phrase here needs (the first group)
            after = tuple(self._keys(texts[i + 1:i + groups[0][0]]))
            for size, rests in groups:
                payloads = rests.get(after[:size - 1]) if i + size <= n else None
                for payload in payloads or ():
                    yield i, i + size, payload

    def _keys(self, texts: Iterable[str]) -> list[str]:
        return _FOLDED.of(texts) if self.folded else list(texts)


@lru_cache(maxsize=200_000)
def fold_token(token: str) -> str:
    """:func:`graph.model.ids.fold` of one token, memoised (tokens repeat across documents)."""
    return fold(token)


_FOLDED = WordMemo(fold)  # fold_token's answers, looked up without the lru_cache overhead (see memo.py)
