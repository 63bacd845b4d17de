"""Stage `resolve` of the pipeline (see docs/architecture.md)."""
