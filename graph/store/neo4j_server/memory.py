"""How much memory the local Neo4j gets: sized from the machine, within fixed bounds.

Why not fixed small numbers: with a 1 GiB heap and a 256 MiB page cache, pushing a
100k-article graph (728k relationships) spent much of its time in 0.25–0.6 s garbage-collection
pauses and in flushing dirty pages of a cache smaller than the store. Why bounds: tests start
several servers at once on a 2-core machine that also runs the dashboard, so one server must
never claim the machine. Both values are ceilings, not reservations: a JVM only touches the
heap it needs and the page cache fills as pages are read or written, so an idle test server
on a small graph stays small.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

MIB = 1024 * 1024
GIB = 1024 * MIB
SHARE = 8  # heap and page cache each get 1/8 of the RAM …
HEAP_BOUNDS = (1 * GIB, 4 * GIB)  # … but at least 1 GiB and at most 4 GiB
PAGECACHE_BOUNDS = (256 * MIB, 4 * GIB)
TX_MEMORY_SHARE = 2  # all open transactions together may use half the heap


@dataclass(frozen=True)
class MemoryPlan:
    """Heap, page cache and transaction-memory ceilings of one server (bytes)."""

    heap: int
    pagecache: int
    tx_memory: int

    @property
    def heap_flag(self) -> str:
        """The JVM's ``-Xmx`` flag in whole MiB."""
        return f"-Xmx{self.heap // MIB}m"


def physical_memory() -> int:
    """Bytes of RAM of this machine (1 GiB when the OS does not say)."""
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (ValueError, OSError, AttributeError):
        return GIB


def _clamp(value: int, bounds: tuple[int, int]) -> int:
    low, high = bounds
    return max(low, min(high, value))


def plan(total: int | None = None) -> MemoryPlan:
    """The memory plan for a machine with ``total`` bytes of RAM (default: this one).

    >>> p = plan(24 * GIB)
    >>> (p.heap // MIB, p.pagecache // MIB, p.tx_memory // MIB)
    (3072, 3072, 1536)
    >>> plan(4 * GIB).heap_flag
    '-Xmx1024m'
    """
    ram = physical_memory() if total is None else total
    heap = _clamp(ram // SHARE, HEAP_BOUNDS)
    pagecache = _clamp(ram // SHARE, PAGECACHE_BOUNDS)
    return MemoryPlan(heap=heap, pagecache=pagecache, tx_memory=heap // TX_MEMORY_SHARE)
