"""Built-in recognisers (each registers itself with graph.extract.registry)."""
