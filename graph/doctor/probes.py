"""Probes of one install: each returns findings (area, status, what was found, how to get the rest).

Probes only read: they import modules, ask programs for their version and stat files. None
starts a server, downloads anything or writes to ``SKG_HOME``, so ``skg doctor`` is safe to
run anywhere, also on a broken install (which is when it is needed most).
"""

from __future__ import annotations

import importlib
import platform
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

Status = Literal["ok", "missing", "warn", "info"]

# The modules that read each input kind; importing them pulls in every optional part they need
# (trafilatura → jusText → lxml.html.clean is the one that broke on 2026-12-05).
READER_MODULES: dict[str, str] = {
    "Kommune21 captures": "graph.ingest.capture",
    "HTML pages": "graph.ingest.webpage",
    "portal HTML": "graph.ingest.portal",
    "RSS/Atom feeds": "graph.ingest.feeds",
    "JSONL": "graph.ingest.jsonl",
    "plain text": "graph.ingest.plaintext",
    "URLs": "graph.ingest.fetch",
}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")
JAVA_HINT = "apt-get install openjdk-17-jdk-headless maven (a JDK 17+ and Maven)"


@dataclass(frozen=True)
class Finding:
    """One row of the doctor's table."""

    area: str
    status: Status
    found: str
    fix: str = ""


def python_finding() -> Finding:
    """The interpreter: skg needs CPython 3.11 or newer."""
    version = platform.python_version()
    ok = sys.version_info >= (3, 11)
    return Finding("Python", "ok" if ok else "missing", f"{platform.python_implementation()} {version}",
                   "" if ok else "install Python 3.11+")


def package_finding() -> Finding:
    """The skg distribution itself: version and whether it is an editable checkout."""
    try:
        dist = metadata.distribution("stakeholder-graph")
    except metadata.PackageNotFoundError:
        return Finding("stakeholder-graph", "warn", "not installed (a source tree on sys.path)",
                       "pip install -c constraints.txt -e .")
    direct = dist.read_text("direct_url.json") or ""
    kind = "editable checkout" if '"editable": true' in direct else "installed wheel"
    return Finding("stakeholder-graph", "ok", f"{dist.version} ({kind})")


def normalise(name: str) -> str:
    """PEP 503 normalised distribution name.

    >>> normalise("lxml_html_clean"), normalise("Charset.Normalizer")
    ('lxml-html-clean', 'charset-normalizer')
    """
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(lines: Iterable[str]) -> dict[str, str]:
    """``name == version`` pins of a constraints file (comments and markers ignored).

    >>> read_pins(["# via x", "lxml==6.2.1", "colorama==0.4.6 ; sys_platform == 'win32'", ""])
    {'lxml': '6.2.1', 'colorama': '0.4.6'}
    """
    pins: dict[str, str] = {}
    for line in lines:
        match = PIN.match(line.strip())
        if match:
            pins[normalise(match.group(1))] = match.group(2)
    return pins


def installed_versions() -> dict[str, str]:
    """Every installed distribution's normalised name → version."""
    found: dict[str, str] = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if name:
            found[normalise(name)] = dist.version
    return found


def lock_finding(lock: Path | None, installed: dict[str, str]) -> Finding:
    """How far the installed packages are from the tested lock (``constraints.txt``)."""
    if lock is None or not lock.is_file():
        return Finding("lock (constraints.txt)", "info", "no lock file found next to the package",
                       "install from a checkout: pip install -c constraints.txt -e .")
    pins = read_pins(lock.read_text(encoding="utf-8").splitlines())
    differ = sorted(f"{n} {installed[n]} (locked {v})" for n, v in pins.items()
                    if n in installed and installed[n] != v)
    absent = sum(1 for n in pins if n not in installed)
    if not differ:
        return Finding("lock (constraints.txt)", "ok",
                       f"all {len(pins) - absent} installed pins match the tested lock ({len(pins)} pins)")
    shown = ", ".join(differ[:4]) + (" …" if len(differ) > 4 else "")
    return Finding("lock (constraints.txt)", "warn", f"{len(differ)} differ from the tested lock: {shown}",
                   "pip install -c constraints.txt -e . (what CI tested)")


def dependency_finding(installed: dict[str, str]) -> Finding:
    """The runtime dependencies skg declares: all present?"""
    try:
        requires = metadata.requires("stakeholder-graph") or []
    except metadata.PackageNotFoundError:
        return Finding("dependencies", "info", "cannot list them without an installed distribution")
    names = [normalise(re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0]) for r in requires if "extra ==" not in r]
    missing = sorted(n for n in names if n not in installed)
    if missing:
        return Finding("dependencies", "missing", f"missing: {', '.join(missing)}",
                       "pip install -c constraints.txt -e .")
    key = ("trafilatura", "lxml", "lxml-html-clean", "ladybug", "neo4j", "networkx", "streamlit")
    shown = ", ".join(f"{n} {installed[n]}" for n in key if n in installed)
    return Finding("dependencies", "ok", f"{len(names)} declared, all installed: {shown} …")


def reader_findings() -> list[Finding]:
    """Import each reader module: a missing optional part of a library shows up here."""
    rows: list[Finding] = []
    for kind, module in READER_MODULES.items():
        try:
            importlib.import_module(module)
        except Exception as exc:  # any import failure is the finding itself
            rows.append(Finding(f"reader: {kind}", "missing", f"{type(exc).__name__}: {exc}"[:160],
                                "pip install -c constraints.txt -e . (a dependency is incomplete)"))
        else:
            rows.append(Finding(f"reader: {kind}", "ok", module))
    return rows


def tool_version(command: list[str], timeout: float = 20.0) -> str | None:
    """First output line of ``command`` (``--version`` style), or ``None`` when it cannot run."""
    if shutil.which(command[0]) is None:
        return None
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = (done.stdout + done.stderr).strip().splitlines()
    return lines[0].strip() if lines else ""


def java_findings() -> list[Finding]:
    """java, javac and mvn: the local Neo4j and the CoreNLP recogniser need all three."""
    rows = []
    for name, command in (("java", ["java", "-version"]), ("javac", ["javac", "-version"]),
                          ("mvn", ["mvn", "-v", "-q"])):
        version = tool_version(command)
        if version is None:
            rows.append(Finding(f"Java: {name}", "missing", "not on PATH", JAVA_HINT))
        else:
            rows.append(Finding(f"Java: {name}", "ok", version or "found"))
    return rows


def chromium_finding() -> Finding:
    """Headless Chromium (with Playwright) drives the dashboard's browser tests."""
    binary = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    version = tool_version([binary, "--version"]) if binary else None
    try:
        playwright = metadata.version("playwright")
    except metadata.PackageNotFoundError:
        playwright = None
    if not version:
        return Finding("Chromium (browser tests)", "missing", "no chromium on PATH",
                       "apt-get install chromium chromium-driver")
    if playwright is None:
        return Finding("Chromium (browser tests)", "warn", f"{version}; Playwright not installed",
                       "pip install -c constraints.txt -e '.[test]'")
    return Finding("Chromium (browser tests)", "ok", f"{version}; Playwright {playwright}")


def spacy_finding() -> Finding:
    """The optional spaCy recogniser."""
    try:
        version = metadata.version("spacy")
    except metadata.PackageNotFoundError:
        return Finding("spaCy (optional recogniser)", "info", "not installed",
                       "pip install -e '.[spacy]' and a German pipeline, then SKG_EXTRACTORS=rules,spacy")
    return Finding("spaCy (optional recogniser)", "ok", f"spaCy {version}")


def folder_size(path: Path) -> int:
    """Bytes under ``path`` (a file or a folder; 0 when absent)."""
    if path.is_file():
        return path.stat().st_size
    if not path.is_dir():
        return 0
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def human_size(size: int) -> str:
    """Bytes as a short human string.

    >>> human_size(0), human_size(2048), human_size(5 * 1024 ** 3)
    ('0 B', '2.0 KB', '5.0 GB')
    """
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover - the loop returns first
