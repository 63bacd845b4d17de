"""Build a small invented JSONL corpus end to end (ingest → extract → build → embedded store) for tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph.model import GraphData
from graph.settings import Settings


def build_jsonl(records: list[dict[str, Any]], folder: Path, settings: Settings, name: str = "corpus") -> GraphData:
    """Write ``records`` as ``folder/NAME.jsonl``, ingest and build it into ``settings``' home; the stored graph."""
    from graph.pipeline import ingest_and_build
    from graph.store import open_store

    corpus = folder / f"{name}.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    ingest_and_build([str(corpus)], settings)
    with open_store(settings) as store:
        return store.load()
