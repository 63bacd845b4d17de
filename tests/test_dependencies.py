"""Every third-party module the package imports is a declared dependency.

Installs that work on the developer's machine by accident (a library pulled in by another
one) break the day that other library changes. This test reads the package's source, maps
each imported top-level module (and each ``importlib.resources.files("…")`` package) to its
distribution, and checks that ``pyproject.toml`` declares it: as a runtime dependency, or in an
extra when only the modules listed in ``EXTRA_USERS`` use it.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN = {"graph", "dashboard"}
# Modules that may use an extra's packages (each imports them inside a function, on demand).
EXTRA_USERS = {
    "spacy": {"graph/extract/recognizers/spacy_adapter.py"},
    "test": {"graph/store/neo4j_server/testing.py"},
    "train": {"graph/extract/training/build_nouns.py"},
}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str:
    return _norm(re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0])


def _imported(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        elif (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "files" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.add(node.args[0].value.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name not in OWN}


def _uses() -> dict[str, set[str]]:
    """Top-level module → the package files that import it."""
    uses: dict[str, set[str]] = {}
    for package in OWN:
        for path in sorted((ROOT / package).rglob("*.py")):
            for module in _imported(ast.parse(path.read_text(encoding="utf-8"))):
                uses.setdefault(module, set()).add(path.relative_to(ROOT).as_posix())
    return uses


def _declared() -> tuple[set[str], dict[str, set[str]]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_requirement_name(r) for r in project["dependencies"]}
    extras = {extra: {_requirement_name(r) for r in reqs}
              for extra, reqs in project.get("optional-dependencies", {}).items()}
    return runtime, extras


def _distribution(module: str, extras: dict[str, set[str]]) -> str:
    """The distribution providing ``module``; an extra's uninstalled package by its own name."""
    dists = metadata.packages_distributions().get(module)
    if dists:
        return _norm(dists[0])
    # Not installed here (e.g. spaCy): accept it when an extra names a distribution like it.
    return _norm(module)


def test_dependencies_every_import_is_declared() -> None:
    runtime, extras = _declared()
    problems = []
    for module, files in sorted(_uses().items()):
        dist = _distribution(module, extras)
        if dist in runtime:
            continue
        owners = [extra for extra, names in extras.items() if dist in names]
        allowed = set().union(*(EXTRA_USERS.get(extra, set()) for extra in owners))
        if not owners or not files <= allowed:
            problems.append(f"{module} ({dist}) imported by {sorted(files - allowed)} is not a runtime "
                            f"dependency in pyproject.toml" + (f" (only in extra {owners})" if owners else ""))
    assert problems == []


def test_dependencies_html_clean_is_declared() -> None:
    # jusText imports lxml.html.clean at run time; lxml 6.2 no longer installs it through its extra.
    runtime, _ = _declared()
    assert "lxml-html-clean" in runtime


def test_dependencies_lock_pins_every_runtime_dependency() -> None:
    pins = {_norm(line.split("==")[0]) for line in (ROOT / "constraints.txt").read_text().splitlines()
            if "==" in line and not line.lstrip().startswith("#")}
    runtime, extras = _declared()
    assert runtime - pins == set()
    assert extras["test"] - pins == set()
