"""Two real builds of a small invented corpus: the second adds two articles.

First build: Ulm with Komm.ONE, Dataport with Hamburg. Second build adds Zangberg (Bayern) with the
AKDB and its mayor, and Ulm with the vendor Materna and Dataport. The home is built once per module
(two builds take a few seconds); tests copy nothing and only read it, except the watchlist file,
which each test writes through the CLI into its own copy of the home.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph.cli import main

FIRST = [
    {"id": "w1", "title": "Ulm setzt auf Komm.ONE", "published": "2024-03-01", "url": "https://example.org/ulm",
     "source": "Testblatt", "text": "Die Stadt Ulm verlagert ihre Fachverfahren in das Rechenzentrum von "
     "Komm.ONE. Oberbürgermeister Martin Ansbacher unterzeichnete den Vertrag am Montag."},
    {"id": "w2", "title": "Dataport betreibt Plattform", "published": "2024-04-02",
     "url": "https://example.org/dataport", "source": "Testblatt",
     "text": "Dataport betreibt künftig die Plattform der Freien und Hansestadt Hamburg. Der IT-Dienstleister "
     "hat dafür ein neues Team aufgebaut."},
]
SECOND = [
    {"id": "w3", "title": "Zangberg geht in die Cloud", "published": "2024-05-03", "url": "https://example.org/akdb",
     "source": "Kurier", "text": "Die Gemeinde Zangberg nutzt ab Juli die Cloud der AKDB. Bürgermeisterin Karin "
     "Wüst sagte, die Gemeinde spare damit Kosten."},
    {"id": "w4", "title": "Ulm beauftragt Materna", "published": "2024-06-04", "url": "https://example.org/materna",
     "source": "Kurier", "text": "Die Stadt Ulm hat Materna mit dem neuen Bürgerportal beauftragt. Betrieben wird "
     "es im Rechenzentrum von Dataport."},
]


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def skg(home: Path, *args: str) -> int:
    """Run the real `skg` command on ``home``; return its exit code."""
    return main(["--home", str(home), *args])


def only_snapshot(home: Path) -> str:
    folders = [p.name for p in (home / "graph" / "snapshots").iterdir() if not p.name.startswith(".")]
    assert len(folders) == 1, folders
    return folders[0].rsplit("_", 1)[0]


def build_twice(root: Path, first_records: list[dict[str, str]],
                second_records: list[dict[str, str]]) -> tuple[Path, str]:
    """Ingest and build ``first_records``, then add ``second_records`` and build again.

    Returns the home and the first snapshot's id (what ``--since`` takes).
    """
    home = root / "home"
    assert skg(home, "ingest", str(write_jsonl(root / "first.jsonl", first_records))) == 0
    assert skg(home, "build") == 0
    first = only_snapshot(home)
    assert skg(home, "ingest", str(write_jsonl(root / "second.jsonl", second_records))) == 0
    assert skg(home, "build") == 0
    return home, first


@pytest.fixture(scope="module")
def built_twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A home built from FIRST, then from FIRST + SECOND; returns it and the first snapshot id."""
    return build_twice(tmp_path_factory.mktemp("watch"), FIRST, SECOND)


@pytest.fixture
def home(built_twice: tuple[Path, str], tmp_path: Path) -> Path:
    """A private copy of the twice-built home (tests add watchlists to it)."""
    copy = tmp_path / "home"
    shutil.copytree(built_twice[0], copy)
    return copy


@pytest.fixture
def first_snapshot(built_twice: tuple[Path, str]) -> str:
    return built_twice[1]
