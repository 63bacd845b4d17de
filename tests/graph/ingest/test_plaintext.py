"""Plain text files, folders, stdin and the unknown-format rule."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from graph.model import Article
from graph.settings import Settings
from tests.graph.ingest.helpers import FIXTURES, read_all


def test_plaintext_first_line_is_title(settings: Settings) -> None:
    (note,), failures = read_all([str(FIXTURES / "notiz.txt")], settings)
    assert failures == []
    assert note.title == "Lindenfeld beschließt Digitalstrategie" and note.reader == "text"
    assert note.text.startswith("Der Gemeinderat") and note.text.count("\n\n") == 1
    assert note.id == Article.make_id("notiz.txt", "article", 0)


def test_plaintext_folder_is_walked_recursively_in_sorted_order(settings: Settings, tmp_path: Path) -> None:
    for rel in ("b/z.txt", "b/a.txt", "a.txt", "c/d/e.txt", ".hidden/x.txt", "b/.secret.txt", "README.md"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Titel {rel}\nText", encoding="utf-8")
    articles, failures = read_all([str(tmp_path)], settings)
    assert failures == []
    assert [a.title for a in articles] == ["Titel a.txt", "Titel b/a.txt", "Titel b/z.txt", "Titel c/d/e.txt"]
    assert articles[1].id == Article.make_id("b/a.txt", "article", 0)


def test_plaintext_stdin_dash(settings: Settings, skg_home: Path) -> None:
    code = ("import json, sys; from graph.ingest import read_inputs; from graph.settings import load_settings;"
            "print(json.dumps([a.to_dict() for a in read_inputs(['-'], load_settings(use_file=False))]))")
    out = subprocess.run([sys.executable, "-c", code], input=b"Titel aus stdin\n\nText aus stdin.",
                         capture_output=True, check=True, timeout=60)
    (doc,) = json.loads(out.stdout)
    assert doc["title"] == "Titel aus stdin" and doc["text"] == "Text aus stdin." and doc["source"] == "stdin"
    assert doc["id"] == Article.make_id("stdin", "article", 0)


def test_plaintext_unknown_extension_is_a_failure(settings: Settings) -> None:
    articles, failures = read_all([str(FIXTURES / "tabelle.csv")], settings)
    assert articles == [] and "unknown format (.csv file)" in failures[0].message
    assert "rename plain text files to .txt" in failures[0].hint


def test_plaintext_missing_path_is_a_failure(settings: Settings, tmp_path: Path) -> None:
    articles, failures = read_all([str(tmp_path / "fehlt.txt"), str(FIXTURES / "notiz.txt")], settings)
    assert len(articles) == 1 and failures[0].message == "no such file or folder"


def test_plaintext_markdown_named_explicitly_is_read(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "notiz.md"
    path.write_text("Titel\n\nText", encoding="utf-8")
    (doc,), failures = read_all([str(path)], settings)
    assert failures == [] and doc.title == "Titel"
