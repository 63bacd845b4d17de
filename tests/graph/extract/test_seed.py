"""Acceptance: the seed page's expected reading (every required entity and relation, no leaks)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph.extract.pipeline import ExtractionPipeline
from graph.model import Article, DocumentExtraction
from graph.settings import Settings


def _documents(seed: Path, settings: Settings) -> list[Article]:
    ingest = pytest.importorskip("graph.ingest")
    docs = [d for d in ingest.read_inputs([str(seed)], settings) if isinstance(d, Article)]
    if not docs:
        pytest.skip("the ingest stage read no documents from the seed")
    return docs


def _by_title(docs: list[Article], title: str, role: str) -> Article:
    return next(d for d in docs if d.role == role and " ".join(d.title.split()) == " ".join(title.split()))


def _has_entity(extraction: DocumentExtraction, want: dict[str, Any]) -> bool:
    for m in extraction.mentions:
        if m.text != want["text"] or str(m.type) != want["type"] or m.canonical != want["canonical"]:
            continue
        if "kind" in want and (str(m.kind) if m.kind else None) != want["kind"]:
            continue
        if "ags" in want and m.ags != want["ags"]:
            continue
        return True
    return False


@pytest.fixture(scope="module")
def seed_run(seed_paths: tuple[Path, Path], destatis_settings: Settings,
             destatis_pipeline: ExtractionPipeline) -> tuple[dict[str, Any], list[tuple[Article, DocumentExtraction]]]:
    text, expected = seed_paths
    docs = _documents(text, destatis_settings)
    return json.loads(expected.read_text(encoding="utf-8")), [(d, destatis_pipeline.extract(d)) for d in docs]


def test_seed_every_required_entity(seed_run: tuple[dict[str, Any], list[tuple[Article, DocumentExtraction]]]) -> None:
    expected, runs = seed_run
    missing = []
    for doc in expected["documents"]:
        article = _by_title([a for a, _ in runs], doc["title"], doc["role"])
        extraction = next(x for a, x in runs if a.id == article.id)
        for want in doc["entities"]:
            if want["text"] in article.tags:
                # tag-only names yield no span (offsets index the text): the entity must be found anyway
                want = {**want, "text": next((m.text for m in extraction.mentions
                                              if m.canonical == want["canonical"]), want["text"])}
            if not want.get("optional") and not _has_entity(extraction, want):
                missing.append((doc["title"], want["text"], want["canonical"]))
    assert missing == []


def test_seed_every_relation(seed_run: tuple[dict[str, Any], list[tuple[Article, DocumentExtraction]]]) -> None:
    expected, runs = seed_run
    for doc in expected["documents"]:
        article = _by_title([a for a, _ in runs], doc["title"], doc["role"])
        extraction = next(x for a, x in runs if a.id == article.id)
        found = {(r.source_name, r.role, r.target_name) for r in extraction.relations}
        for rel in doc.get("relations", []):
            assert (rel["person"], rel["role"], rel["organization"]) in found
        for r in extraction.relations:
            assert article.text[r.evidence.start:r.evidence.end] == r.evidence.sentence


def test_seed_vendor_listing_located_in(seed_run: tuple[dict[str, Any], list[tuple[Article, DocumentExtraction]]]) -> None:
    expected, runs = seed_run
    listing = next(x for a, x in runs if a.role == "vendor_listing")
    ags = {m.canonical: m.ags for m in listing.mentions if str(m.type) == "MUNICIPALITY"}
    located = {(r.source_name, r.target_name) for r in listing.relations if str(r.type) == "LOCATED_IN"}
    vendors = {m.text: (m.canonical, m.kind) for m in listing.mentions if str(m.type) == "ORGANIZATION"}
    for vendor in expected["vendor_listing"]["vendors"]:
        canonical, kind = vendors[vendor["name"]]
        assert str(kind) == "vendor"
        assert (canonical, vendor["city"]) in located
        assert ags[vendor["city"]] == vendor["ags"]


def test_seed_nothing_leaks_into_the_main_article(
        seed_run: tuple[dict[str, Any], list[tuple[Article, DocumentExtraction]]]) -> None:
    expected, runs = seed_run
    main = next(x for a, x in runs if a.role == "article")
    main_doc = next(d for d in expected["documents"] if d["role"] == "article")
    own = {e["canonical"] for e in main_doc["entities"]}
    others = {e["canonical"] for d in expected["documents"] if d["role"] != "article" for e in d["entities"]}
    others |= {v["name"] for v in expected["vendor_listing"]["vendors"]} | {"JCC Software", "AIDA ORGA",
                                                                          "Telecomputer", "Münster", "Gechingen"}
    leaked = {m.canonical for m in main.mentions} & (others - own)
    assert leaked == set()
    boiler = expected["boilerplate_never_in_any_text"]
    assert not [m.text for _, x in runs for m in x.mentions if any(b in m.text for b in boiler)]
