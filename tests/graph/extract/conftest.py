"""Fixtures of the extraction tests: one pipeline per settings, built from real word lists and places."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.extract.gazetteer import import_destatis
from graph.extract.pipeline import ExtractionPipeline
from graph.model import Article
from graph.settings import Settings, load_settings


@pytest.fixture(scope="session")
def geonames_pipeline(tmp_path_factory: pytest.TempPathFactory) -> ExtractionPipeline:
    """The default pipeline of a fresh install (the shipped official list, no import)."""
    home = tmp_path_factory.mktemp("fresh-home")
    return ExtractionPipeline.from_settings(load_settings(env={"SKG_HOME": str(home)}, use_file=False))


@pytest.fixture(scope="session")
def destatis_settings(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Settings:
    """Settings whose SKG_HOME holds the Destatis import of ../shared (skips without it)."""
    home = tmp_path_factory.mktemp("destatis-home")
    settings = load_settings(env={"SKG_HOME": str(home)}, use_file=False)
    gaz = shared_dir / "data" / "gazetteer"
    import_destatis(gaz / "gemeinden.csv", gaz / "kreise.csv", settings)
    return settings


@pytest.fixture(scope="session")
def destatis_pipeline(destatis_settings: Settings) -> ExtractionPipeline:
    """A pipeline resolving municipalities to AGS keys."""
    return ExtractionPipeline.from_settings(destatis_settings)


def article(text: str, **fields: object) -> Article:
    """A hand-built article for one test."""
    return Article(id=str(fields.pop("id", "a_test")), source="test", text=text, **fields)  # type: ignore[arg-type]
