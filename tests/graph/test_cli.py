"""The CLI shell: expected failures give one line and a non-zero exit, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _skg(*args: str, env_home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph", "--home", str(env_home), *args],
        capture_output=True, text=True, timeout=120,
    )


def test_cli_settings_lists_every_setting(skg_home: Path) -> None:
    out = _skg("settings", "--markdown", env_home=skg_home)
    assert out.returncode == 0
    assert "| `backend` |" in out.stdout


def test_cli_bad_setting_value_is_one_clear_line(skg_home: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("node_cap = 'lots'\n")
    out = _skg("--config", str(cfg), "settings", env_home=skg_home)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "node_cap" in out.stderr and "E010" in out.stderr


def test_cli_unknown_backend_is_refused(skg_home: Path) -> None:
    out = _skg("--backend", "oracle", "settings", env_home=skg_home)
    assert out.returncode == 2
    assert "unknown backend" in out.stderr and "Traceback" not in out.stderr
