"""Install smoke test: every module imports and every reader reads a small document.

A library can leave out an optional part that skg needs at run time (on 2026-12-05 lxml 6.2
stopped providing ``lxml.html.clean``, which jusText imports through trafilatura, and every
HTML read failed). Importing each module and running each reader once turns such a gap into a
failed test instead of a user's traceback. The file is self-contained (no conftest, no test
helpers) so that ``scripts/check_install.py`` can run it against an installed wheel.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

import pytest

# Streamlit page scripts render when imported; they are checked by the dashboard tests instead.
PAGE_SCRIPTS = ("dashboard.app", "dashboard.views.")
NOT_IMPORTABLE = ("graph.__main__",)  # runs the CLI when imported

SAMPLES: dict[str, tuple[str, str]] = {
    "kommune21_capture": ("seite.txt",
                          "Tengen: Neues Portal\n\n\n[22.6.2021] Die Stadt Tengen startet mit der AKDB "
                          "ein Portal. Bürgermeister Marian Schreier freut sich.\n\nStichwörter: Panorama\n"),
    "html": ("meldung.html",
             "<!doctype html><html lang='de'><head><title>Dataport und Hamburg</title></head><body>"
             "<article><h1>Dataport und Hamburg</h1><p>Der IT-Dienstleister Dataport betreibt für die "
             "Freie und Hansestadt Hamburg eine neue Plattform für die Verwaltung. Die Bezirksämter "
             "nutzen sie seit dem Frühjahr für Anträge.</p><p>Weitere Kommunen sollen folgen.</p>"
             "</article></body></html>"),
    "feed": ("nachrichten.rss",
             "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>News</title>"
             "<link>https://example.org</link><description>d</description><item><title>Vitako wählt"
             "</title><link>https://example.org/1</link><pubDate>Mon, 29 Apr 2024 10:00:00 +0200"
             "</pubDate><description>Die Vitako hat einen neuen Vorstand gewählt.</description></item>"
             "</channel></rss>"),
    "jsonl": ("meldungen.jsonl", json.dumps({"id": "m1", "title": "KGSt-Studie",
                                             "text": "Die KGSt legt eine Studie vor.",
                                             "published": "2024-05-03"}) + "\n"),
    "text": ("notiz.txt", "Die ekom21 in Gießen stellt ein neues Bürgerportal vor.\n"),
}


def _modules() -> list[str]:
    names: list[str] = []
    for package_name in ("graph", "dashboard"):
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            if info.name in NOT_IMPORTABLE or info.name.startswith(PAGE_SCRIPTS):
                continue
            names.append(info.name)
    return names


@pytest.mark.parametrize("name", _modules())
def test_smoke_module_imports(name: str) -> None:
    importlib.import_module(name)


@pytest.mark.parametrize("reader", sorted(SAMPLES))
def test_smoke_reader_reads(reader: str, tmp_path: Path) -> None:
    from graph.ingest import read_inputs
    from graph.model import Article
    from graph.settings import load_settings

    file_name, content = SAMPLES[reader]
    path = tmp_path / file_name
    path.write_text(content, encoding="utf-8")
    settings = load_settings(env={"SKG_HOME": str(tmp_path / "home")}, use_file=False)
    items = list(read_inputs([str(path)], settings))
    failures = [item for item in items if not isinstance(item, Article)]
    assert failures == []
    articles = [item for item in items if isinstance(item, Article)]
    assert articles and {a.reader for a in articles} == {reader}
    assert all(a.text.strip() for a in articles if a.role == "article")


def test_smoke_every_reader_is_covered() -> None:
    from graph.ingest.readers import READERS

    assert set(READERS) <= set(SAMPLES) | {"kommune21_html"}
