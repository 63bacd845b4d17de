"""Allow-list check of analyst Cypher before it reaches any backend.

Why an allow-list: a deny-list of write keywords misses the next dialect
feature (``INSERT`` in GQL, ``COPY``/``ATTACH``/``INSTALL`` in LadybugDB,
procedures). Here the query is tokenised (comments and string literals stripped
first) and every bare word must be one of: a read clause keyword, an allowed
function, an allowed read-only procedure after ``CALL``, a label / relationship
type / property key / parameter, or a variable the query itself binds. Anything
else is refused with :class:`graph.errors.QueryRefusedError` naming the word.

The backends add engine-side guards on top (read-only LadybugDB connection;
Neo4j READ session plus an ``EXPLAIN`` query-type check); :mod:`graph.store.limits`
adds the time limit and the row limit.

>>> check_query("MATCH (n:Entity) WHERE n.name CONTAINS 'x' RETURN n.id LIMIT 5")
>>> check_query("MATCH (n) DETACH DELETE n")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
graph.errors.QueryRefusedError: [E402] refused: DETACH is not allowed (only read queries may run) — ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.errors import QueryRefusedError


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


READ_KEYWORDS = _words("""
MATCH OPTIONAL WHERE WITH RETURN ORDER BY SKIP OFFSET LIMIT UNWIND UNION ALL CASE WHEN THEN ELSE END
AS DISTINCT AND OR XOR NOT IN IS NULL TRUE FALSE ASC ASCENDING DESC DESCENDING STARTS ENDS CONTAINS
EXISTS COUNT CALL YIELD SHORTEST ANY NONE SINGLE
""")
# Words that name a write, admin, file, network or extension operation. They are refused even
# where the query binds a variable of that name, so `MATCH (create) CREATE (x)` cannot slip through.
FORBIDDEN = _words("""
CREATE MERGE DELETE DETACH NODETACH SET REMOVE DROP ALTER RENAME GRANT DENY REVOKE SHOW USE LOAD CSV
FOREACH COPY EXPORT IMPORT ATTACH INSTALL UPDATE PROFILE EXPLAIN PERIODIC COMMIT TRANSACTIONS BEGIN
ROLLBACK CHECKPOINT INSERT START STOP TERMINATE ENABLE DISABLE FINISH MACRO DATABASE PASSWORD
""")
ALLOWED_FUNCTIONS = _words("""
count sum avg min max collect stdev stdevp percentilecont percentiledisc size length nodes
relationships rels labels label type id elementid keys properties startnode endnode coalesce
tolower toupper lower upper trim ltrim rtrim replace substring left right split reverse tostring
tointeger tofloat toboolean abs ceil floor round sign sqrt exp log log10 range head last tail
exists any all none single date datetime localdatetime duration shortestpath allshortestpaths
list_contains list_sort list_distinct string_split lcase ucase starts_with ends_with
""")
ALLOWED_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.index.fulltext.querynodes",
    "show_tables", "table_info",
})

_TOKEN = re.compile(
    r"""(?P<ws>\s+)|(?P<word>[A-Za-z_][A-Za-z0-9_]*)|(?P<quoted>`(?:[^`]|``)*`)|(?P<param>\$\w+)
    |(?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?P<sym>\.\.|<=|>=|<>|=~|->|<-|[-+*/%^=<>(){}\[\]:.,|&!;?])""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    """One lexical token: ``kind`` is word, quoted, param, num, sym or str.

    ``start``/``end`` locate it in the query text, so a rewrite (the row limit of
    :mod:`graph.store.limits`) can edit the original text around comments and strings.
    """

    kind: str
    text: str
    start: int = field(default=-1, compare=False)
    end: int = field(default=-1, compare=False)


def _refuse(why: str) -> QueryRefusedError:
    return QueryRefusedError(f"refused: {why}",
                             hint="only read queries (MATCH … RETURN) with the documented "
                                  "functions may run; see docs/cypher.md")


def strip_literals(query: str) -> list[Token]:
    """Tokens of ``query`` with comments removed and each string literal reduced to one ``str`` token."""
    tokens: list[Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if query.startswith("//", i):
            i = query.find("\n", i) if "\n" in query[i:] else n
        elif query.startswith("/*", i):
            end = query.find("*/", i + 2)
            if end < 0:
                raise _refuse("unterminated /* comment")
            i = end + 2
        elif ch in "'\"":
            end = _skip_string(query, i)
            tokens.append(Token("str", "''", i, end))
            i = end
        else:
            m = _TOKEN.match(query, i)
            if not m:
                raise _refuse(f"unexpected character {ch!r} at position {i}")
            if m.lastgroup != "ws":
                tokens.append(Token(str(m.lastgroup), m.group(), m.start(), m.end()))
            i = m.end()
    return tokens


def _skip_string(query: str, start: int) -> int:
    quote, i = query[start], start + 1
    while i < len(query):
        if query[i] == "\\":
            i += 2
            continue
        if query[i] == quote:
            return i + 1
        i += 1
    raise _refuse("unterminated string literal")


def _dotted(tokens: list[Token], i: int) -> tuple[str, int]:
    """A dotted name starting at word ``i`` (``db.index.fulltext.queryNodes``) and the index after it."""
    parts, j = [tokens[i].text], i + 1
    while j + 1 < len(tokens) and tokens[j].text == "." and tokens[j + 1].kind == "word":
        parts.append(tokens[j + 1].text)
        j += 2
    return ".".join(parts), j


def _bound_variables(tokens: list[Token]) -> set[str]:
    """Names the query binds: pattern variables, ``AS``/``YIELD`` names, comprehension and path variables."""
    bound: set[str] = set()
    in_yield = False
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1].text.upper() if i else ""
        if tok.kind == "quoted" and prev in ("(", "[", "AS", ","):
            bound.add(tok.text[1:-1].replace("``", "`").lower())  # `a name` bound in back-quotes
        if tok.kind != "word":
            continue
        up = tok.text.upper()
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        after_nxt = tokens[i + 2].text if i + 2 < len(tokens) else ""
        if up == "YIELD":
            in_yield = True
            continue
        if in_yield and (up in READ_KEYWORDS):
            in_yield = up == "AS"
        if (prev in ("(", "[", "AS") or (in_yield and prev in ("YIELD", ","))
                or (nxt == "=" and after_nxt in ("(", "SHORTEST", "shortestPath", "allShortestPaths"))
                or (nxt.upper() == "IN" and prev in ("(", "["))):
            bound.add(tok.text.lower())
    return bound


def check_query(query: str) -> None:
    """Raise :class:`QueryRefusedError` unless ``query`` is a single read-only query."""
    tokens = strip_literals(query)
    while tokens and tokens[-1].text == ";":
        tokens.pop()
    if not tokens:
        raise _refuse("the query is empty")
    if any(t.text == ";" for t in tokens):
        raise _refuse("only one statement may run (found ';')")
    first = tokens[0].text.upper()
    if first not in ("MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"):
        raise _refuse(f"{tokens[0].text} is not allowed (queries start with MATCH, OPTIONAL MATCH, "
                      "WITH, UNWIND, RETURN or CALL of a read-only procedure)")
    bound = _bound_variables(tokens)
    i = 0
    while i < len(tokens):
        i = _check_token(tokens, i, bound)


def _check_token(tokens: list[Token], i: int, bound: set[str]) -> int:
    tok = tokens[i]
    if tok.kind == "quoted":
        return _check_call_target(tokens, i, tok.text.strip("`"))
    if tok.kind != "word":
        return i + 1
    up = tok.text.upper()
    prev = tokens[i - 1].text if i else ""
    if prev in (":", "|", "&", "!") or (prev == "." and i >= 2 and tokens[i - 2].kind != "sym"):
        return i + 1  # label, relationship type, property key or part of a dotted name
    if up in FORBIDDEN:
        raise _refuse(f"{up} is not allowed (only read queries may run)")
    if up == "CALL":
        return _check_procedure(tokens, i + 1)
    name, j = _dotted(tokens, i)
    if j < len(tokens) and tokens[j].text == "(":
        return _check_call_target(tokens, i, name, j)
    if "." in name and name.split(".", 1)[0].lower() not in bound:
        raise _refuse(f"{name} is not a bound variable or allowed name")
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if up in READ_KEYWORDS or tok.text.lower() in bound or nxt == ":":
        return j if "." in name else i + 1
    raise _refuse(f"{tok.text} is not an allowed clause, function or a variable bound in the query")


def _check_call_target(tokens: list[Token], i: int, name: str, j: int | None = None) -> int:
    if j is None:
        j = i + 1
        if j >= len(tokens) or tokens[j].text != "(":
            return j  # a back-quoted label/key/variable: never a clause
    low = name.lower()
    if low in ALLOWED_FUNCTIONS or low.upper() in READ_KEYWORDS - {"CALL"}:
        return j
    raise _refuse(f"function {name}() is not in the allowed list")


def _check_procedure(tokens: list[Token], i: int) -> int:
    if i >= len(tokens) or tokens[i].kind != "word":
        raise _refuse("CALL is only allowed for read-only procedures (no CALL { … } subqueries)")
    name, j = _dotted(tokens, i)
    if name.lower() not in ALLOWED_PROCEDURES or j >= len(tokens) or tokens[j].text != "(":
        raise _refuse(f"procedure {name} is not in the allowed read-only list "
                      f"({', '.join(sorted(ALLOWED_PROCEDURES))})")
    return j
