"""Read queries that are allowed but too expensive to finish: every backend must stop them in time.

Each one passes the allow-list (it only reads) and, on the small sample graph, would run for minutes
or longer. Note that the bare ``MATCH (a),(b),(c),(d),(e),(f) RETURN count(*)`` is *not* here: both
engines answer it from node counts in milliseconds; a filter or a returned property over all six
variables is what forces them to walk the rows.
"""

from __future__ import annotations

SIX_WAY_CARTESIAN = ("MATCH (a),(b),(c),(d),(e),(f) WHERE a.id < b.id OR c.id < d.id OR e.id < f.id "
                     "RETURN count(*)")

EXPENSIVE_QUERIES: list[str] = [
    SIX_WAY_CARTESIAN,
    "MATCH p = (a)-[*]-(b) RETURN count(p)",
    "MATCH (a:Entity)-[*1..12]-(b:Entity) WHERE a.id <> b.id RETURN a.id, count(*) AS walks",
    "MATCH (a)--(b), (c)--(d), (e)--(f), (g)--(h) WHERE a.id + c.id + e.id + g.id <> '' RETURN count(*)",
]

# Six-way rows with a condition over all six variables: the embedded engine must flatten them, so
# without a row limit pushed into the query it fills its buffer pool (hundreds of millions of rows).
SIX_WAY_ROWS = ("MATCH (a),(b),(c),(d),(e),(f) "
                "WHERE size(coalesce(a.id, '') + coalesce(b.id, '') + coalesce(c.id, '') "
                "+ coalesce(d.id, '') + coalesce(e.id, '') + coalesce(f.id, '')) >= 0 "
                "RETURN a.id, b.id, c.id, d.id, e.id, f.id")
