"""Evaluation of the extraction stage against gold files (`skg eval`).

Public API::

    evaluate_file(path, settings, options=None, extractor=None) -> EvalResult
    EvalOptions(extractors, include_other, include_partderiv, exclude, limit, errors)
    EvalResult(.score: Score | None, .checks: list[CheckItem], .errors: list[ErrorExample], .as_dict())
    detect_format(path) -> "seed" | "germeval" | "jsonl"
    read_germeval(path, include_other=False, include_partderiv=False) -> list[GoldDocument]
    read_span_jsonl(path, exclude=frozenset()) -> list[GoldDocument]
    check_seed(expected, articles, resolution) -> list[CheckItem]
    count_strict(gold, pred), count_overlap(gold, pred), strict_errors(gold, pred), micro(table),
    score_corpus(pairs), load_extractor(settings, extractors=None), mention_spans(mentions)
"""

from graph.extract.evaluation.predict import COARSE_LABEL, Extractor, load_extractor, mention_spans
from graph.extract.evaluation.readers import GoldDocument, detect_format, read_germeval, read_span_jsonl
from graph.extract.evaluation.runner import ErrorExample, EvalOptions, EvalResult, evaluate_file
from graph.extract.evaluation.scorer import (
    Counts,
    Score,
    Span,
    count_overlap,
    count_strict,
    micro,
    score_corpus,
    strict_errors,
)
from graph.extract.evaluation.seed import CheckItem, check_seed

__all__ = [
    "COARSE_LABEL",
    "CheckItem",
    "Counts",
    "ErrorExample",
    "EvalOptions",
    "EvalResult",
    "Extractor",
    "GoldDocument",
    "Score",
    "Span",
    "check_seed",
    "count_overlap",
    "count_strict",
    "detect_format",
    "evaluate_file",
    "load_extractor",
    "mention_spans",
    "micro",
    "read_germeval",
    "read_span_jsonl",
    "score_corpus",
    "strict_errors",
]
