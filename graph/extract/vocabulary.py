"""German noun vocabulary: is a capitalised word a common noun, a name, or unknown?

German capitalises every noun, so capitalisation alone does not mark a name.
The shipped list ``data/lexicon/nouns-de.tsv.gz`` (built from the German
Wiktionary by :mod:`graph.extract.training.build_nouns`) tells the CRF's
features which capitalised words are ordinary nouns ("Rettungspaket"),
which are known names ("Parker", "Aachen"), and, through the last part of a
compound ("Linien|bussen"), which unseen long words are nouns as well.

>>> vocab = noun_vocabulary()
>>> vocab.kind("Oberschenkel"), vocab.kind("Aachen"), vocab.kind("Sampras")
('noun', 'name', None)
>>> vocab.compound_head("Fluorchlorkohlenwasserstoffe")
True
>>> vocab.compound_head("Tomaszów")
False
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache

from graph.errors import ExtractionError
from graph.resources import data_path

NOUNS_FILE = ("lexicon", "nouns-de.tsv.gz")
MIN_HEAD = 4  # shortest compound head looked up ("Bus" would match too many names)
MIN_MODIFIER = 3  # shortest first part of a compound


@dataclass(frozen=True, eq=False)
class NounVocabulary:
    """Common-noun and proper-noun word forms (exact spelling)."""

    common: frozenset[str]
    proper: frozenset[str]

    def kind(self, word: str) -> str | None:
        """``"noun"`` for a common-noun form, ``"name"`` for a listed name, else ``None``."""
        if word in self.proper:
            return "name"
        if word in self.common:
            return "noun"
        return None

    def compound_head(self, word: str) -> bool:
        """Whether ``word`` ends in a common noun of at least :data:`MIN_HEAD` letters ("…wasserstoffe").

        Only for words not listed themselves; the head is tried capitalised, as
        it is written on its own ("Rettungs|paket" → "Paket").
        """
        if len(word) < MIN_MODIFIER + MIN_HEAD or not word.isalpha():
            return False
        for cut in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
            if word[cut:].capitalize() in self.common:
                return True
        return False


@lru_cache(maxsize=1)
def noun_vocabulary() -> NounVocabulary:
    """The shipped list, read once per process (about 0.2 s)."""
    path = data_path(*NOUNS_FILE)
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError) as exc:
        raise ExtractionError(f"cannot read the noun list: {exc}", path=str(path),
                              hint="reinstall stakeholder-graph, or rebuild it with "
                                   "`python -m graph.extract.training.build_nouns`") from None
    common: list[str] = []
    proper: list[str] = []
    for line in text.splitlines():
        tag, _, word = line.partition("\t")
        (proper if tag == "p" else common).append(word)
    return NounVocabulary(frozenset(common), frozenset(proper))
