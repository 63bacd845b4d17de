"""The saved, parameterised query library (``data/queries/library.toml``).

Queries are data, not code: analysts add one by editing the TOML file. Each
entry has a name, a description, typed parameters with defaults and Cypher in
the dialect both backends share. :func:`run_saved` fills defaults, refuses
unknown or missing parameters (LadybugDB silently matches nothing for an
unbound ``$param``) and runs the query through the store's safe ``cypher()``.

>>> len(list_queries()) >= 12
True
>>> get_query("top_vendors_by_reach").params["limit"].default
20
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from graph.errors import QueryError
from graph.resources import data_path
from graph.store.base import GraphStore, QueryResult

_TYPES: dict[str, type] = {"int": int, "float": float, "str": str}


@dataclass(frozen=True)
class Param:
    """One parameter of a saved query."""

    name: str
    type: str = "str"
    default: Any = None
    required: bool = False
    help: str = ""

    def coerce(self, raw: Any) -> Any:
        """``raw`` (often a CLI string) in this parameter's type."""
        try:
            return _TYPES[self.type](raw)
        except (KeyError, TypeError, ValueError):
            raise QueryError(f"parameter {self.name}={raw!r} is not a valid {self.type}",
                             hint=f"pass --param {self.name}=<{self.type}>") from None


@dataclass(frozen=True)
class SavedQuery:
    """A named query with its description, parameters and Cypher text."""

    name: str
    description: str
    cypher: str
    params: dict[str, Param]


def _library_file() -> Any:
    return data_path("queries", "library.toml")


@cache
def _load() -> dict[str, SavedQuery]:
    path = _library_file()
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    queries = {}
    for entry in data.get("query", []):
        params = {k: Param(k, **v) for k, v in entry.get("params", {}).items()}
        queries[entry["name"]] = SavedQuery(entry["name"], entry["description"],
                                            entry["cypher"].strip(), params)
    return queries


def list_queries() -> list[SavedQuery]:
    """Every saved query, in library order."""
    return list(_load().values())


def get_query(name: str) -> SavedQuery:
    """One saved query by name."""
    try:
        return _load()[name]
    except KeyError:
        raise QueryError(f"no saved query named {name!r}",
                         hint="run `skg query --list` to see the library") from None


def bind(query: SavedQuery, params: dict[str, Any] | None = None) -> dict[str, Any]:
    """Parameters with defaults filled and types coerced; unknown or missing ones refused."""
    given = dict(params or {})
    unknown = sorted(set(given) - set(query.params))
    if unknown:
        raise QueryError(f"saved query {query.name} has no parameter {', '.join(unknown)}",
                         hint=f"its parameters: {', '.join(query.params) or 'none'}")
    bound = {}
    for name, param in query.params.items():
        if name in given:
            bound[name] = param.coerce(given[name])
        elif param.required:
            raise QueryError(f"saved query {query.name} needs --param {name}=…", hint=param.help)
        else:
            bound[name] = param.default
    return bound


def run_saved(store: GraphStore, name: str, params: dict[str, Any] | None = None, *,
              row_cap: int | None = None, timeout_s: float | None = None) -> QueryResult:
    """Run a saved query on ``store`` (read-only and under the same limits as any user query)."""
    query = get_query(name)
    return store.cypher(query.cypher, bind(query, params), row_cap=row_cap, timeout_s=timeout_s)
