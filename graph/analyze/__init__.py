"""Stage `analyze` of the pipeline (see docs/architecture.md)."""
