"""Time and row limits of analyst Cypher, shared by both backends.

The allow-list (:mod:`graph.store.safety`) keeps user queries read-only, but a read can still
be ruinous: ``MATCH (a),(b),(c),(d),(e),(f) WHERE …`` walks every combination of six nodes and an
unbounded ``-[*]-`` walks every path. Two limits keep the CLI and the dashboard usable:

- a **time limit** (setting ``query_timeout_s``) that the engine itself enforces: LadybugDB's
  per-connection query timeout and Neo4j's per-transaction timeout, which the server applies to a
  user's existing server too. Both stop the work, not just the wait.
- a **row limit** (setting ``query_row_cap``): at most ``cap + 1`` rows are read, the extra one
  telling "exactly cap rows" from "cut off". Neo4j streams, so reading fewer records is enough
  (the rest is discarded and the server stops). LadybugDB builds a whole result before the first
  row is read, so for it :func:`with_row_limit` pushes ``LIMIT cap+1`` into the query text: a
  six-way result of 300 million rows otherwise fills the buffer pool.

The messages here name the limit, the setting that changes it and what to do instead.

>>> with_row_limit("MATCH (n:Entity) RETURN n.name // all names", {}, 100)
'MATCH (n:Entity) RETURN n.name LIMIT 101 // all names'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.errors import QueryError, QueryTimeoutError
from graph.settings import Settings
from graph.store.safety import Token, strip_literals

_NARROW = ("narrow the pattern (labels such as :Entity, a WHERE on e.id or e.name before expanding), "
           "bound variable-length paths (-[*1..3]- instead of -[*]-), avoid comma-separated patterns "
           "that multiply rows (MATCH (a),(b)), add LIMIT")
_MORE_TIME = ("or allow more time: `skg query --timeout SECONDS`, SKG_QUERY_TIMEOUT_S or query_timeout_s "
              "in skg.toml (0 = no limit)")


def effective_limits(settings: Settings, row_cap: int | None, timeout_s: float | None) -> tuple[int, float]:
    """The row cap and time limit of one query: the arguments, else the settings; checked."""
    cap = int(row_cap if row_cap is not None else settings.query_row_cap)
    timeout = float(timeout_s if timeout_s is not None else settings.query_timeout_s)
    if cap < 1:
        raise QueryError(f"the row limit must be at least 1 (got {cap})",
                         hint="pass --row-cap N with N ≥ 1, or set query_row_cap / SKG_QUERY_ROW_CAP")
    if timeout < 0:
        raise QueryError(f"the time limit cannot be negative (got {timeout:g} s)",
                         hint="pass --timeout SECONDS (0 = no limit) or set query_timeout_s / "
                              "SKG_QUERY_TIMEOUT_S")
    return cap, timeout


def timeout_error(limit_s: float, *, server: bool = False) -> QueryTimeoutError:
    """The error of a query stopped at ``limit_s`` (``server``: at the Neo4j server's own limit)."""
    if server:
        ours = f", before skg's limit of {limit_s:g} s" if limit_s > 0 else ""
        return QueryTimeoutError(
            "Neo4j stopped the query at the server's own time limit (its setting "
            f"db.transaction.timeout){ours}",
            hint=f"{_NARROW}; the server's limit is set by its administrator (Neo4j 4.2–5.2 ignore a "
                 "--timeout above it)")
    return QueryTimeoutError(
        f"the query was stopped at its time limit of {limit_s:g} s (setting query_timeout_s)",
        hint=f"{_NARROW}; {_MORE_TIME}")


def memory_error(setting: str, limit_mb: int) -> QueryError:
    """The error of a query that needed more memory than the engine may use."""
    limit = f"its limit of {limit_mb} MB" if limit_mb > 0 else "the server allows"
    return QueryError(f"the query needed more memory than {limit} (setting {setting})",
                      hint="narrow the pattern or add LIMIT (ORDER BY, DISTINCT and collect() over many rows "
                           f"hold them all in memory); or raise {setting} / SKG_{setting.upper()}")


def truncation_note(shown: int) -> str:
    """What a cut-off result says about itself (CLI stderr, dashboard caption)."""
    return (f"showing the first {shown} rows: the query returned more than the row limit (setting "
            "query_row_cap; `skg query --row-cap N`, SKG_QUERY_ROW_CAP) — add LIMIT or narrow the query")


def with_row_limit(query: str, params: Mapping[str, Any], cap: int) -> str:
    """``query`` asking the engine for at most ``cap + 1`` rows from each final ``RETURN``.

    A missing ``LIMIT`` is appended (after the last token, so a trailing comment stays a
    comment); a literal or parameter ``LIMIT`` above ``cap + 1`` is lowered; a smaller one, an
    expression, or a query without a final ``RETURN`` (a bare ``CALL``) is left alone.
    """
    tokens = strip_literals(query)
    edits = [e for part in _parts(tokens) if (e := _part_edit(part, params, cap + 1)) is not None]
    for start, end, text in sorted(edits, reverse=True):
        query = query[:start] + text + query[end:]
    return query


def _parts(tokens: list[Token]) -> list[list[Token]]:
    """The top-level tokens of each part of a query (split at ``UNION``, without ``;``).

    Bracketed contents (subqueries, function arguments) are dropped; a closing bracket is kept so
    that the part's last token is where the part ends.
    """
    parts: list[list[Token]] = [[]]
    depth = 0
    for tok in tokens:
        if tok.text in ("(", "[", "{"):
            depth += 1
        elif tok.text in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                parts[-1].append(tok)
        elif depth == 0 and tok.kind == "word" and tok.text.upper() == "UNION":
            parts.append([])
        elif depth == 0 and tok.text != ";":
            parts[-1].append(tok)
    return parts


def _is_clause(tokens: list[Token], i: int, word: str) -> bool:
    prev = tokens[i - 1].text if i else ""
    return tokens[i].kind == "word" and tokens[i].text.upper() == word and prev not in (".", ":")


def _part_edit(part: list[Token], params: Mapping[str, Any], wanted: int) -> tuple[int, int, str] | None:
    returns = [i for i in range(len(part)) if _is_clause(part, i, "RETURN")]
    if not returns:
        return None
    limits = [i for i in range(returns[-1], len(part)) if _is_clause(part, i, "LIMIT")]
    if not limits:
        end = part[-1].end
        return end, end, f" LIMIT {wanted}"
    value = part[limits[-1] + 1:]
    if len(value) != 1 or _limit_value(value[0], params) <= wanted:
        return None
    return value[0].start, value[0].end, str(wanted)


def _limit_value(tok: Token, params: Mapping[str, Any]) -> int:
    """An integer LIMIT's value; 0 (leave it alone) for anything else."""
    if tok.kind == "num" and tok.text.isdigit():
        return int(tok.text)
    if tok.kind == "param":
        value = params.get(tok.text[1:])
        return value if isinstance(value, int) and not isinstance(value, bool) else 0
    return 0
