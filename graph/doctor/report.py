"""Run every probe for one set of settings: the rows of ``skg doctor``.

The settings-dependent probes live here (Neo4j, CoreNLP, gazetteer, stores); the
environment-only ones in :mod:`graph.doctor.probes`.
"""

from __future__ import annotations

from pathlib import Path

from graph.doctor.probes import (
    Finding,
    chromium_finding,
    dependency_finding,
    folder_size,
    human_size,
    installed_versions,
    java_findings,
    lock_finding,
    package_finding,
    python_finding,
    reader_findings,
    spacy_finding,
)
from graph.settings import Settings


def lock_path() -> Path | None:
    """``constraints.txt``: shipped inside the wheel, or at the root of a checkout."""
    from graph.resources import data_dir

    try:
        shipped = data_dir() / "constraints.txt"
    except Exception:  # a broken install has no data folder; the doctor still reports the rest
        shipped = Path("/nonexistent")
    checkout = Path(__file__).resolve().parents[2] / "constraints.txt"
    return next((p for p in (shipped, checkout) if p.is_file()), None)


def neo4j_finding(settings: Settings) -> Finding:
    """An external server when ``SKG_NEO4J_URI`` is set, else the local one skg can run."""
    from graph.store.neo4j_server.launcher import status
    from graph.store.neo4j_server.layout import Layout
    from graph.store.neo4j_server.toolchain import fetched

    if settings.neo4j_uri:
        state = status(settings)
        if state["running"]:
            return Finding("Neo4j", "ok", f"external server {settings.neo4j_uri} reachable")
        return Finding("Neo4j", "missing", f"external server {settings.neo4j_uri}: {state['problem']}"[:200],
                       "start that server or fix SKG_NEO4J_URI / SKG_NEO4J_PASSWORD")
    layout = Layout.of(settings)
    state = status(settings)
    if state["running"]:
        return Finding("Neo4j", "ok", f"local Neo4j {settings.neo4j_version} running on port {state['port']}")
    if fetched(layout, settings.neo4j_version):
        return Finding("Neo4j", "info", f"local Neo4j {settings.neo4j_version} fetched, not running",
                       "skg neo4j start")
    return Finding("Neo4j", "info", "no server configured, local Neo4j not fetched",
                   "skg neo4j start (fetches Neo4j Community with Maven), or set SKG_NEO4J_URI")


def corenlp_finding(settings: Settings) -> Finding:
    """The optional CoreNLP recogniser (Java)."""
    from graph.extract.corenlp.toolchain import fetched

    if fetched(settings):
        return Finding("CoreNLP (optional recogniser)", "ok", f"CoreNLP {settings.corenlp_version} fetched; "
                       "use SKG_EXTRACTORS=rules,corenlp")
    return Finding("CoreNLP (optional recogniser)", "info", "not fetched",
                   "skg corenlp fetch (about 210 MB from Maven Central)")


def gazetteer_finding(settings: Settings) -> Finding:
    """Which place list extraction uses, and how many names it knows."""
    from graph.extract.gazetteer import Gazetteer

    try:
        gaz = Gazetteer.load(settings)
    except Exception as exc:  # a broken gazetteer file is exactly what the doctor should show
        return Finding("gazetteer", "missing", f"{type(exc).__name__}: {exc}"[:200],
                       "skg gazetteer import gemeinden.csv, or reinstall")
    places = sum(len(v) for v in gaz.places.values())
    return Finding("gazetteer", "ok", f"{gaz.source}: {len(gaz.places):,} names, {places:,} entries")


def store_findings(settings: Settings) -> list[Finding]:
    """The local stores under ``SKG_HOME`` with their sizes."""
    home = settings.home_path
    rows = [Finding("SKG_HOME", "info", f"{home} ({human_size(folder_size(home))})"
                    if home.exists() else f"{home} (not created yet)",
                    "" if home.exists() else "skg demo, or skg ingest PATH && skg build")]
    parts = (("corpus store", home / "corpus.sqlite", "skg ingest PATH"),
             ("embedded graph", home / "graph", "skg build"),
             ("judgements", home / "judgements.jsonl", "skg judge … (optional)"),
             ("local Neo4j data", home / "neo4j", "skg neo4j start (optional)"))
    for name, path, fix in parts:
        size = folder_size(path) + folder_size(path.with_name(path.name + "-wal"))
        if path.exists():
            rows.append(Finding(f"store: {name}", "ok", f"{path} ({human_size(size)})"))
        else:
            rows.append(Finding(f"store: {name}", "info", f"{path} (none yet)", fix))
    return rows


def diagnose(settings: Settings) -> list[Finding]:
    """Every finding, in the order of the table."""
    installed = installed_versions()
    rows = [python_finding(), package_finding(), dependency_finding(installed),
            lock_finding(lock_path(), installed)]
    rows += reader_findings()
    rows += java_findings()
    rows += [neo4j_finding(settings), corenlp_finding(settings), chromium_finding(), spacy_finding(),
             gazetteer_finding(settings)]
    rows += store_findings(settings)
    return rows
