"""Lay out the network page in the background while the user reads the overview.

The first visit to the network page on a fresh server used to pay for
importing igraph, reading the filtered graph, computing the metrics and the
layout: 1.3–1.9 s of server time before anything was sent, so a click on
*Network* took 2.4–3.3 s. Once the overview's script run has ended, the
server has nothing to do while the browser draws and the user reads, so the
overview starts one thread per process and filter state that fills the same
``st.cache_data`` entry the network page reads for its default settings
(no focus, size by the first metric, colour by type). If the user clicks
before it is done, Streamlit's per-key compute lock makes the page wait for
that result instead of computing it a second time.

Only a real ``skg dashboard`` server enables this (:func:`enable`, called by
:mod:`dashboard.server`): ``AppTest`` runs in test processes whose
``SKG_HOME`` changes from test to test, where a thread that outlives its
test would open the next test's store.
"""

from __future__ import annotations

import contextlib
import threading
import time

from graph.store.base import SubgraphFilter

DELAY_S = 1.0
"""Wait after the overview's run before starting: the browser may still fetch
Streamlit's lazily loaded scripts for the page, and the server's event loop
serves them; python-igraph keeps the GIL while it lays out."""

_enabled = threading.Event()
_lock = threading.Lock()
_one_at_a_time = threading.Lock()  # background layouts never compete with each other
_started: set[tuple[SubgraphFilter, str, int]] = set()


def enable() -> None:
    """Allow background layouts in this process (the dashboard server only)."""
    _enabled.set()


def network_soon(flt: SubgraphFilter, snap: str, seed: int) -> bool:
    """Start laying out the default network page for ``flt`` unless done before; ``True`` if started."""
    key = (flt, snap, seed)
    with _lock:
        if not _enabled.is_set() or key in _started:
            return False
        _started.add(key)
    threading.Thread(target=_prepare, args=key, name="skg-prefetch-network", daemon=True).start()
    return True


def _prepare(flt: SubgraphFilter, snap: str, seed: int) -> None:
    """Fill the network page's cache entry; any failure is left for the page itself to report."""
    time.sleep(DELAY_S)
    from dashboard import data, timing
    from dashboard.netdata import METRICS
    from dashboard.server import quiet_caches

    with _one_at_a_time, quiet_caches(), contextlib.suppress(Exception), timing.step("prefetch:network"):
        data.network_html(flt, METRICS[0], "type", snap, seed)
