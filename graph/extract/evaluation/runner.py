"""Evaluate the extraction pipeline against one gold file (format auto-detected)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import InputError
from graph.extract.evaluation.attributes import AttributeScore, Gold
from graph.extract.evaluation.pages import (
    PageRef,
    TextCheck,
    load_texts,
    page_documents,
    read_page_gold,
    texts_folder,
)
from graph.extract.evaluation.predict import (
    Extractor,
    gold_article,
    load_extractor,
    predict,
    predicted_mentions,
)
from graph.extract.evaluation.readers import (
    GoldDocument,
    GoldFormat,
    detect_format,
    read_germeval,
    read_span_jsonl,
)
from graph.extract.evaluation.scorer import Score, Span, strict_errors
from graph.extract.evaluation.seed import CheckItem, check_seed
from graph.model import Article


@dataclass
class EvalOptions:
    """Choices that change what is scored."""

    extractors: str | None = None  # recogniser list overriding settings.extractors
    include_other: bool = False  # GermEval: score OTH spans too
    include_partderiv: bool = False  # GermEval: score -part/-deriv spans too
    exclude: frozenset[str] = frozenset()  # JSONL: gold types not scored (e.g. LOCATION_ROUTE)
    limit: int | None = None  # score only the first N documents
    errors: int = 0  # keep up to N strict false positives and false negatives as examples
    texts: Path | None = None  # page gold: folder of <id>.txt page texts (else the eval_texts setting)


@dataclass(frozen=True)
class ErrorExample:
    """A strict error with its text and surrounding context, for tuning recognisers."""

    document: str
    error: str  # "FP" (predicted, not in gold) or "FN" (gold, not predicted)
    label: str
    text: str
    context: str


@dataclass
class EvalResult:
    """What ``skg eval`` prints: span scores, or seed check items."""

    path: str
    format: GoldFormat
    extractor: str
    seconds: float
    score: Score | None = None
    checks: list[CheckItem] = field(default_factory=list)
    errors: list[ErrorExample] = field(default_factory=list)
    attributes: AttributeScore | None = None  # page gold: kind, canonical, AGS, actor recall
    texts: TextCheck | None = None  # page gold: which page texts were found

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready result."""
        data: dict[str, Any] = {"path": self.path, "format": self.format, "extractor": self.extractor,
                                "seconds": round(self.seconds, 3)}
        if self.score is not None:
            data["scores"] = self.score.as_dict()
        if self.errors:
            data["errors"] = [e.__dict__ for e in self.errors]
        if self.attributes is not None:
            data["attributes"] = self.attributes.as_dict()
        if self.texts is not None:
            data["texts"] = self.texts.as_dict()
        if self.format == "seed":
            data["checks"] = [c.__dict__ for c in self.checks]
            data["failed"] = sum(1 for c in self.checks if not c.passed and not c.optional)
        return data


def score_documents(
    docs: list[GoldDocument], extractor: Extractor, errors: int = 0
) -> tuple[Score, list[ErrorExample]]:
    """Strict and overlap scores of ``extractor`` on gold documents, and up to ``errors`` examples each."""
    score = Score()
    examples: dict[str, list[ErrorExample]] = {"FP": [], "FN": []}
    for doc in docs:
        pred = predict(doc, extractor)
        score.add(doc.spans, pred)
        _collect(examples, doc, pred, errors)
    return score, examples["FP"] + examples["FN"]


def _collect(examples: dict[str, list[ErrorExample]], doc: GoldDocument, pred: list[Span],
             errors: int) -> None:
    """Keep up to ``errors`` strict false positives and negatives of one document as examples."""
    if not errors:
        return
    fps, fns = strict_errors(doc.spans, pred)
    for kind, spans in (("FP", fps), ("FN", fns)):
        room = errors - len(examples[kind])
        examples[kind].extend(_example(doc, kind, s) for s in spans[: max(room, 0)])


def score_pages(pages: list[tuple[PageRef, GoldDocument]], extractor: Extractor,
                errors: int = 0) -> tuple[Score, AttributeScore, list[ErrorExample]]:
    """Fine-typed span scores, attribute scores and error examples of ``extractor`` on verified pages."""
    score, attributes = Score(), AttributeScore()
    examples: dict[str, list[ErrorExample]] = {"FP": [], "FN": []}
    for page, doc in pages:
        predicted = predicted_mentions(extractor.extract(gold_article(doc)).mentions)
        spans = [p.span for p in predicted]
        score.add(doc.spans, spans)
        attributes.add([Gold(e.span, e.canonical, e.kind, e.ags) for e in page.entities], predicted)
        _collect(examples, doc, spans, errors)
    return score, attributes, examples["FP"] + examples["FN"]


def run_pages(path: Path, settings: Any, options: EvalOptions, extractor: Extractor,
              result: EvalResult) -> None:
    """Check the page texts against the gold checksums, then score the pages that are present."""
    pages = read_page_gold(path)
    pages = pages[: options.limit] if options.limit else pages
    result.texts = load_texts(pages, texts_folder(options.texts, getattr(settings, "eval_texts", "")))
    result.score, result.attributes, result.errors = score_pages(
        page_documents(pages, result.texts), extractor, options.errors)


def _example(doc: GoldDocument, kind: str, span: Span, width: int = 40) -> ErrorExample:
    left = doc.text[max(0, span.start - width): span.start]
    right = doc.text[span.end: span.end + width]
    context = " ".join(f"{left}[{doc.text[span.start:span.end]}]{right}".split())
    return ErrorExample(doc.id, kind, span.label, doc.text[span.start:span.end], context)


def read_gold(path: Path, fmt: GoldFormat, options: EvalOptions) -> list[GoldDocument]:
    """Gold documents of a span format, cut to ``options.limit``."""
    if fmt == "germeval":
        docs = read_germeval(path, options.include_other, options.include_partderiv)
    else:
        docs = read_span_jsonl(path, options.exclude)
    return docs[: options.limit] if options.limit else docs


def seed_articles(expected_path: Path, settings: Any) -> list[Article]:
    """The documents of the seed capture next to ``*.expected.json``, read by the ingest stage."""
    from graph.ingest import read_inputs

    text_path = expected_path.with_name(expected_path.name.removesuffix(".expected.json") + ".txt")
    if not text_path.exists():
        raise InputError("the seed text next to the expected reading is missing", path=str(text_path),
                         hint="keep NAME.txt next to NAME.expected.json")
    articles = []
    for item in read_inputs([str(text_path)], settings):
        if not isinstance(item, Article):
            raise InputError(f"cannot read the seed: {item}", path=str(text_path),
                             hint="fix the ingest error first")
        articles.append(item)
    return articles


def run_seed(path: Path, settings: Any, extractor: Extractor) -> list[CheckItem]:
    """Read, extract and resolve a seed page, then check it against its reading."""
    from graph.resolve import resolve

    try:
        expected = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc}", path=str(path), hint="fix the expected reading") from None
    articles = seed_articles(path, settings)
    resolution = resolve([extractor.extract(a) for a in articles], [], settings)
    return check_seed(expected, articles, resolution)


def evaluate_file(path: Path, settings: Any, options: EvalOptions | None = None,
                  extractor: Extractor | None = None) -> EvalResult:
    """Score the pipeline (or ``extractor``) on the gold file at ``path``."""
    options = options or EvalOptions()
    if not path.exists():
        raise InputError("gold file not found", path=str(path), hint="check the path")
    fmt = detect_format(path)
    extractor = extractor or load_extractor(settings, options.extractors)
    started = time.perf_counter()
    result = EvalResult(str(path), fmt, getattr(extractor, "version", "?"), 0.0)
    if fmt == "seed":
        result.checks = run_seed(path, settings, extractor)
    elif fmt == "pages":
        run_pages(path, settings, options, extractor, result)
    else:
        gold = read_gold(path, fmt, options)
        result.score, result.errors = score_documents(gold, extractor, options.errors)
    result.seconds = time.perf_counter() - started
    return result
