"""stakeholder-graph: news about German public-sector IT as a knowledge graph."""

__version__ = "0.1.0"
