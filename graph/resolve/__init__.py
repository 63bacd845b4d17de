"""Stage `resolve`: mentions → canonical entities under replayed curation judgements.

Public API: :func:`resolve`, :class:`Resolution`, :class:`MergeCandidate`,
:class:`JudgementLog`, :func:`find_entity`, :func:`name_key` (see docs/resolution.md).
"""

from graph.resolve.judgements import JudgementLog, log_path, parse_type
from graph.resolve.lookup import find_entity
from graph.resolve.names import name_key
from graph.resolve.resolver import MergeCandidate, Resolution, resolve

__all__ = [
    "JudgementLog", "MergeCandidate", "Resolution", "find_entity", "log_path", "name_key", "parse_type",
    "resolve",
]
