"""Timing helpers shared by the benchmarks.

Both wall-clock and CPU seconds are printed: on a shared 2-core machine the
wall time of single-threaded code grows with other load, CPU time does not.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[T, float, float]:
    """Run ``fn``; return (result, wall seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, round(time.perf_counter() - wall, 3), round(time.process_time() - cpu, 3)


def emit(rows: list[dict[str, Any]], as_json: bool) -> None:
    """Print rows as a table, or one JSON object per row."""
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    keys = list(dict.fromkeys(k for row in rows for k in row))
    print(" | ".join(keys))
    for row in rows:
        print(" | ".join(str(row.get(k, "")) for k in keys))
