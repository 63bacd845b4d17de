"""Small Java programs skg owns: fetch their jars with Maven, compile them with javac.

Two stages run a JVM: the local Neo4j (``graph/store/neo4j_server``) and the
optional CoreNLP recogniser (``graph/extract/corenlp``). Each keeps a folder with
a ``pom.xml`` and one ``.java`` file; this module resolves the pom's dependencies
into Maven's cache (``~/.m2``, nothing is copied), writes the classpath into the
tool's build folder, and compiles the source against it.

The classpath and the compiled class are also kept in the user cache
(``~/.cache/skg/<tool>``), so a fresh ``SKG_HOME`` (every test run uses one)
skips Maven (6-20 s) and javac (3-13 s) on 2 cores.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from graph.errors import SkgError

FETCH_TIMEOUT_S = 900.0
COMPILE_TIMEOUT_S = 300.0
INSTALL_HINT = "install a JDK 17+ and Maven (Debian: apt-get install openjdk-17-jdk-headless maven)"


@dataclass(frozen=True)
class JavaTool:
    """One Java program: where its source lives, where its build goes, how it reports failure.

    ``error`` is the stage's own error class, so a failed Neo4j build reads as a
    backend problem and a failed CoreNLP build as an extraction problem.
    """

    name: str
    source_dir: Path
    main_class: str
    build: Path
    classes: Path
    error: type[SkgError]
    retry_hint: str

    @property
    def user_cache(self) -> Path:
        """``$XDG_CACHE_HOME/skg/<name>`` (default ``~/.cache/skg/<name>``)."""
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "skg" / self.name


def require_tool(name: str, error: type[SkgError], purpose: str) -> str:
    """The absolute path of ``name`` or a clear error saying what to install."""
    found = shutil.which(name)
    if found is None:
        raise error(f"`{name}` is not on PATH, needed for {purpose}", hint=INSTALL_HINT)
    return found


def run_build(command: list[str], *, cwd: Path, what: str, timeout: float, tool: JavaTool) -> None:
    """Run a build command; on failure show its last output lines."""
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        raise tool.error(f"{what} took longer than {timeout:.0f} s",
                         hint=f"check the network and retry {tool.retry_hint}") from None
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise tool.error(f"{what} failed (exit {done.returncode}):\n{tail}",
                         hint="Maven needs Maven Central once; later runs use ~/.m2")


def classpath_usable(path: Path) -> bool:
    """True when the classpath file exists and every jar it names is still in the cache."""
    if not path.exists():
        return False
    entries = [e for e in path.read_text().strip().split(":") if e]
    return bool(entries) and all(Path(e).exists() for e in entries)


def resolved(tool: JavaTool, target: Path) -> bool:
    """True when ``target`` (or its copy in the user cache) names jars that are all present.

    Lets callers and tests ask "is it fetched?" without starting Maven.
    """
    return classpath_usable(target) or classpath_usable(tool.user_cache / target.name)


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


def resolve(tool: JavaTool, target: Path, properties: dict[str, str], what: str) -> str:
    """Resolve the tool's pom with Maven into the classpath file ``target``; return the classpath.

    ``properties`` become ``-Dkey=value`` (the pom's version properties), so a
    setting can pick another version without editing the pom.
    """
    cached = tool.user_cache / target.name
    if not classpath_usable(target):
        _reuse(cached, target)
    if not classpath_usable(target):
        tool.build.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(tool.source_dir / "pom.xml", tool.build / "pom.xml")
        command = [require_tool("mvn", tool.error, what), "-q", "-B", "-Dstyle.color=never",
                   "-f", "pom.xml", "dependency:build-classpath", f"-Dmdep.outputFile={target}",
                   *(f"-D{key}={value}" for key, value in sorted(properties.items()))]
        run_build(command, cwd=tool.build, what=what, timeout=FETCH_TIMEOUT_S, tool=tool)
        _remember(target, cached)
    return target.read_text().strip()


def _source_digest(tool: JavaTool, classpath: str) -> str:
    """Identifies one build: the source compiled against one set of jars."""
    source = (tool.source_dir / f"{tool.main_class}.java").read_bytes()
    return hashlib.sha256(source + classpath.encode()).hexdigest()


def compile_main(tool: JavaTool, classpath: str) -> Path:
    """Compile the tool's class into ``tool.classes`` unless the same source is already compiled."""
    stamp = tool.classes / "source.sha256"
    digest = _source_digest(tool, classpath)
    built = tool.classes / f"{tool.main_class}.class"
    cached = tool.user_cache / "classes" / digest / built.name
    if built.exists() and stamp.exists() and stamp.read_text() == digest:
        return tool.classes
    tool.classes.mkdir(parents=True, exist_ok=True)
    if _reuse(cached, built):
        stamp.write_text(digest)
        return tool.classes
    command = [require_tool("javac", tool.error, f"compiling {tool.main_class}"),
               "-d", str(tool.classes), "-cp", classpath,
               str(tool.source_dir / f"{tool.main_class}.java")]
    run_build(command, cwd=tool.classes, what=f"compiling {tool.main_class}",
              timeout=COMPILE_TIMEOUT_S, tool=tool)
    stamp.write_text(digest)
    _remember(built, cached)
    return tool.classes
