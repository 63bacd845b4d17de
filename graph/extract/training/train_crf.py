"""Train ``data/models/ner-crf-de.crfsuite`` from ../shared training corpora plus our own sentences.

    python -m graph.extract.training.train_crf [--shared ../shared] [--out PATH] [--iterations 100]
    python -m graph.extract.training.train_crf --holdout 0.3,0.05   # score on held-out training data

Reads every ``data/ner/train/*/train.coarse.conll`` under ``--shared`` (never
the dev sets, which are only for ``skg eval``) and the sentences of
:mod:`graph.extract.training.synthetic`. Features come from the fresh-install
word lists and gazetteer (the shipped official list), so the result does not
depend on a local `skg gazetteer import`. Only this script reads ../shared; the runtime reads the
model file.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from graph.errors import InputError
from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import load_lexicon
from graph.extract.recognizers.crf import (
    MODEL_FILE,
    FeatureCache,
    sentence_features,
    spans_of,
    word_lists,
)
from graph.extract.training.corpus import Sentence, read_conll
from graph.extract.training.synthetic import generate
from graph.resources import data_path
from graph.settings import load_settings

DEFAULT_SHARED = Path(__file__).resolve().parents[3].parent / "shared"
KEEP_EMPTY = 10**9  # keep only the first name-free sentence of each corpus
PARAMS = {"c1": 0.8, "c2": 0.05, "feature.possible_transitions": True, "feature.minfreq": 2}


def corpora(shared: Path) -> list[Path]:
    """The training files (dev sets live elsewhere and are never read here)."""
    files = sorted((shared / "data" / "ner" / "train").glob("*/train.coarse.conll"))
    if not files:
        raise InputError("no training corpora found", path=str(shared / "data" / "ner" / "train"),
                         hint="pass --shared pointing at the shared folder")
    return files


def _annotated(sentence: Sentence) -> bool:
    return any(label != "O" for label in sentence[1])


def training_sentences(shared: Path, synthetic: int, keep_empty: int = KEEP_EMPTY
                       ) -> tuple[list[Sentence], dict[str, int]]:
    """The corpus sentences that contain a name (plus every ``keep_empty``-th without), our own, counts.

    Why drop most name-free corpus sentences: the OCR corpora leave many names
    unannotated, mostly in long name-free stretches; trained on them, the
    model learns that capitalised names are usually "O" (CRF alone on a
    held-out check: far lower recall). Our template sentences keep their
    name-free examples.
    """
    lexicon = load_lexicon()
    gazetteer = Gazetteer.load(load_settings(env={"SKG_HOME": "/nonexistent"}, use_file=False))
    out: list[Sentence] = []
    counts: dict[str, int] = {}
    for path in corpora(shared):
        sentences = [s for i, s in enumerate(read_conll(path)) if _annotated(s) or i % keep_empty == 0]
        counts[path.parent.name] = len(sentences)
        out.extend(sentences)
    own = generate(lexicon, gazetteer, synthetic)
    counts["synthetic"] = len(own)
    return out + own, counts


def train(shared: Path, out: Path, iterations: int, synthetic: int) -> dict[str, object]:
    """Train and save the model; returns what was done (sizes, counts, seconds)."""
    import pycrfsuite

    began = time.perf_counter()
    sentences, counts = training_sentences(shared, synthetic)
    lexicon = load_lexicon()
    gazetteer = Gazetteer.load(load_settings(env={"SKG_HOME": "/nonexistent"}, use_file=False))
    cache = FeatureCache(word_lists(lexicon, gazetteer))
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, labels in sentences:
        trainer.append(sentence_features(words, cache), labels)
    trainer.set_params({**PARAMS, "max_iterations": iterations})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return {"model": str(out), "bytes": out.stat().st_size, "sentences": counts,
            "seconds": round(time.perf_counter() - began, 1),
            "params": {**PARAMS, "max_iterations": iterations}}


def holdout(shared: Path, c1: float, c2: float, iterations: int, synthetic: int,
            every: int = 10) -> dict[str, object]:
    """Strict span F1 on every ``every``-th training sentence after training on the rest.

    How the regularisation is chosen without looking at the dev sets.
    """
    import pycrfsuite

    sentences, _ = training_sentences(shared, synthetic)
    lexicon = load_lexicon()
    gazetteer = Gazetteer.load(load_settings(env={"SKG_HOME": "/nonexistent"}, use_file=False))
    cache = FeatureCache(word_lists(lexicon, gazetteer))
    trainer = pycrfsuite.Trainer(verbose=False)
    test = [s for i, s in enumerate(sentences) if i % every == 0]
    for i, (words, labels) in enumerate(sentences):
        if i % every:
            trainer.append(sentence_features(words, cache), labels)
    trainer.set_params({**PARAMS, "c1": c1, "c2": c2, "max_iterations": iterations})
    path = Path(f"/tmp/skg-crf-holdout-{c1}-{c2}.crfsuite")
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    tp = fp = fn = 0
    for words, labels in test:
        gold = set(spans_of(labels))
        pred = set(spans_of(tagger.tag(sentence_features(words, cache))))
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"c1": c1, "c2": c2, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "test_sentences": len(test)}


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--synthetic", type=int, default=3000)
    parser.add_argument("--holdout", metavar="C1,C2", default=None,
                        help="score these regularisation weights on a 10%% held-out training slice instead")
    args = parser.parse_args(argv)
    if args.holdout:
        c1, c2 = (float(x) for x in args.holdout.split(","))
        print(json.dumps(holdout(args.shared, c1, c2, args.iterations, args.synthetic)))
        return
    out = args.out or data_path(*MODEL_FILE)
    print(json.dumps(train(args.shared, out, args.iterations, args.synthetic), indent=2))


if __name__ == "__main__":
    main()
