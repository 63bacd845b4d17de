"""`skg dashboard` / `skg demo` plumbing: environment, command line, port check, CLI wiring."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dashboard import commands
from graph.cli import app
from graph.errors import SkgError
from graph.settings import Settings, load_settings


def test_commands_env_carries_every_setting(tmp_path: Path) -> None:
    settings = load_settings(env={"SKG_HOME": str(tmp_path), "SKG_NODE_CAP": "77"}, use_file=False)
    env = commands.dashboard_env(settings, base={"PATH": "/bin"})
    assert env["SKG_HOME"] == str(tmp_path.resolve()) and env["SKG_NODE_CAP"] == "77"
    assert env["PATH"] == "/bin"
    assert load_settings(env=env, use_file=False).node_cap == 77


def test_commands_streamlit_binds_localhost_headless() -> None:
    cmd = commands.streamlit_command(8765)
    assert "--server.address=127.0.0.1" in cmd and "--server.port=8765" in cmd
    assert "--server.headless=true" in cmd and cmd[-1] != "" and str(commands.APP_PATH) in cmd


def test_commands_busy_port_is_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        with pytest.raises(SkgError, match="already in use"):
            commands.check_port(port)


def test_commands_registered_in_cli() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert "dashboard" in result.output and "demo" in result.output


def test_commands_demo_builds_sample_without_dashboard(settings: Settings) -> None:
    result = CliRunner().invoke(app, ["--home", str(settings.home_path), "demo", "--no-dashboard"])
    assert result.exit_code == 0, result.output
    assert "snapshot s_" in result.output and "CO_MENTIONED" in result.output
