"""CONTRACTS_WITH end to end: JSONL → ingest → extract → build → embedded store, with its evidence level."""

from __future__ import annotations

import json
from pathlib import Path

from graph.model import entity_id
from graph.settings import Settings
from tests.graph.build.corpus import build_jsonl

ARTICLES = [
    {"id": "ulm-1", "title": "Ulm: E-Akte kommt", "published": "2024-03-01", "url": "https://www.kommune21.de/ulm-1",
     "text": "Die Stadt Ulm hat die Musterdaten GmbH mit der Einführung der E-Akte beauftragt. "
             "Das Projekt soll 2025 abgeschlossen sein."},
    {"id": "ulm-2", "title": "Musterdaten gewinnt Ulm", "published": "2024-03-05",
     "url": "https://www.egovernment.example/ulm-2",
     "text": "Den Zuschlag für die E-Akte der Stadt Ulm hat die Musterdaten GmbH erhalten. "
             "Die Stadt Ulm und die AKDB stellten außerdem ein Portal vor."},
]


def test_contracts_built_stated_by_two_outlets_is_corroborated(tmp_path: Path, settings: Settings) -> None:
    data = build_jsonl(ARTICLES, tmp_path, settings, "vertraege")
    (edge,) = data.edges_by_type("CONTRACTS_WITH")
    ulm = next(n.id for n in data.nodes if n.label == "Entity" and n.props.get("name") == "Ulm")
    assert (edge.source, edge.target) == (ulm, entity_id("ORGANIZATION", "Musterdaten"))
    props = edge.props
    assert (props["count"], props["evidence_level"], props["independent_sources"]) == (2, "corroborated", 2)
    sentences = [ev["sentence"] for ev in json.loads(props["evidence"])] if isinstance(props["evidence"], str) \
        else [ev["sentence"] for ev in props["evidence"]]
    assert any("beauftragt" in s for s in sentences) and any("Zuschlag" in s for s in sentences)
    assert not [e for e in data.edges_by_type("CONTRACTS_WITH") if "AKDB" in str(e.props)]  # co-mention only
