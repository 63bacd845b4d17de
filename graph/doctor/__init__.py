"""`skg doctor`: what this install can do, and what to run to get the rest.

Each probe in :mod:`graph.doctor.probes` looks at one part (Python and packages, the readers,
Java for Neo4j and CoreNLP, Chromium, the gazetteer, the stores) and returns
:class:`graph.doctor.probes.Finding` rows; :func:`graph.doctor.report.diagnose` runs them all.
A probe never raises: a part that cannot be checked is reported as missing with its fix.
"""
