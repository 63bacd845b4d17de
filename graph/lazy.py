"""Lazy package exports, so that ``skg --help`` does not import every stage's libraries.

A package ``__init__`` that re-exports its public API eagerly makes
``import graph.ingest.commands`` pay for trafilatura, and
``import graph.store.neo4j_server.commands`` for the Neo4j driver and pandas:
about 1.5 s of CLI start-up before any command runs. :func:`lazy_exports`
gives a package a module ``__getattr__`` (PEP 562) that imports a name's
module on first access; type checkers still see the real imports under
``TYPE_CHECKING``.

>>> getattr_, dir_ = lazy_exports("pkg", {"dumps": "json"})
>>> getattr_("dumps").__name__
'dumps'
>>> getattr_("loads")
Traceback (most recent call last):
...
AttributeError: module 'pkg' has no attribute 'loads'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

Getattr = Callable[[str], Any]
Dir = Callable[[], list[str]]


def lazy_exports(package: str, names: Mapping[str, str]) -> tuple[Getattr, Dir]:
    """``(__getattr__, __dir__)`` for ``package``: ``names`` maps an exported name to its module."""

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module), name)

    def __dir__() -> list[str]:
        return sorted(names)

    return __getattr__, __dir__
