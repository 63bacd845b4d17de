"""`skg doctor` on real installs, homes and servers (nothing is faked)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from graph.cli import main
from graph.doctor.probes import Finding, installed_versions, lock_finding, read_pins, reader_findings
from graph.doctor.report import diagnose, lock_path
from graph.settings import Settings, load_settings
from graph.store.neo4j_server.testing import free_port


def _rows(capsys: pytest.CaptureFixture[str], home: Path, *extra: str) -> tuple[int, dict[str, Finding]]:
    code = main(["--home", str(home), "doctor", "--json", *extra])
    rows = [Finding(**json.loads(line)) for line in capsys.readouterr().out.splitlines() if line.strip()]
    return code, {row.area: row for row in rows}


def test_doctor_fresh_home_lists_every_part(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, rows = _rows(capsys, tmp_path / "home")
    assert code == 0
    for area in ("Python", "dependencies", "lock (constraints.txt)", "reader: HTML pages", "Java: mvn",
                 "Neo4j", "CoreNLP (optional recogniser)", "Chromium (browser tests)", "gazetteer",
                 "SKG_HOME", "store: corpus store", "store: embedded graph"):
        assert area in rows
    assert rows["dependencies"].status == "ok"
    assert all(r.status == "ok" for a, r in rows.items() if a.startswith("reader: "))
    assert rows["store: corpus store"].status == "info"
    assert "skg ingest" in rows["store: corpus store"].fix
    assert "not created yet" in rows["SKG_HOME"].found


def test_doctor_reports_store_sizes_after_a_build(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert main(["--home", str(home), "demo", "--no-dashboard"]) == 0
    capsys.readouterr()
    _, rows = _rows(capsys, home)
    assert rows["store: corpus store"].status == "ok"
    assert rows["store: embedded graph"].status == "ok"
    assert "KB" in rows["store: corpus store"].found or "MB" in rows["store: corpus store"].found


def test_doctor_strict_fails_on_an_unreachable_server(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKG_NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    monkeypatch.setenv("SKG_NEO4J_PASSWORD", "x")
    code, rows = _rows(capsys, tmp_path / "home", "--strict")
    assert rows["Neo4j"].status == "missing"
    assert "SKG_NEO4J_URI" in rows["Neo4j"].fix
    assert code == 1


def test_doctor_lock_finding_names_the_packages_that_differ(tmp_path: Path) -> None:
    installed = installed_versions()
    lock = tmp_path / "constraints.txt"
    lock.write_text(f"typer=={installed['typer']}\nrich==0.0.1\n    # via typer\n", encoding="utf-8")
    finding = lock_finding(lock, installed)
    assert finding.status == "warn"
    assert f"rich {installed['rich']} (locked 0.0.1)" in finding.found
    lock.write_text(f"typer=={installed['typer']}\n", encoding="utf-8")
    assert lock_finding(lock, installed).status == "ok"


def test_doctor_finds_the_checkout_lock() -> None:
    path = lock_path()
    assert path is not None
    pins = read_pins(path.read_text(encoding="utf-8").splitlines())
    assert len(pins) > 50
    assert pins["lxml-html-clean"]
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        # CI installs with -c constraints.txt into a fresh environment: it runs on exactly the lock.
        assert lock_finding(path, installed_versions()).status == "ok"


def test_doctor_every_reader_imports() -> None:
    assert [r.area for r in reader_findings() if r.status != "ok"] == []


def test_doctor_diagnose_settings_home(settings: Settings) -> None:
    rows = {r.area: r for r in diagnose(settings)}
    assert str(settings.home_path) in rows["SKG_HOME"].found
    other = load_settings(env={"SKG_HOME": "/nonexistent/skg"}, use_file=False)
    assert "/nonexistent/skg" in {r.area: r for r in diagnose(other)}["SKG_HOME"].found
