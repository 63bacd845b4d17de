"""Stage `extract` of the pipeline (see docs/architecture.md)."""
