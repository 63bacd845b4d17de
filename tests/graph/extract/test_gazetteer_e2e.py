"""End to end on a fresh SKG_HOME without any import: ingest → build → export, places carry their AGS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app

NOTE = """Digitale Verwaltung im Südwesten

Der Bürgermeister der Stadt Tengen, Marian Schreier, stellte das Bürgerportal vor.
In Freiburg startet eine digitale Wahlhilfe. Die JCC Software GmbH aus Münster liefert die Software.
Der Landkreis Harburg und das Land Niedersachsen prüfen das Angebot.
"""

pytestmark = pytest.mark.slow  # a real ingest, build and export each

EXPECTED = {("Tengen", "MUNICIPALITY"): "08335080", ("Freiburg im Breisgau", "MUNICIPALITY"): "08311000",
            ("Münster", "MUNICIPALITY"): "05515000"}


def _run(home: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["--home", str(home), *args])
    assert result.exit_code == 0, result.output
    return result.output


def _nodes_after_build(home: Path, source: Path, out: Path) -> dict[tuple[str, str], str | None]:
    _run(home, "ingest", str(source))
    _run(home, "build")
    _run(home, "export", "--format", "json", "--out", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert not (home / "gazetteer.tsv.gz").exists()  # nothing was imported
    return {(n["name"], n["type"]): n.get("ags") for n in data["nodes"] if "type" in n}


def test_e2e_fresh_home_own_text_places_carry_ags(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    nodes = _nodes_after_build(tmp_path / "home", note, tmp_path / "graph.json")
    for key, ags in EXPECTED.items():
        assert nodes.get(key) == ags, (key, sorted(k for k in nodes if k[1] != "Article"))
    assert nodes[("Landkreis Harburg", "MUNICIPALITY")] == "03353"
    assert nodes[("Niedersachsen", "LOCATION")] == "03"


def test_e2e_fresh_home_seed_page_places_carry_ags(tmp_path: Path, seed_paths: tuple[Path, Path]) -> None:
    page, _ = seed_paths
    nodes = _nodes_after_build(tmp_path / "home", page, tmp_path / "graph.json")
    for key, ags in {**EXPECTED, ("Gechingen", "MUNICIPALITY"): "08235029",
                     ("Berlin", "MUNICIPALITY"): "11000000"}.items():
        assert nodes.get(key) == ags, (key, sorted(k for k in nodes if k[1] != "Article"))


def test_e2e_fresh_home_seed_eval_passes_strict(tmp_path: Path, seed_paths: tuple[Path, Path]) -> None:
    _, expected = seed_paths
    output = _run(tmp_path / "home", "eval", str(expected), "--strict")  # exit code 1 on any failed item
    assert "required checks passed" in output and "FAIL" not in output
