"""What a reader reports instead of raising: one failed input (or input line).

Readers never let an exception escape, so one bad file cannot stop a batch;
each problem becomes an :class:`InputFailure` that names the file (and line)
and says what the user can do about it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputFailure:
    """An input, or one line of it, that could not be read as an article."""

    source: str
    line: int | None
    message: str
    hint: str
    reader: str = ""

    def location(self) -> str:
        """``file:line`` when the line is known, else the file."""
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    def __str__(self) -> str:
        return f"{self.location()}: {self.message} — {self.hint}"
