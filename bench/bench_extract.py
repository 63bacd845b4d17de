"""Extraction speed: the rule pipeline vs spaCy's blank German tokenizer + EntityRuler.

10,000 synthetic Kommune21-style articles of about 3,000 characters (fixed
seed) are extracted on one core. The spaCy row runs a blank ``de`` pipeline
with an EntityRuler holding the same gazetteer (curated actors, locations,
German place names); it is skipped when spaCy is not installed.

    python bench/bench_extract.py [--articles 10000] [--json] [--extractors rules,crf]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable

from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import load_lexicon
from graph.extract.pipeline import ExtractionPipeline
from graph.model import Article
from graph.settings import load_settings

SURNAMES = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schreier",
    "Grün",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Neumann",
    "Braun",
]
ROLES = ["Bürgermeister", "Landrat", "Geschäftsführer", "CIO", "Präsident", "Leiter"]
TEMPLATES = [
    "{role} der Stadt {town}, {person}, stellte das neue Portal vor.",
    "{person} ({org}) sprach über die Digitalisierung der Verwaltung in {town}.",
    "Die {org} betreibt das Rechenzentrum für die Gemeinde {town} und weitere Kommunen.",
    "Laut {person}, {role} der {org}, sollen bis Ende 2025 alle Leistungen online verfügbar sein.",
    "In {land} setzen viele Kommunen auf Lösungen der {org}.",
    "Das Onlinezugangsgesetz verpflichtet Bund, Länder und Kommunen, ihre Leistungen digital anzubieten.",
    "Am 7. Juli 2024 fand in {town} ein Workshop mit Vertretern von {org} statt, u.a. mit Dr. {person}.",
    "Die Musterfirma {surname} Datensysteme GmbH liefert die Software für das Bürgerbüro.",
    "Nach Angaben des Bundesverbands sei der Bedarf groß, so {person}.",
]


def make_articles(n: int, seed: int = 42) -> list[Article]:
    """``n`` deterministic articles of about 3,000 characters."""
    rng = random.Random(seed)
    lex = load_lexicon()
    orgs = [a.canonical for a in lex.actors]
    firsts = sorted(lex.first_names)
    towns = [
        "Tengen",
        "Freiburg",
        "Münster",
        "Gechingen",
        "Stuttgart",
        "Köln",
        "Hamburg",
        "Essen",
        "Jena",
        "Regensburg",
        "Konstanz",
        "Bielefeld",
        "Kassel",
        "Potsdam",
    ]
    lands = sorted({v for v in lex.locations.values()})[:30]
    out = []
    for i in range(n):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < 3000:
            tpl = rng.choice(TEMPLATES)
            parts.append(
                tpl.format(
                    role=rng.choice(ROLES),
                    town=rng.choice(towns),
                    org=rng.choice(orgs),
                    land=rng.choice(lands),
                    surname=rng.choice(SURNAMES),
                    person=f"{rng.choice(firsts)} {rng.choice(SURNAMES)}",
                )
            )
            if rng.random() < 0.15:
                parts.append("\n\n")
        out.append(Article(id=f"a{i}", source="bench", text=" ".join(parts)))
    return out


def bench(name: str, fn: Callable[[Article], object], articles: list[Article]) -> dict[str, object]:
    """Time ``fn`` over all articles."""
    start, cpu_start = time.perf_counter(), time.process_time()
    for art in articles:
        fn(art)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    chars = sum(len(a.text) for a in articles)
    return {
        "name": name,
        "articles": len(articles),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "articles_per_s": round(len(articles) / seconds, 1),
        "articles_per_cpu_s": round(len(articles) / cpu, 1),
        "chars_per_s": round(chars / seconds),
    }


def spacy_runner(gazetteer: Gazetteer) -> Callable[[Article], object] | None:
    """A blank German spaCy pipeline with an EntityRuler over the same names (None without spaCy)."""
    try:
        import spacy
    except ImportError:
        return None
    lex = load_lexicon()
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    patterns = [{"label": "ORG", "pattern": name} for a in lex.actors for name in (a.canonical, *a.aliases)]
    patterns += [{"label": "LOC", "pattern": name} for name in lex.locations]
    seen = set()
    for places in gazetteer.places.values():
        for place in places:
            if place.name not in seen:
                seen.add(place.name)
                patterns.append({"label": "MUNICIPALITY", "pattern": place.name})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return lambda art: nlp(art.text).ents


def main() -> None:
    """Run both rows and print them side by side (or as JSON lines)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--json", action="store_true", help="one JSON object per measurement")
    parser.add_argument("--extractors", default=None, help="e.g. `rules,crf` (default: settings)")
    args = parser.parse_args()
    settings = load_settings()
    if args.extractors:
        settings = settings.with_overrides(extractors=args.extractors)
    pipeline = ExtractionPipeline.from_settings(settings)
    articles = make_articles(args.articles)
    pipeline.extract(articles[0])  # warm caches
    rows = [bench(f"skg {pipeline.version}", pipeline.extract, articles)]
    runner = spacy_runner(pipeline.gazetteer)
    if runner is not None:
        runner(articles[0])
        rows.append(bench("spaCy blank de + EntityRuler", runner, articles))
    avg = sum(len(a.text) for a in articles) / len(articles)
    for row in rows:
        row["avg_chars"] = round(avg)
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            print(
                f"{row['name']:<45} {row['articles_per_s']:>8} articles/s (wall) "
                f"{row['articles_per_cpu_s']:>8} articles/CPU-s {row['chars_per_s']:>9} chars/s"
            )


if __name__ == "__main__":
    main()
