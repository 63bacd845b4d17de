"""graph.jvm: when a fetched classpath counts as usable, and how a missing tool is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import jvm
from graph.errors import ExtractionError


def _tool(tmp_path: Path) -> jvm.JavaTool:
    return jvm.JavaTool(name="demo", source_dir=tmp_path / "src", main_class="Demo", build=tmp_path / "build",
                        classes=tmp_path / "classes", error=ExtractionError, retry_hint="`skg demo`")


def test_jvm_classpath_needs_every_jar(tmp_path: Path) -> None:
    jar = tmp_path / "a.jar"
    jar.write_bytes(b"PK")
    listing = tmp_path / "cp.txt"
    assert not jvm.classpath_usable(listing)
    listing.write_text(f"{jar}:{tmp_path / 'missing.jar'}")
    assert not jvm.classpath_usable(listing)
    listing.write_text(f"{jar}\n")
    assert jvm.classpath_usable(listing)
    listing.write_text("")
    assert not jvm.classpath_usable(listing)


def test_jvm_resolved_reads_the_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    tool = _tool(tmp_path)
    target = tool.build / "classpath-1.txt"
    assert not jvm.resolved(tool, target)
    jar = tmp_path / "b.jar"
    jar.write_bytes(b"PK")
    tool.user_cache.mkdir(parents=True)
    (tool.user_cache / target.name).write_text(str(jar))
    assert jvm.resolved(tool, target)
    assert tool.user_cache == tmp_path / "cache" / "skg" / "demo"


def test_jvm_missing_tool_names_what_to_install() -> None:
    with pytest.raises(ExtractionError) as err:
        jvm.require_tool("no-such-java-tool-xyz", ExtractionError, "the demo")
    assert "no-such-java-tool-xyz" in str(err.value) and "apt-get install" in err.value.hint


def test_jvm_failed_build_shows_its_output(tmp_path: Path) -> None:
    tool = _tool(tmp_path)
    with pytest.raises(ExtractionError) as err:
        jvm.run_build(["python3", "-c", "import sys; print('boom'); sys.exit(3)"], cwd=tmp_path,
                      what="building demo", timeout=30, tool=tool)
    assert "exit 3" in str(err.value) and "boom" in str(err.value)
