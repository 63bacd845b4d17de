"""`skg watch`: follow chosen actors, kinds, types or Länder and report what changed between builds.

:mod:`watchlist` keeps what is watched (``SKG_HOME/watchlist.jsonl``), :mod:`snapshots` picks and
reads two stored snapshots, :mod:`diff` lists new actors, new ties, risen evidence levels and ended
offices within the watched scope, and :mod:`render` / :mod:`atom` write them as tables, JSON or an
Atom feed. :func:`graph.watch.report.build_report` ties them together for the CLI and the dashboard.
"""
