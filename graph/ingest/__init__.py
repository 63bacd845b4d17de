"""Stage `ingest` of the pipeline (see docs/architecture.md)."""
