"""Hostile and broken input through the real `skg ingest`: one line per bad file, the rest stored.

Each bad input must give exactly one failure line naming the file (and the
line, for JSONL) and what to do; good inputs next to them must be stored; no
traceback, nothing fetched, nothing expanded. Permission cases run the CLI as
root without the capabilities that let root read anything (``setpriv``), or as
the user, who cannot read mode-000 files anyway.
"""

from __future__ import annotations

import http.server
import os
import random
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from graph.settings import load_settings
from graph.store.corpus import CorpusStore

SECRET = "GEHEIMNIS-7f3a"  # in a local file that an XXE entity points to: must never be stored
BODY = ("Die Stadt Musterstadt führt ein neues Bürgerportal ein. Bürgermeisterin Anna Beispiel lobte den "
        "IT-Dienstleister Kommunal-IT Süd. ") * 6
DROP_CAPS = ["--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(f'<!ENTITY leak "{SECRET}">'.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[str]:
    """A local HTTP server that records every request (nothing may ask it for anything)."""
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _laughs(root: str) -> str:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">\n' for i in range(1, 12))
    return f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n<!ENTITY l0 "ha">\n{levels}]>\n'


def _feed(items: str, head: str = '<?xml version="1.0"?>\n') -> str:
    return f'{head}<rss version="2.0"><channel><title>K</title>{items}</channel></rss>\n'


def _item(title: str, text: str = BODY) -> str:
    return f"<item><title>{title}</title><description>{text}</description></item>"


ENCODED = {"cp1252.txt": "cp1252", "latin1.txt": "latin-1", "utf16_bom.txt": "utf-16",
           "utf16_le.txt": "utf-16-le", "utf16_be.txt": "utf-16-be", "utf32_be.txt": "utf-32-be"}


def _good_files(folder: Path) -> dict[str, str]:
    """Inputs that must be stored: file name -> its title."""
    titles = {}
    for name, encoding in ENCODED.items():
        titles[name] = f"Grüße aus Köln ({encoding})"
        euro = "€" if encoding != "latin-1" else "EUR"
        (folder / name).write_bytes(f"{titles[name]}\n\n{BODY} Das kostet 5 {euro}.".encode(encoding))
    files = {
        "gut.txt": f"Gute Meldung\n\n{BODY}",
        "tief_aber_lesbar.html": (f"<html><head><title>Tiefe Seite</title></head><body><article><p>{BODY}</p>"
                                  f"</article>{'<div>' * 10_000}x{'</div>' * 10_000}</body></html>"),
        "tiefer_feed.xml": _feed(_item("Tiefer Feed", f"{BODY}{'<b>' * 10_000}x{'</b>' * 10_000}")),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / os.fsdecode(b"caf\xe9.txt")).write_bytes(f"Name in Latin-1\n\n{BODY}".encode())
    return {**titles, "gut.txt": "Gute Meldung", "tief_aber_lesbar.html": "Tiefe Seite",
            "tiefer_feed.xml": "Tiefer Feed", "caf\\xe9.txt": "Name in Latin-1"}


def _bad_files(folder: Path, base: str, secret: Path) -> dict[str, str]:
    """Inputs that must fail: location (as printed, relative to the folder) -> words of the message."""
    rng = random.Random(3)
    files: dict[str, bytes] = {
        "leer.txt": b"",
        "ungueltig_utf8.txt": b"Titel\n\n" + bytes(range(0x80, 0x100)) * 3,
        "zufall.bin": bytes(rng.randrange(256) for _ in range(5000)),
        "riesig.txt": b"Titel\n\n" + b"Text " * 300_000,
        "abgeschnitten.xml": _feed(_item("A") + _item("B"))[:-40].encode(),
        "abgeschnitten.html": f"<html><body><article><p>{BODY}</p>".encode(),
        "nur_tief.html": f"<html><body>{'<div>' * 10_000}<p>{BODY}</p>{'</div>' * 10_000}</body></html>".encode(),
        "lacher.xml": (_laughs("rss") + _feed(_item("&l11;"), head="")).encode(),
        "lacher.html": (_laughs("html") + f"<html><body><p>&l11; {BODY}</p></body></html>").encode(),
        "xxe_datei.xml": (f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>\n'
                          + _feed(_item("XXE", "&x;"), head="")).encode(),
        "xxe_http.atom": (f'<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY % p SYSTEM "{base}/p.dtd"> %p;]>\n'
                          '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&leak;</title>'
                          f"<content>{BODY}</content></entry></feed>\n").encode(),
        "xxe.html": (f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><html><body><p>&x; {BODY}</p>'
                     "</body></html>").encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    deep = "[" * 10_000 + "]" * 10_000
    (folder / "zeilen.jsonl").write_text(
        f'{{"text": "{BODY}", "title": "Zeile eins"}}\n{deep}\n{{"text": {deep}}}\n{{"text": "abgeschn\n'
        f'{{"text": "{BODY}", "title": "Zeile fuenf"}}\n', encoding="utf-8")
    os.symlink("schleife_b", folder / "schleife_a")
    os.symlink("schleife_a", folder / "schleife_b")
    os.symlink("gibt_es_nicht.txt", folder / "tot.txt")
    (folder.parent / "anderswo").mkdir()
    os.symlink(folder.parent / "anderswo", folder / "verlinkter_ordner")
    os.symlink("..", folder / "unterordner_hoch")
    os.mkfifo(folder / "rohr")
    return {"leer.txt": "empty", "ungueltig_utf8.txt": "cannot be decoded", "zufall.bin": "binary",
            "riesig.txt": "larger than 1.0 MiB", "abgeschnitten.xml": "truncated",
            "abgeschnitten.html": "truncated", "nur_tief.html": "256 levels",
            "lacher.xml": "declares XML entities", "lacher.html": "declares XML entities",
            "xxe_datei.xml": "declares XML entities", "xxe_http.atom": "declares XML entities",
            "xxe.html": "declares XML entities", "zeilen.jsonl:2": "nested too deeply",
            "zeilen.jsonl:3": "nested too deeply", "zeilen.jsonl:4": "not valid JSON",
            "schleife_a": "link loop", "schleife_b": "link loop", "tot.txt": "broken symbolic link",
            "verlinkter_ordner": "link to a folder", "unterordner_hoch": "link to a folder",
            "rohr": "not a regular file"}


def _unreadable(folder: Path) -> tuple[list[str], dict[str, str]]:
    """Mode-000 file and folder, and the command prefix that makes them unreadable (or skip)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            return [], {}
        prefix = [setpriv, *DROP_CAPS]
    (folder / "gesperrt.txt").write_text(f"Gesperrt\n\n{BODY}", encoding="utf-8")
    (folder / "gesperrt.txt").chmod(0)
    (folder / "zu").mkdir()
    (folder / "zu" / "innen.txt").write_text(f"Innen\n\n{BODY}", encoding="utf-8")
    (folder / "zu").chmod(0)
    return prefix, {"gesperrt.txt": "Permission denied", "zu": "cannot read the folder"}


def test_hostile_folder_one_line_per_bad_file_rest_stored(tmp_path: Path, listener: str) -> None:
    folder = tmp_path / "eingang"
    folder.mkdir()
    secret = tmp_path / "geheim.txt"
    secret.write_text(SECRET, encoding="utf-8")
    good = _good_files(folder)
    bad = _bad_files(folder, listener, secret)
    prefix, locked = _unreadable(folder)
    bad.update(locked)
    home = tmp_path / "home"
    env = {**os.environ, "SKG_HOME": str(home), "SKG_MAX_FILE_MB": "1"}
    try:
        proc = subprocess.run([*prefix, sys.executable, "-m", "graph", "ingest", str(folder)], env=env,
                              capture_output=True, timeout=600)
    finally:
        for name in locked:
            (folder / name).chmod(0o755)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 1 and "Traceback" not in err, err[-3000:]
    lines = [line for line in err.splitlines() if line.startswith("failed ")]
    for location, words in bad.items():
        named = [line for line in lines if line.startswith(f"failed {folder}/{location}: ")]
        assert len(named) == 1, (location, named)
        message, _, hint = named[0].partition(" — ")
        assert words in message and len(hint) > 10, named[0]
    assert len(lines) == len(bad), "\n".join(lines)
    with CorpusStore.open(load_settings(env={"SKG_HOME": str(home)}, use_file=False)) as corpus:
        stored = list(corpus.articles())
    titles = {a.title for a in stored}
    assert set(good.values()) | {"Zeile eins", "Zeile fuenf"} <= titles
    assert not any(SECRET in a.text or SECRET in a.title or "ha" * 20 in a.text for a in stored)
    assert _Recorder.hits == []


def test_hostile_external_dtd_is_not_fetched(tmp_path: Path, listener: str) -> None:
    """A DOCTYPE naming an external DTD (no entity declared here) is read without fetching it."""
    from graph.ingest import read_inputs

    path = tmp_path / "extern.xml"
    path.write_text(_feed(_item("Mit DTD"), head=f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "{listener}/x.dtd">\n'),
                    encoding="utf-8")
    items = list(read_inputs([str(path)], load_settings(env={"SKG_HOME": str(tmp_path)}, use_file=False)))
    assert [getattr(i, "title", None) for i in items] == ["Mit DTD"]
    assert _Recorder.hits == []


@pytest.mark.parametrize("make", ["fifo", "device", "loop", "dangling"])
def test_hostile_special_path_arguments_are_named(tmp_path: Path, make: str) -> None:
    from graph.ingest import InputFailure, read_inputs

    path = tmp_path / make
    if make == "fifo":
        os.mkfifo(path)
    elif make == "device":
        os.symlink("/dev/zero", path)
    elif make == "loop":
        os.symlink(path, path)
    else:
        os.symlink(tmp_path / "missing", path)
    (item,) = read_inputs([str(path)], load_settings(env={"SKG_HOME": str(tmp_path)}, use_file=False))
    assert isinstance(item, InputFailure) and item.source == str(path) and item.hint
    expected = {"fifo": "not a regular file", "device": "not a regular file", "loop": "link loop",
                "dangling": "broken symbolic link"}[make]
    assert expected in item.message


def test_hostile_feed_that_breaks_feedparser_is_one_clean_failure(tmp_path: Path) -> None:
    """Found by the deep fuzz run: feedparser's lenient parser raises KeyError on this damaged feed."""
    from graph.ingest import InputFailure, read_inputs
    from tests.graph.ingest.helpers import FIXTURES

    path = FIXTURES / "feedparser_keyerror.xml"
    (item,) = read_inputs([str(path)], load_settings(env={"SKG_HOME": str(tmp_path)}, use_file=False))
    assert isinstance(item, InputFailure) and item.source == str(path) and item.reader == "feed"
    assert "the feed cannot be parsed" in item.message and "reader failed" not in item.message
