"""Step timings of a script run, written to the server log when ``SKG_DASHBOARD_TIMINGS`` is set.

A browser benchmark sees only the total a user waits for; these lines say
where that time went inside the app (sidebar, each page query, server
warm-up), so a slow first page can be attributed without guessing. Off by
default: the cost is one environment lookup per step.

    SKG_DASHBOARD_TIMINGS=1 skg dashboard   # log lines "skg-timing <step> <seconds>"
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

ENV = "SKG_DASHBOARD_TIMINGS"
PREFIX = "skg-timing"


def enabled() -> bool:
    """Whether timings are logged (read on every step so tests can switch it)."""
    return os.environ.get(ENV, "") not in ("", "0")


@contextmanager
def step(name: str) -> Iterator[None]:
    """Time the block and log ``skg-timing <name> <seconds>`` to stderr when enabled."""
    if not enabled():
        yield
        return
    started = time.perf_counter()
    try:
        yield
    finally:
        log(name, time.perf_counter() - started)


def log(name: str, seconds: float) -> None:
    """One timing line (stderr reaches the ``skg dashboard`` log unbuffered)."""
    if enabled():
        print(f"{PREFIX} {name} {seconds:.4f}", file=sys.stderr, flush=True)


def parse(lines: str) -> list[tuple[str, float]]:
    """The ``(step, seconds)`` pairs found in a server log, in order.

    >>> parse("noise\\nskg-timing sidebar 0.0123\\n")
    [('sidebar', 0.0123)]
    """
    found = []
    for line in lines.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == PREFIX:
            found.append((parts[1], float(parts[2])))
    return found
