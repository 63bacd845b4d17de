"""Global fixtures: an isolated SKG_HOME per test and the shared reference data (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.settings import Settings, load_settings

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture
def skg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh SKG_HOME for one test."""
    home = tmp_path / "skg-home"
    monkeypatch.setenv("SKG_HOME", str(home))
    return home


@pytest.fixture
def settings(skg_home: Path) -> Settings:
    """Settings pointing at the per-test SKG_HOME, ignoring the user's environment."""
    return load_settings(env={"SKG_HOME": str(skg_home)}, use_file=False)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` next to the repository; tests using it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (only developers and CI have it)")
    return SHARED


@pytest.fixture(scope="session")
def seed_paths(shared_dir: Path) -> tuple[Path, Path]:
    """The seed page capture and its expected reading."""
    seeds = shared_dir / "seeds"
    text = seeds / "000_bc714f157d3b60cb.txt"
    expected = seeds / "000_bc714f157d3b60cb.expected.json"
    if not text.exists() or not expected.exists():
        pytest.skip("seed files are absent")
    return text, expected


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Folder for screenshots and other artefacts tests keep."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
