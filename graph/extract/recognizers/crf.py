"""Statistical recogniser: a linear-chain CRF (python-crfsuite) over the rule tokens.

Why a CRF: the rules only find names that carry a cue (a known first name, a
legal form, a gazetteer place after "in"). A CRF learns the contexts in
which capitalised words are names. Its features mix word identity with the
project's own word lists (first names, curated actors, legal forms,
organisation heads, places), which carry over from the historical training
corpora to modern Kommune21 text better than word identities alone.

The model ships in ``data/models/ner-crf-de.crfsuite`` (reproduce it with
``python -m graph.extract.training.train_crf``) and is opened on first use.
Its spans are low-priority guesses: the pipeline's settle pass lets every
rule candidate win an overlap, so the CRF only adds names the rules missed.

>>> from graph.settings import load_settings
>>> from graph.extract.pipeline import ExtractionPipeline
>>> s = load_settings(env={"SKG_HOME": "/nonexistent", "SKG_EXTRACTORS": "rules,crf"}, use_file=False)
>>> doc = ExtractionPipeline.from_settings(s).extract(
...     Article(id="a", source="x", text="Der Kämmerer Torsten Quabeck lobte die Verwaltung."))
>>> [(m.text, str(m.type)) for m in doc.mentions]
[('Torsten Quabeck', 'PERSON')]
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from graph.errors import ExtractionError
from graph.extract.candidates import Candidate
from graph.extract.context import Context
from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import Lexicon
from graph.extract.recognizers.guesses import guess_candidate
from graph.extract.recognizers.places import world_cities
from graph.extract.registry import register
from graph.extract.vocabulary import NounVocabulary, noun_vocabulary
from graph.model.article import Article  # noqa: F401 - used by the doctest
from graph.resources import data_path
from graph.settings import Settings

MODEL_FILE = ("models", "ner-crf-de.crfsuite")
MAX_SENTENCE_TOKENS = 200  # longer "sentences" (lists, 1 MB paragraphs) are tagged in windows
# A token whose marginal probability of "O" is below this gets its best name label even where
# the Viterbi path says "O" (1.0 = off). The training corpora leave names unannotated, so the
# model is shy of names; on GermEval dev 0.8 lifts the CRF alone from F1 0.43 to 0.50 but
# lowers rules+crf from 0.58 to 0.57 (too many boundary errors), hence off by default.
MAX_OUTSIDE = 1.0
MIN_MARGINAL = 0.0  # spans whose least sure label has a lower marginal probability are dropped


# ---------------------------------------------------------------- features


@dataclass(frozen=True, eq=False)
class WordLists:
    """The lexicon and gazetteer facts the features ask about, as fast sets."""

    first_names: frozenset[str]
    actor_words: frozenset[str]
    legal_words: frozenset[str]
    heads: frozenset[str]
    head_suffixes: tuple[str, ...]
    trailing: frozenset[str]
    locations: frozenset[str]
    roles: frozenset[str]
    gazetteer: Gazetteer
    census: PersonNames
    world: frozenset[str]
    nouns: NounVocabulary


_LISTS: dict[tuple[int, int], tuple[Lexicon, Gazetteer, WordLists]] = {}


def word_lists(lexicon: Lexicon, gazetteer: Gazetteer) -> WordLists:
    """Sets derived once per (lexicon, gazetteer) pair (kept alive with them, so ids stay unique)."""
    key = (id(lexicon), id(gazetteer))
    if key not in _LISTS:
        if len(_LISTS) >= 4:
            _LISTS.pop(next(iter(_LISTS)))
        _LISTS[key] = (lexicon, gazetteer, _make_lists(lexicon, gazetteer))
    return _LISTS[key][2]


def _make_lists(lexicon: Lexicon, gazetteer: Gazetteer) -> WordLists:
    actor_words = {w for a in lexicon.actors for name in (a.canonical, *a.aliases) for w in name.split()
                   if w[:1].isupper() and len(w) > 1}
    legal = {w for form in lexicon.legal_forms for w in form.split() if w not in {"&", "Co.", "Co"}}
    suffixes = tuple(h.casefold() for h, (_, suffix) in lexicon.org_heads.items() if suffix)
    return WordLists(
        first_names=lexicon.first_names, actor_words=frozenset(actor_words),
        legal_words=frozenset(legal | {w.rstrip(".") for w in legal}),
        heads=frozenset(lexicon.org_heads), head_suffixes=suffixes,
        trailing=frozenset(lexicon.trailing_heads),
        locations=frozenset(w for name in lexicon.locations for w in name.split()),
        roles=frozenset(lexicon.role_nouns), gazetteer=gazetteer,
        census=person_names(), world=world_cities(), nouns=noun_vocabulary(),
    )


@dataclass(frozen=True)
class PersonNames:
    """US census name frequencies (package ``names``, public-domain data): surname rank tiers, first names.

    Why: GermEval-style text names many people by surname alone ("Merkel",
    "Berlusconi"); the census lists cover German, European and other
    surnames far beyond the project's own first-name list.
    """

    surname_tier: dict[str, str]
    first: frozenset[str]


@lru_cache(maxsize=1)
def person_names() -> PersonNames:
    """Read the lists shipped inside the ``names`` package."""
    try:
        from importlib.resources import files

        root = files("names")
    except ModuleNotFoundError:
        raise ExtractionError("the `crf` extractor needs the `names` package (person-name lists)",
                              hint="pip install names, or set extractors=rules") from None
    tiers: dict[str, str] = {}
    for rank, line in enumerate(root.joinpath("dist.all.last").read_text(encoding="ascii").splitlines()):
        if line.strip():
            tiers[line.split()[0]] = "sn1" if rank < 2000 else "sn2" if rank < 20000 else "sn3"
    first = {line.split()[0] for name in ("dist.male.first", "dist.female.first")
             for line in root.joinpath(name).read_text(encoding="ascii").splitlines() if line.strip()}
    return PersonNames(tiers, frozenset(first))


_ASCII = str.maketrans({"Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "SS", "É": "E", "È": "E", "Á": "A", "Ó": "O"})


def _census_flags(word: str, names: PersonNames) -> list[str]:
    """Census memberships of a capitalised word (umlauts spelled out, genitive -s tried)."""
    key = word.upper().translate(_ASCII)
    flags = []
    tier = names.surname_tier.get(key) or (names.surname_tier.get(key[:-1]) if key.endswith("S") else None)
    if tier:
        flags.append(tier)
    if key in names.first:
        flags.append("cfirst")
    return flags


def shape(word: str) -> str:
    """Collapsed character classes: "Müller" → "Xx", "IT.NRW" → "X.X", "2024" → "d"."""
    out: list[str] = []
    for ch in word:
        cls = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out[:6])


def _lex_flags(word: str, lists: WordLists) -> list[str]:
    """Word-list memberships of one word."""
    flags = []
    if word in lists.first_names:
        flags.append("first")
    if word in lists.actor_words:
        flags.append("actor")
    if word in lists.legal_words:
        flags.append("legal")
    if word in lists.heads or word in lists.trailing or (
            len(word) > 6 and word[:1].isupper() and word.casefold().endswith(lists.head_suffixes)):
        flags.append("head")
    if word in lists.locations:
        flags.append("loc")
    if word in lists.roles or (word.endswith("in") and word[:-2] in lists.roles):
        flags.append("role")
    if word[:1].isupper() and len(word) > 2:
        if lists.gazetteer.candidates(word):
            flags.append("place")
        if word in lists.world:
            flags.append("world")
        if word.isalpha():
            flags.extend(_census_flags(word, lists.census))
        flags.extend(_noun_flags(word, lists.nouns))
    return flags


def _noun_flags(word: str, nouns: NounVocabulary) -> list[str]:
    """Whether a capitalised word is a listed common noun, a listed name, or ends in a noun."""
    kind = nouns.kind(word)
    if kind is None and word.isupper() and len(word) > 3:
        kind = nouns.kind(word.capitalize())
    if kind is not None:
        return [kind]
    return ["nhead"] if nouns.compound_head(word) else []


_OFFSETS = (-2, -1, 1, 2)
_EDGE = {off: [f"{off}:BOS" if off < 0 else f"{off}:EOS"] for off in _OFFSETS}


class WordFeatures(NamedTuple):
    """One word's feature strings: about itself, as seen from each neighbour offset, lower-cased."""

    own: list[str]
    seen: dict[int, list[str]]  # offset → prefixed features ("-1:w=stadt", "-1:s=Xx", …)
    low: str


class FeatureCache:
    """Per-word feature strings, computed once: words repeat across sentences and articles."""

    def __init__(self, lists: WordLists, limit: int = 200_000) -> None:
        self.lists = lists
        self.limit = limit
        self._words: dict[str, WordFeatures] = {}

    def get(self, word: str) -> WordFeatures:
        """The features of ``word`` (made on first sight)."""
        found = self._words.get(word)
        return found if found is not None else self._make(word)

    def own(self, word: str) -> list[str]:
        """Features a token contributes about itself."""
        return self.get(word).own

    def _make(self, word: str) -> WordFeatures:
        if len(self._words) >= self.limit:
            self._words.clear()
        low = word.lower()
        shp = shape(word)
        flags = [f"l={f}" for f in _lex_flags(word, self.lists)]
        own = ["b", f"w={low}", f"s={shp}", f"p3={low[:3]}", f"x2={low[-2:]}", f"x3={low[-3:]}",
               f"x4={low[-4:]}", *flags]
        if word[:1].isupper():
            own.append("cap")
        if word.isupper() and len(word) > 1:
            own.append("allcap")
        if "-" in word:
            own.append("hyph")
        near = [f"w={low}", f"s={shp}", *flags]  # ±1 see all of these, ±2 only the word
        seen = {off: [f"{off}:{f}" for f in (near if abs(off) == 1 else near[:1])] for off in _OFFSETS}
        made = WordFeatures(own, seen, low)
        self._words[word] = made
        return made


def sentence_features(words: Sequence[str], cache: FeatureCache) -> list[list[str]]:
    """CRF feature lists for one sentence of tokens (identical in training and tagging)."""
    n = len(words)
    info = [cache.get(w) for w in words]
    out: list[list[str]] = []
    for i, here in enumerate(info):
        feats = list(here.own)
        if i == 0:
            feats.append("first")
        for off in _OFFSETS:
            j = i + off
            feats += info[j].seen[off] if 0 <= j < n else _EDGE[off]
        if i > 0:
            feats.append(f"bi=${info[i - 1].low}|{here.low}")
        out.append(feats)
    return out


def spans_of(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(first, last+1, type)`` of IOB2 labels (a stray I- opens a span).

    >>> spans_of(["B-PER", "I-PER", "O", "I-LOC", "B-ORG"])
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'ORG')]
    """
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        tag, _, typ = label.partition("-")
        if start >= 0 and (tag != "I" or typ != kind):
            spans.append((start, i, kind))
            start = -1
        if tag == "B" or (tag == "I" and start < 0):
            start, kind = i, typ
    return spans


# ---------------------------------------------------------------- recogniser

_LOCK = threading.Lock()


@lru_cache(maxsize=2)
def open_tagger(path: Path) -> Any:
    """The crfsuite tagger of ``path`` (opened once per process)."""
    try:
        import pycrfsuite
    except ImportError:
        raise ExtractionError("the `crf` extractor needs python-crfsuite, which is not installed",
                              hint="pip install python-crfsuite, or set extractors=rules") from None
    if not path.is_file():
        raise ExtractionError("the CRF model file is missing", path=str(path),
                              hint="run `python -m graph.extract.training.train_crf`, "
                                   "or set extractors=rules")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


@register("crf", version="1.1")
class CrfRecognizer:
    """PER/ORG/LOC spans of the shipped CRF model, as low-priority guesses."""

    name: str
    version: str

    max_outside = MAX_OUTSIDE
    min_marginal = MIN_MARGINAL

    def __init__(self, path: Path) -> None:
        self.path = path
        self._cache: FeatureCache | None = None

    @classmethod
    def create(cls, settings: Settings) -> CrfRecognizer:
        """Checks the model file exists; the tagger itself is opened on first use."""
        path = data_path(*MODEL_FILE)
        if not path.is_file():
            raise ExtractionError("the CRF model file is missing", path=str(path),
                                  hint="run `python -m graph.extract.training.train_crf`, "
                                       "or set extractors=rules")
        return cls(path)

    def recognize(self, ctx: Context) -> list[Candidate]:
        """Tag every sentence and turn the labelled spans into candidates."""
        tagger = open_tagger(self.path)
        cache = self._features(ctx)
        tag = f"{self.name}@{self.version}"
        tokens = ctx.doc.tokens
        starts = [t.start for t in tokens]
        out: list[Candidate] = []
        for s_start, s_end in ctx.doc.sentences:
            lo, hi = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
            for w_lo in range(lo, hi, MAX_SENTENCE_TOKENS):
                w_hi = min(w_lo + MAX_SENTENCE_TOKENS, hi)
                words = ctx.doc.texts[w_lo:w_hi]
                if not any(w[:1].isupper() for w in words):
                    continue
                with _LOCK:  # a crfsuite Tagger keeps per-call state
                    labels = tagger.tag(sentence_features(words, cache))
                    if self.max_outside < 1.0:
                        labels = _lenient(tagger, labels, self.max_outside)
                    spans = [(a, b, typ, _sureness(tagger, labels, a, b)) for a, b, typ in spans_of(labels)]
                for a, b, typ, sure in spans:
                    if sure < self.min_marginal:
                        continue
                    cand = guess_candidate(ctx, tokens[w_lo + a].start, tokens[w_lo + b - 1].end, typ, tag)
                    if cand is not None:
                        out.append(cand.moved(confidence=round(0.6 * sure, 3)))
        return out

    def _features(self, ctx: Context) -> FeatureCache:
        lists = word_lists(ctx.lexicon, ctx.gazetteer)
        if self._cache is None or self._cache.lists is not lists:
            self._cache = FeatureCache(lists)
        return self._cache



def _lenient(tagger: Any, labels: list[str], max_outside: float) -> list[str]:
    """Labels where every token with P(O) < ``max_outside`` takes its most probable name label."""
    out = list(labels)
    for i, label in enumerate(labels):
        if label == "O" and tagger.marginal("O", i) < max_outside:
            out[i] = max(_NAME_LABELS, key=lambda lab: tagger.marginal(lab, i))
    return out


def _sureness(tagger: Any, labels: Sequence[str], a: int, b: int) -> float:
    """The lowest marginal probability among the labels of tokens ``a..b`` (of the last tag() call)."""
    return min(tagger.marginal(labels[i], i) for i in range(a, b))


_NAME_LABELS = ("B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
