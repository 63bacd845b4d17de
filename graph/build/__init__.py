"""Stage `build` of the pipeline (see docs/architecture.md)."""
