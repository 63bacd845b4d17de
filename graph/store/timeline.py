"""Rolling per-day article counts up to the periods of :meth:`GraphStore.timeline`.

The database groups by publication day (a few thousand rows for decades of news); the
roll-up to months, quarters or years happens here so both backends share one dialect-free
query and one definition of a period.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from graph.errors import QueryError

_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _quarter(year: str, month: str | None) -> str | None:
    return f"{year}-Q{(int(month) - 1) // 3 + 1}" if month else None


_PERIODS: dict[str, Callable[[str, str | None, str | None], str | None]] = {
    "day": lambda y, m, d: f"{y}-{m}-{d}" if m and d else None,
    "month": lambda y, m, d: f"{y}-{m}" if m else None,
    "quarter": lambda y, m, d: _quarter(y, m),
    "year": lambda y, m, d: y,
}
GRANULARITIES: tuple[str, ...] = tuple(_PERIODS)


def period_of(published: str, granularity: str) -> str | None:
    """The period label of an ISO date prefix, or ``None`` when it is too coarse or malformed."""
    match = _DAY.match(published.strip())
    if not match:
        return None
    return _PERIODS[granularity](*match.groups())


def roll_up(day_counts: Iterable[tuple[Any, Any]], granularity: str) -> list[dict[str, Any]]:
    """``(day, count)`` pairs as sorted ``{"period", "articles"}`` rows of ``granularity``."""
    if granularity not in _PERIODS:
        raise QueryError(f"unknown timeline granularity {granularity!r}",
                         hint=f"use one of {', '.join(GRANULARITIES)}")
    totals: Counter[str] = Counter()
    for day, count in day_counts:
        period = period_of(str(day), granularity) if day is not None else None
        if period is not None:
            totals[period] += int(count)
    return [{"period": p, "articles": n} for p, n in sorted(totals.items())]
