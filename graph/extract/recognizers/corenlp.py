"""Optional recogniser backed by Stanford CoreNLP's German named-entity CRF.

Why it exists: the shipped ``crf`` model is trained on the open corpora at hand
(historic newspapers, mobility tweets) and reaches F1 0.62 on GermEval 2014 dev;
CoreNLP's German model, trained on newspaper text with word clusters from a
large German corpus, reaches about 0.8 there. It needs Java and a one-time
download from Maven Central (see :mod:`graph.extract.corenlp`), so it is opt-in:
``SKG_EXTRACTORS=rules,corenlp``.

It tags skg's own tokens sentence by sentence, so offsets are skg's. Its spans
are low-priority guesses like the ``crf``'s: every rule candidate (curated
actors, legal forms, gazetteer places with a cue) wins an overlap.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from graph.extract.candidates import Candidate
from graph.extract.context import Context
from graph.extract.corenlp.process import shared_tagger
from graph.extract.corenlp.toolchain import tagger_command
from graph.extract.recognizers.guesses import guess_candidate
from graph.extract.registry import register
from graph.settings import Settings

MAX_SENTENCE_TOKENS = 200  # longer "sentences" (lists, 1 MB paragraphs) are tagged in windows
_TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}  # MISC is not an entity here


def io_spans(words: Sequence[str], labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, PER|ORG|LOC)`` of runs of one IO label.

    CoreNLP's German model labels tokens without B-/I- prefixes, so a run of one
    label is one name. Leading lower-case words are cut off: the model sometimes
    pulls a preposition into a name ("vom Bundesverband ...").

    >>> io_spans(["vom", "Bundesverband", "IT", "in", "Berlin"],
    ...          ["ORGANIZATION", "ORGANIZATION", "ORGANIZATION", "O", "LOCATION"])
    [(1, 3, 'ORG'), (4, 5, 'LOC')]
    """
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(labels):
        typ = _TYPES.get(labels[i])
        j = i + 1
        while j < len(labels) and labels[j] == labels[i]:
            j += 1
        if typ is not None:
            start = i
            while start < j and words[start][:1].islower():
                start += 1
            if start < j:
                spans.append((start, j, typ))
        i = j
    return spans


@register("corenlp", version="1.0")
class CoreNlpRecognizer:
    """PER/ORG/LOC from CoreNLP's German CRF, typed by the project's word lists and gazetteer."""

    name: str
    version: str

    def __init__(self, command: list[str], settings: Settings) -> None:
        self.command = command
        self.log = settings.home_path / "corenlp" / "tagger.log"
        self.version = f"1.0+corenlp-{settings.corenlp_version}"
        shared_tagger(command, self.log)  # load the model now: a failure shows before any work

    @classmethod
    def create(cls, settings: Settings) -> CoreNlpRecognizer:
        """Fetch and compile on first use (Maven, javac), then start the tagger process."""
        return cls(tagger_command(settings), settings)

    def recognize(self, ctx: Context) -> list[Candidate]:
        """Tag every sentence window that has a capitalised word; spans become guessed candidates."""
        tokens = ctx.doc.tokens
        windows = self._windows(ctx)
        if not windows:
            return []
        words = [ctx.doc.texts[lo:hi] for lo, hi in windows]
        labels = shared_tagger(self.command, self.log).tag(words)
        tag = f"{self.name}@{self.version}"
        out: list[Candidate] = []
        for (lo, _), sentence, sentence_labels in zip(windows, words, labels, strict=True):
            for a, b, typ in io_spans(sentence, sentence_labels):
                cand = guess_candidate(ctx, tokens[lo + a].start, tokens[lo + b - 1].end, typ, tag)
                if cand is not None:
                    out.append(cand)
        return out

    @staticmethod
    def _windows(ctx: Context) -> list[tuple[int, int]]:
        """Token ranges of the sentences (long ones cut into windows) worth tagging."""
        starts = [t.start for t in ctx.doc.tokens]
        out = []
        for s_start, s_end in ctx.doc.sentences:
            lo, hi = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
            for w_lo in range(lo, hi, MAX_SENTENCE_TOKENS):
                w_hi = min(w_lo + MAX_SENTENCE_TOKENS, hi)
                if any(w[:1].isupper() for w in ctx.doc.texts[w_lo:w_hi]):
                    out.append((w_lo, w_hi))
        return out
