"""The CLI: `skg extract`, `skg extractors`, `skg gazetteer import`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from graph.cli import app


def test_commands_extractors_lists_versions() -> None:
    result = CliRunner().invoke(app, ["extractors"])
    assert result.exit_code == 0
    assert "rules\t1.1" in result.output and "spacy" in result.output


def test_commands_extract_prints_jsonl(tmp_path: Path, skg_home: Path) -> None:
    page = tmp_path / "note.txt"
    page.write_text("Landrat Andy Grabner besuchte die Stadt Tengen und Dataport.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["--home", str(skg_home), "extract", str(page), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(rows) == 1
    row = rows[0]
    assert {"source_id", "id", "role", "title", "published", "author", "section", "tags", "links", "text",
            "vendors", "entities", "relations"} <= set(row)
    for ent in row["entities"]:
        assert row["text"][ent["start"]:ent["end"]] == ent["text"]
    assert {e["canonical"] for e in row["entities"]} >= {"Andy Grabner", "Tengen", "Dataport"}
    rel = row["relations"][0]
    assert (rel["type"], rel["person"], rel["role"]) == ("HOLDS_ROLE", "Andy Grabner", "Landrat")
    assert row["text"][rel["evidence"]["start"]:rel["evidence"]["end"]] == rel["evidence"]["sentence"]


def test_commands_gazetteer_import_then_extract_has_ags(tmp_path: Path, skg_home: Path) -> None:
    csv = tmp_path / "gemeinden.csv"
    csv.write_text("ags,name,type,kreis,bundesland,population,lat,lon\n"
                   "08335080,Tengen,Stadt,Landkreis Konstanz,Baden-Württemberg,4657,47.82,8.66\n",
                   encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["--home", str(skg_home), "gazetteer", "import", str(csv)])
    assert result.exit_code == 0 and "imported 1 municipalities" in result.output
    page = tmp_path / "n.txt"
    page.write_text("Die Stadt Tengen startet.\n", encoding="utf-8")
    result = runner.invoke(app, ["--home", str(skg_home), "extract", str(page)])
    ent = json.loads(result.stdout.splitlines()[0])["entities"][0]
    assert (ent["canonical"], ent["ags"], ent["land"]) == ("Tengen", "08335080", "Baden-Württemberg")


def test_commands_gazetteer_import_bad_file_is_one_clear_error(tmp_path: Path, skg_home: Path) -> None:
    from graph.cli import main

    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["--home", str(skg_home), "gazetteer", "import", str(bad)]) == 2
