"""`skg ingest` and `skg stats` as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from graph.cli import main
from tests.graph.ingest.helpers import FIXTURES


def _skg(home: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SKG_HOME": str(home), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "graph", *args], env=env, capture_output=True, timeout=300,
                          input=stdin.decode() if stdin else None, text=True)


def test_commands_ingest_prints_table_and_succeeds(skg_home: Path) -> None:
    out = _skg(skg_home, "ingest", str(FIXTURES / "portal_meldung.html"), str(FIXTURES / "notiz.txt"))
    assert out.returncode == 0, out.stderr
    for word in ("reader", "new", "unchanged", "updated", "duplicate", "failed", "kommune21_html", "text"):
        assert word in out.stdout
    total = next(line for line in out.stdout.splitlines() if "total" in line)
    assert total.split("│")[2].strip() == "5"
    again = _skg(skg_home, "ingest", str(FIXTURES / "portal_meldung.html"), str(FIXTURES / "notiz.txt"))
    total = next(line for line in again.stdout.splitlines() if "total" in line)
    assert [c.strip() for c in total.split("│")[2:7]] == ["0", "5", "0", "0", "0"]


def test_commands_ingest_failures_listed_with_location_hint_and_exit_1(skg_home: Path) -> None:
    out = _skg(skg_home, "ingest", str(FIXTURES / "artikel.jsonl"), str(FIXTURES / "tabelle.csv"))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    lines = [line for line in out.stderr.splitlines() if line.startswith("failed")]
    assert len(lines) == 4
    assert any("artikel.jsonl:4: JSONL record: not valid JSON" in line and "fix or remove" in line
               for line in lines)
    assert any("tabelle.csv: unknown format" in line for line in lines)
    assert "jsonl" in out.stdout  # the table is still printed


def test_commands_ingest_stdin(skg_home: Path) -> None:
    out = _skg(skg_home, "ingest", "-", stdin=b"Titel\n\nText von der Standardeingabe.")
    assert out.returncode == 0 and "text" in out.stdout


def test_commands_stats_summarises_store(skg_home: Path) -> None:
    _skg(skg_home, "ingest", str(FIXTURES / "portal_meldung.html"), str(FIXTURES / "portal_a"),
         str(FIXTURES / "portal_b"))
    out = _skg(skg_home, "stats")
    assert out.returncode == 0
    assert "documents" in out.stdout and "article: 3" in out.stdout and "teaser: 2" in out.stdout
    assert "duplicates" in out.stdout and "2024-05-06" in out.stdout


def test_commands_main_entry_point(skg_home: Path) -> None:
    assert main(["--home", str(skg_home), "ingest", str(FIXTURES / "notiz.txt")]) == 0
    assert main(["--home", str(skg_home), "ingest", str(FIXTURES / "truncated.html")]) == 1
    assert main(["--home", str(skg_home), "stats"]) == 0
