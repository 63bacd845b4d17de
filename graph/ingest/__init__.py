"""Stage `ingest`: files, folders, stdin and URLs become :class:`graph.model.Article` documents.

Public API (see docs/architecture.md and docs/ingest.md)::

    read_inputs(inputs, settings) -> Iterator[Article | InputFailure]
    ingest(inputs, corpus, settings, progress=None) -> IngestReport

The names are imported on first use (:mod:`graph.lazy`): the readers pull in
trafilatura and feedparser, which ``skg --help`` should not wait for.
"""

from typing import TYPE_CHECKING

from graph.lazy import lazy_exports

if TYPE_CHECKING:
    from graph.ingest.failures import InputFailure
    from graph.ingest.readers import READERS, read_inputs, read_source
    from graph.ingest.run import IngestReport, ingest

__all__ = ["READERS", "IngestReport", "InputFailure", "ingest", "read_inputs", "read_source"]
__getattr__, __dir__ = lazy_exports(__name__, {
    "InputFailure": "graph.ingest.failures", "READERS": "graph.ingest.readers",
    "read_inputs": "graph.ingest.readers", "read_source": "graph.ingest.readers",
    "IngestReport": "graph.ingest.run", "ingest": "graph.ingest.run",
})
