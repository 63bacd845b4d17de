"""One exception family for everything `skg` expects to go wrong.

Every error carries a short code (``E###``), what failed, where (file and line
when known) and what the user should do next. The CLI and the dashboard print
``str(error)`` as one line and never a traceback for these.
"""

from __future__ import annotations


class SkgError(Exception):
    """Base class: an expected failure with an actionable message."""

    code = "E000"

    def __init__(
        self,
        message: str,
        *,
        hint: str = "",
        path: str | None = None,
        line: int | None = None,
    ) -> None:
        self.message = message
        self.hint = hint
        self.path = path
        self.line = line
        super().__init__(str(self))

    def location(self) -> str:
        """Return ``file:line`` (or just the file) when known."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def __str__(self) -> str:
        where = self.location()
        head = f"[{self.code}] {where + ': ' if where else ''}{self.message}"
        return f"{head} — {self.hint}" if self.hint else head


class ConfigError(SkgError):
    """A setting has an invalid value or the settings file cannot be read."""

    code = "E010"


class InputError(SkgError):
    """An input file, line or URL cannot be read as an article."""

    code = "E100"


class UnsupportedFormatError(InputError):
    """No reader recognises the input."""

    code = "E101"


class ExtractionError(SkgError):
    """An extractor or gazetteer could not be loaded or applied."""

    code = "E200"


class JudgementError(SkgError):
    """A curation judgement refers to unknown entities or is malformed."""

    code = "E300"


class StoreError(SkgError):
    """The corpus store or a graph backend failed."""

    code = "E400"


class BackendUnavailableError(StoreError):
    """A graph backend (e.g. Neo4j) cannot be reached or authenticated."""

    code = "E401"


class QueryRefusedError(StoreError):
    """A user Cypher query was refused because it could change or leak data."""

    code = "E402"


class QueryError(StoreError):
    """A user Cypher query failed to parse or run."""

    code = "E403"


class QueryTimeoutError(QueryError):
    """A user Cypher query was stopped at its time limit."""

    code = "E404"


class ExportError(SkgError):
    """An export could not be written."""

    code = "E500"
