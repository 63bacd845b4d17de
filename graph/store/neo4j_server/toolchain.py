"""Fetch Neo4j Community with Maven and compile the launcher with javac.

Maven resolves the jars into its own cache (``~/.m2``) and writes the classpath into
``SKG_HOME/neo4j/build``; nothing is copied, so a second home costs no disk. The classpath
and the compiled launcher are also kept in the user cache (``~/.cache/skg/neo4j``), so a
fresh home (every test run uses one) skips Maven (6-20 s) and javac (3-13 s) on 2 cores.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from graph.errors import BackendUnavailableError
from graph.store.neo4j_server.layout import JAVA_SOURCE_DIR, MAIN_CLASS, Layout

FETCH_TIMEOUT_S = 900.0
_INSTALL_HINT = "install a JDK 17+ and Maven (Debian: apt-get install openjdk-17-jdk-headless maven)"


def require_tool(name: str) -> str:
    """The absolute path of ``name`` or a clear error saying what to install."""
    found = shutil.which(name)
    if found is None:
        raise BackendUnavailableError(f"`{name}` is not on PATH, needed for the local Neo4j",
                                      hint=_INSTALL_HINT)
    return found


def _run(command: list[str], *, cwd: Path, what: str, timeout: float) -> None:
    """Run a build command; on failure show its last output lines."""
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        raise BackendUnavailableError(f"{what} took longer than {timeout:.0f} s",
                                      hint="check the network and retry `skg neo4j start`") from None
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise BackendUnavailableError(f"{what} failed (exit {done.returncode}):\n{tail}",
                                      hint="Maven needs Maven Central once; later starts use ~/.m2")


def _classpath_usable(path: Path) -> bool:
    """True when the classpath file exists and every jar it names is still in the cache."""
    if not path.exists():
        return False
    entries = [e for e in path.read_text().strip().split(":") if e]
    return bool(entries) and all(Path(e).exists() for e in entries)


def user_cache() -> Path:
    """``$XDG_CACHE_HOME/skg/neo4j`` (default ``~/.cache/skg/neo4j``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "skg" / "neo4j"


def _reuse(cached: Path, target: Path) -> bool:
    """Copy a cached file into the home when it exists; True when it did."""
    if not cached.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    return True


def _remember(built: Path, cached: Path) -> None:
    """Keep a copy in the user cache; a read-only cache only costs speed."""
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, cached)
    except OSError:
        pass


def fetch(layout: Layout, version: str) -> str:
    """Resolve Neo4j ``version`` with Maven (cached in ~/.m2); return the classpath."""
    target = layout.classpath_file(version)
    cached = user_cache() / target.name
    if not _classpath_usable(target):
        _reuse(cached, target)
    if not _classpath_usable(target):
        layout.build.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(JAVA_SOURCE_DIR / "pom.xml", layout.build / "pom.xml")
        command = [require_tool("mvn"), "-q", "-B", "-Dstyle.color=never", "-f", "pom.xml",
                   "dependency:build-classpath", f"-Dmdep.outputFile={target}",
                   f"-Dneo4j.version={version}"]
        _run(command, cwd=layout.build, what=f"fetching Neo4j {version} with Maven",
             timeout=FETCH_TIMEOUT_S)
        _remember(target, cached)
    return target.read_text().strip()


def _source_digest(classpath: str) -> str:
    """Identifies one build: the launcher source compiled against one set of jars."""
    source = (JAVA_SOURCE_DIR / f"{MAIN_CLASS}.java").read_bytes()
    return hashlib.sha256(source + classpath.encode()).hexdigest()


def compile_launcher(layout: Layout, classpath: str) -> Path:
    """Compile the launcher into ``classes/`` unless the same source is already compiled."""
    stamp = layout.classes / "source.sha256"
    digest = _source_digest(classpath)
    built = layout.classes / f"{MAIN_CLASS}.class"
    cached = user_cache() / "classes" / digest / built.name
    if built.exists() and stamp.exists() and stamp.read_text() == digest:
        return layout.classes
    layout.classes.mkdir(parents=True, exist_ok=True)
    if _reuse(cached, built):
        stamp.write_text(digest)
        return layout.classes
    command = [require_tool("javac"), "-d", str(layout.classes), "-cp", classpath,
               str(JAVA_SOURCE_DIR / f"{MAIN_CLASS}.java")]
    _run(command, cwd=layout.root, what="compiling the Neo4j launcher", timeout=300.0)
    stamp.write_text(digest)
    _remember(built, cached)
    return layout.classes
