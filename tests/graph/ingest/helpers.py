"""Shared helpers of the ingest tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.ingest import InputFailure, read_inputs
from graph.model import Article

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ingest"


def read_all(inputs: list[str], settings: Any) -> tuple[list[Article], list[InputFailure]]:
    """Articles and failures of ``inputs``, each in output order."""
    articles: list[Article] = []
    failures: list[InputFailure] = []
    for item in read_inputs(inputs, settings):
        (failures if isinstance(item, InputFailure) else articles).append(item)  # type: ignore[arg-type]
    return articles, failures


def by_role(articles: list[Article], role: str) -> list[Article]:
    """The documents of one role, in output order."""
    return [a for a in articles if a.role == role]
