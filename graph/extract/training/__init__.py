"""Reproducible training of the statistical recogniser (``python -m graph.extract.training.train_crf``)."""
