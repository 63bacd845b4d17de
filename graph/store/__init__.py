"""Stage `store` of the pipeline (see docs/architecture.md)."""
