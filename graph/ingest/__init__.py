"""Stage `ingest`: files, folders, stdin and URLs become :class:`graph.model.Article` documents.

Public API (see docs/architecture.md and docs/ingest.md)::

    read_inputs(inputs, settings) -> Iterator[Article | InputFailure]
    ingest(inputs, corpus, settings, progress=None) -> IngestReport
"""

from graph.ingest.failures import InputFailure
from graph.ingest.readers import READERS, read_inputs, read_source
from graph.ingest.run import IngestReport, ingest

__all__ = ["READERS", "IngestReport", "InputFailure", "ingest", "read_inputs", "read_source"]
