"""Settings: override order and documentation."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import ConfigError
from graph.settings import SETTINGS, load_settings, settings_markdown

REPO = Path(__file__).resolve().parents[2]


def test_settings_override_order(tmp_path: Path) -> None:
    (tmp_path / "skg.toml").write_text("node_cap = 10\nseed = 7\nmin_articles = 3\n")
    env = {"SKG_HOME": str(tmp_path), "SKG_SEED": "8", "SKG_MIN_ARTICLES": "4"}
    s = load_settings(env=env, flags={"min_articles": 5})
    assert (s.node_cap, s.seed, s.min_articles) == (10, 8, 5)
    assert s.origins["node_cap"] == "file"
    assert s.origins["seed"] == "SKG_SEED"
    assert s.origins["min_articles"] == "flag"
    assert s.origins["backend"] == "default"


def test_settings_neo4j_aliases_are_honoured() -> None:
    s = load_settings(env={"NEO4J_URI": "bolt://127.0.0.1:9999"}, use_file=False)
    assert s.neo4j_uri == "bolt://127.0.0.1:9999"
    s = load_settings(env={"NEO4J_URI": "bolt://a", "SKG_NEO4J_URI": "bolt://b"}, use_file=False)
    assert s.neo4j_uri == "bolt://b"


def test_settings_bad_value_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="SKG_NODE_CAP"):
        load_settings(env={"SKG_NODE_CAP": "many"}, use_file=False)


def test_settings_every_setting_is_documented() -> None:
    doc = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    assert doc == settings_markdown(), "regenerate with: skg settings --markdown > docs/settings.md"
    for s in SETTINGS:
        assert s.help.strip(), s.name
        assert f"`{s.name}`" in doc
