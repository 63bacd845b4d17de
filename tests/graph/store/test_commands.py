"""`skg query`, `skg snapshots` and `skg push` through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.cli import main
from graph.settings import Settings
from graph.store import open_store
from graph.store.commands import parse_params
from tests.graph.store.conftest import neo4j_settings
from tests.graph.store.sample_graph import E, sample_graph


@pytest.fixture
def built(settings: Settings) -> Settings:
    open_store(settings, "embedded").write(sample_graph())
    return settings


def test_commands_query_jsonl_one_object_per_row(built: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["query", "MATCH (n:Entity) WHERE n.type = $t RETURN n.name AS name ORDER BY name",
                 "--param", "t=MUNICIPALITY", "--format", "jsonl"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0 and rows == [{"name": n} for n in ("Hamburg", "Köln", "Stuttgart", "Ulm")]


def test_commands_query_csv_and_saved(built: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--saved", "office_holders", "-p", "municipality=Stuttgart", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "id,person,role,first_seen,last_seen"
    assert lines[1].startswith(f"{E['schmidt']},Jörg Schmidt,CIO,")


def test_commands_query_refusal_is_one_line_and_exit_2(built: Settings,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "MATCH (n) DETACH DELETE n"]) == 2
    err = capsys.readouterr().err
    assert "[E402] refused: DETACH is not allowed" in err and "Traceback" not in err
    assert open_store(built, "embedded").stats()["nodes"]["Entity"] == 17


def test_commands_query_list_and_snapshots(built: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--list"]) == 0
    assert "top_vendors_by_reach(limit=20, min_articles=1)" in capsys.readouterr().out
    assert main(["snapshots"]) == 0
    assert capsys.readouterr().out.startswith("* snap_sample_v1_")


def test_commands_parse_params_types_values() -> None:
    assert parse_params(["a=1", "b=x", "c=[1, 2]", "d=true"]) == {"a": 1, "b": "x", "c": [1, 2], "d": True}


def test_commands_push_copies_embedded_snapshot_to_neo4j(
    skg_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from graph.settings import load_settings
    from graph.store.neo4j_server import local_credentials

    uri, user, password = local_credentials(neo4j_settings())
    for key, value in {"SKG_NEO4J_URI": uri, "SKG_NEO4J_USER": user, "SKG_NEO4J_PASSWORD": password}.items():
        monkeypatch.setenv(key, value)
    settings = load_settings(use_file=False)
    open_store(settings, "embedded").write(sample_graph("snap_cli_push"))
    assert main(["push"]) == 0
    assert "pushed snapshot snap_cli_push" in capsys.readouterr().out
    with open_store(settings, "neo4j") as neo:
        assert neo.snapshot_id() == "snap_cli_push"
        assert neo.stats()["edges"]["CO_MENTIONED"] == 13
