"""The optional spaCy recogniser, run on a real (tiny, locally built) spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.extract.pipeline import ExtractionPipeline
from graph.model import EntityType
from graph.settings import load_settings
from tests.graph.extract.conftest import article


def test_spacy_adapter_merges_below_rules(tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Zorro"},  # a name the rules cannot know
                        {"label": "ORG", "pattern": "Dataport Hamburg"}])  # longer than the curated "Dataport"
    model = tmp_path / "tiny_de"
    nlp.to_disk(model)
    env = {"SKG_HOME": str(tmp_path / "home"), "SKG_EXTRACTORS": "rules,spacy", "SKG_SPACY_MODEL": str(model)}
    pipe = ExtractionPipeline.from_settings(load_settings(env=env, use_file=False))
    assert pipe.version.startswith("rules@1.1+spacy@1.0+")
    doc = pipe.extract(article("Gestern kam Zorro zu Dataport Hamburg."))
    found = {(m.text, m.type, m.extractor.split("@")[0]) for m in doc.mentions}
    assert ("Zorro", EntityType.PERSON, "spacy") in found
    assert ("Dataport", EntityType.ORGANIZATION, "rules") in found  # a guess never overrides a rule
