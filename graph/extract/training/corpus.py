"""Token/label sentences: reading the CoNLL training files, and labelling texts by character spans."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from graph.errors import InputError
from graph.extract.text import Doc

Sentence = tuple[list[str], list[str]]  # tokens, IOB2 labels (PER/ORG/LOC)
LABELS = frozenset({"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"})


def read_conll(path: Path) -> Iterator[Sentence]:
    """Sentences of a ``token<TAB>label`` file with blank lines between sentences.

    Labels outside PER/ORG/LOC become ``O``; a malformed line stops with its number.
    """
    words: list[str] = []
    labels: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    yield words, labels
                words, labels = [], []
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                raise InputError("expected token<TAB>label", path=str(path), line=number,
                                 hint="fix the line or remove the file from the training set")
            words.append(parts[0])
            labels.append(parts[-1] if parts[-1] in LABELS else "O")
    if words:
        yield words, labels


def label_text(text: str, spans: Sequence[tuple[int, int, str]]) -> Sentence:
    """Tokens of ``text`` (the runtime tokeniser) with IOB2 labels from character spans.

    >>> label_text("Anna Weber aus Tengen.", [(0, 10, "PER"), (15, 21, "LOC")])
    (['Anna', 'Weber', 'aus', 'Tengen', '.'], ['B-PER', 'I-PER', 'O', 'B-LOC', 'O'])
    """
    tokens = Doc.of(text).tokens
    labels = ["O"] * len(tokens)
    for start, end, typ in spans:
        inside = [i for i, tok in enumerate(tokens) if tok.start >= start and tok.end <= end]
        for n, i in enumerate(inside):
            labels[i] = f"{'B' if n == 0 else 'I'}-{typ}"
    return [tok.text for tok in tokens], labels
