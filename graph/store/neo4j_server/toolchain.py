"""Fetch Neo4j Community with Maven and compile the launcher with javac.

The work is :mod:`graph.jvm`'s (shared with the CoreNLP recogniser); this module
says what the Neo4j build is: the pom and launcher in ``java/``, the classpath file
per Neo4j version under ``SKG_HOME/neo4j/build``, and backend errors on failure.
"""

from __future__ import annotations

from pathlib import Path

from graph import jvm
from graph.errors import BackendUnavailableError
from graph.store.neo4j_server.layout import JAVA_SOURCE_DIR, MAIN_CLASS, Layout


def _tool(layout: Layout) -> jvm.JavaTool:
    return jvm.JavaTool(name="neo4j", source_dir=JAVA_SOURCE_DIR, main_class=MAIN_CLASS,
                        build=layout.build, classes=layout.classes, error=BackendUnavailableError,
                        retry_hint="`skg neo4j start`")


def require_tool(name: str) -> str:
    """The absolute path of ``name`` or a clear error saying what to install."""
    return jvm.require_tool(name, BackendUnavailableError, "the local Neo4j")


def fetch(layout: Layout, version: str) -> str:
    """Resolve Neo4j ``version`` with Maven (cached in ~/.m2); return the classpath."""
    return jvm.resolve(_tool(layout), layout.classpath_file(version), {"neo4j.version": version},
                       f"fetching Neo4j {version} with Maven")


def compile_launcher(layout: Layout, classpath: str) -> Path:
    """Compile the launcher into ``classes/`` unless the same source is already compiled."""
    return jvm.compile_main(_tool(layout), classpath)


def fetched(layout: Layout, version: str) -> bool:
    """True when Neo4j ``version``'s jars are in Maven's cache (checked without starting Maven)."""
    return jvm.resolved(_tool(layout), layout.classpath_file(version))
