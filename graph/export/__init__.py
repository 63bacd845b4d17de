"""Stage `export` of the pipeline (see docs/architecture.md)."""
