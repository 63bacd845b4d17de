"""Evaluation of the extraction stage against gold files (`skg eval`).

Public API::

    evaluate_file(path, settings, options=None, extractor=None) -> EvalResult
    EvalOptions(extractors, include_other, include_partderiv, exclude, limit, errors)
    EvalResult(.score: Score | None, .checks: list[CheckItem], .errors: list[ErrorExample], .as_dict())
    detect_format(path) -> "seed" | "germeval" | "jsonl"
    read_germeval(path, include_other=False, include_partderiv=False) -> list[GoldDocument]
    read_span_jsonl(path, exclude=frozenset()) -> list[GoldDocument]
    check_seed(expected, articles, resolution) -> list[CheckItem]
    read_page_gold(path) -> list[PageRef]; load_texts(pages, folder) -> TextCheck (page-reference gold)
    AttributeScore (kind, canonical name, AGS, actor recall on overlap-matched mentions)
    count_strict(gold, pred), count_overlap(gold, pred), strict_errors(gold, pred), micro(table),
    score_corpus(pairs), load_extractor(settings, extractors=None), mention_spans(mentions)

Names are imported on first use (:mod:`graph.lazy`), so the CLI starts without them.
"""

from typing import TYPE_CHECKING

from graph.lazy import lazy_exports

if TYPE_CHECKING:
    from graph.extract.evaluation.attributes import AttributeScore
    from graph.extract.evaluation.pages import PageRef, TextCheck, load_texts, read_page_gold
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
    "AttributeScore",
    "CheckItem",
    "Counts",
    "ErrorExample",
    "EvalOptions",
    "EvalResult",
    "Extractor",
    "GoldDocument",
    "PageRef",
    "Score",
    "Span",
    "TextCheck",
    "check_seed",
    "count_overlap",
    "count_strict",
    "detect_format",
    "evaluate_file",
    "load_extractor",
    "load_texts",
    "mention_spans",
    "micro",
    "read_germeval",
    "read_page_gold",
    "read_span_jsonl",
    "score_corpus",
    "strict_errors",
]
__getattr__, __dir__ = lazy_exports(__name__, {
    "AttributeScore": "graph.extract.evaluation.attributes",
    "PageRef": "graph.extract.evaluation.pages",
    "TextCheck": "graph.extract.evaluation.pages",
    "load_texts": "graph.extract.evaluation.pages",
    "read_page_gold": "graph.extract.evaluation.pages",
    "COARSE_LABEL": "graph.extract.evaluation.predict",
    "Extractor": "graph.extract.evaluation.predict",
    "load_extractor": "graph.extract.evaluation.predict",
    "mention_spans": "graph.extract.evaluation.predict",
    "GoldDocument": "graph.extract.evaluation.readers",
    "detect_format": "graph.extract.evaluation.readers",
    "read_germeval": "graph.extract.evaluation.readers",
    "read_span_jsonl": "graph.extract.evaluation.readers",
    "ErrorExample": "graph.extract.evaluation.runner",
    "EvalOptions": "graph.extract.evaluation.runner",
    "EvalResult": "graph.extract.evaluation.runner",
    "evaluate_file": "graph.extract.evaluation.runner",
    "Counts": "graph.extract.evaluation.scorer",
    "Score": "graph.extract.evaluation.scorer",
    "Span": "graph.extract.evaluation.scorer",
    "count_overlap": "graph.extract.evaluation.scorer",
    "count_strict": "graph.extract.evaluation.scorer",
    "micro": "graph.extract.evaluation.scorer",
    "score_corpus": "graph.extract.evaluation.scorer",
    "strict_errors": "graph.extract.evaluation.scorer",
    "CheckItem": "graph.extract.evaluation.seed",
    "check_seed": "graph.extract.evaluation.seed",
})
