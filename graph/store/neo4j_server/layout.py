"""Where the local Neo4j keeps its files under ``SKG_HOME/neo4j``.

One frozen dataclass instead of path arithmetic scattered over the launcher, so the
CLI, the tests and the docs agree on the layout::

    SKG_HOME/neo4j/
      password        generated on first start, mode 0600 (the single source of truth)
      build/          the copied pom.xml and Maven's classpath file per Neo4j version
      classes/        the compiled launcher (recompiled when its source changes)
      data/ logs/     Neo4j's databases and its own logs
      import/         the only folder LOAD CSV could read (file URLs are switched off anyway)
      server.json     pid, port and version of the running launcher
      server.log      the launcher's stdout/stderr
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph.settings import Settings

JAVA_SOURCE_DIR = Path(__file__).resolve().parent / "java"
MAIN_CLASS = "SkgNeo4j"


@dataclass(frozen=True)
class Layout:
    """Paths of one local Neo4j installation."""

    root: Path

    @classmethod
    def of(cls, settings: Settings) -> Layout:
        """The layout below the settings' ``home``."""
        return cls(settings.home_path / "neo4j")

    @property
    def password(self) -> Path:
        return self.root / "password"

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def classes(self) -> Path:
        return self.root / "classes"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def state(self) -> Path:
        return self.root / "server.json"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    @property
    def lock(self) -> Path:
        return self.root / ".lock"

    def classpath_file(self, version: str) -> Path:
        """Maven's resolved classpath for one Neo4j version (jars stay in ~/.m2)."""
        return self.build / f"classpath-{version}.txt"
