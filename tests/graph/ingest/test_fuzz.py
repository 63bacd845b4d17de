"""Fuzzing every reader: generated, re-encoded and damaged documents never crash one.

Each reader gets documents shaped like its format (Kommune21 captures, HTML
pages of both portal layouts and generic ones, RSS/Atom/RDF feeds, JSON Lines,
plain text), written in a random legacy or Unicode encoding and then damaged
(cut short, bytes flipped or inserted, parts repeated). Whatever comes out must
be documents or failures that name the input and say what to do; no exception
may reach the guard in ``read_source`` ("the … reader failed", which is a bug),
and every document must be storable in a real corpus store.

The budget is ``SKG_FUZZ_EXAMPLES`` examples per reader: a few dozen by default
(seconds, part of every run). The deep run, marked ``slow``::

    SKG_FUZZ_EXAMPLES=10000 .venv/bin/pytest tests/graph/ingest/test_fuzz.py -m slow \\
        -p no:cacheprovider --hypothesis-show-statistics
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from graph.ingest import InputFailure, read_source
from graph.ingest.sources import RawSource
from graph.model import ROLES, Article
from graph.settings import load_settings
from graph.store.corpus import CorpusStore

DEFAULT_EXAMPLES = 30
EXAMPLES = int(os.environ.get("SKG_FUZZ_EXAMPLES", str(DEFAULT_EXAMPLES)))
pytestmark = [pytest.mark.slow] if EXAMPLES > DEFAULT_EXAMPLES else []
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# ------------------------------------------------------------------------------------ text pieces

WORDS = st.sampled_from([
    "Stadt", "Landkreis", "Bürgermeisterin", "Anna", "Beispiel", "führt", "das", "Bürgerportal", "ein",
    "Kommunal-IT", "GmbH", "Süd", "e.V.", "Zweckverband", "Rechenzentrum", "Straße", "Köln", "€", "„Zitat“",
    "–", "…", "&amp;", "&nbsp;", "&#0;", "&#xD800;", "&unbekannt;", "<b>", "</i>", "\u200b", "ß", "Ä", "ﬁ",
    "Ã¼", "â€ž", "\t", "]]>", "<![CDATA[", "-->", "<!--", "{", "}", '"', "\\", "[6.5.2024]",
])
FREE = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=12)
WORD = st.one_of(WORDS, WORDS, WORDS, FREE)
LINE = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
SENTENCE = st.lists(WORD, min_size=3, max_size=25).map(lambda ws: " ".join(ws) + ".")
PARAGRAPHS = st.lists(SENTENCE, min_size=0, max_size=6)
DATE = st.one_of(
    st.tuples(st.integers(0, 40), st.integers(0, 14), st.integers(1900, 2100)).map(lambda t: f"{t[0]}.{t[1]}.{t[2]}"),
    st.sampled_from(["22.6.2021", "6. Mai 2024", "12. Okt. 2020", "2024-05-06", "Mon, 06 May 2024 10:00:00 +0200",
                     "31.2.2024", "", "gestern", "2024-13-45T99:00:00Z"]),
)

# ------------------------------------------------------------------------------------ formats


@st.composite
def captures(draw: st.DrawFn) -> str:
    """A Kommune21-style page capture with optional teasers, vendor box and boilerplate."""
    lines = draw(st.lists(LINE, min_size=1, max_size=4))
    lines += ["", f"[{draw(DATE)}] {draw(SENTENCE)}", ""]
    lines += [p + "\n" for p in draw(PARAGRAPHS)]
    if draw(st.booleans()):
        lines += [draw(SENTENCE) + " (sib)", "https://example.org/" + draw(FREE)]
    if draw(st.booleans()):
        lines.append("Stichwörter: " + ", ".join(draw(st.lists(LINE, max_size=4))))
    lines += draw(st.lists(st.sampled_from(["Druckversion    PDF     Link mailen", " Anzeige", "Suchen...",
                                            "Aboverwaltung", "mehr..."]), max_size=3))
    if draw(st.booleans()):
        lines.append(f"Weitere Meldungen und Beiträge aus dem Bereich {draw(LINE)}")
        for _ in range(draw(st.integers(0, 3))):
            lines += [draw(LINE) + draw(st.sampled_from(["", " Bericht", " Interview"])),
                      f"[{draw(DATE)}] {draw(SENTENCE)} mehr...", draw(st.sampled_from(["", draw(SENTENCE)]))]
    if draw(st.booleans()):
        lines.append(f"Ausgewählte Anbieter aus dem Bereich {draw(LINE)}:")
        for _ in range(draw(st.integers(0, 3))):
            name = draw(LINE)
            lines.append(f"{name} / {draw(st.integers(0, 99999)):05d} {draw(LINE)} / {name}")
    if draw(st.booleans()):
        lines.append("Aktuelle Meldungen")
    return "\n".join(lines)


CLASSES = st.sampled_from(["artikel", "text", "datum", "links", "stichwoerter", "weitere", "meldung", "anbieter",
                           "firma", "name", "ort", "kicker", "article-body", "tags", "author", "bildunterschrift"])
TAGS = st.sampled_from(["div", "p", "span", "article", "section", "h1", "h2", "a", "ul", "li", "time", "br",
                        "script", "style", "table", "tr", "td", "figure", "figcaption", "header", "footer",
                        "img", "template", "noscript", "svg", "math"])


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda tag, cls, attr, inner, close: (
        f'<{tag} class="{cls}" {attr}>{inner}' + (f"</{tag}>" if close else "")),
        TAGS, CLASSES, st.sampled_from(["", 'datetime="2024-05-06"', 'href="https://x.example/a"',
                                        'href="javascript:alert(1)"', "onload=x()", 'content="Kommune21"']),
        st.lists(children, max_size=4).map("".join), st.booleans())


BODY_HTML = st.recursive(st.one_of(SENTENCE, LINE), _element, max_leaves=25)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A page: generic, or with the portal's markers; sometimes deeply nested or never closed."""
    head = "<meta charset=\"utf-8\"><title>" + draw(LINE) + "</title>"
    if draw(st.booleans()):
        head += '<meta property="og:site_name" content="Kommune21">'
    if draw(st.booleans()):
        head += f'<link rel="canonical" href="https://example.org/{draw(FREE)}">'
    body = draw(st.lists(BODY_HTML, max_size=6).map("".join))
    depth = draw(st.sampled_from([0, 0, 0, 300, 3000]))
    body = "<div>" * depth + body + "</div>" * depth
    wrap = draw(st.sampled_from(["article", "div class=\"artikel\"", "main", "div"]))
    page = f"<!DOCTYPE html><html><head>{head}</head><body><{wrap}>{body}</{wrap.split()[0]}>"
    return page + draw(st.sampled_from(["</body></html>", "</html>", "", "</body>"]))


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def feeds(draw: st.DrawFn) -> str:
    """RSS 2.0, Atom or RSS 1.0 (RDF) with random entries; text escaped, raw or as CDATA."""
    def value(draw_text: str) -> str:
        style = draw(st.integers(0, 2))
        return (_xml_text(draw_text), draw_text, f"<![CDATA[{draw_text}]]>")[style]

    kind = draw(st.sampled_from(["rss", "atom", "rdf"]))
    decl = draw(st.sampled_from(['<?xml version="1.0"?>\n', '<?xml version="1.0" encoding="iso-8859-1"?>\n',
                                 '<?xml version="1.0" encoding="utf-16"?>\n', ""]))
    entries = []
    for _ in range(draw(st.integers(0, 4))):
        title, text, link = value(draw(LINE)), value(" ".join(draw(PARAGRAPHS))), draw(st.sampled_from(
            ["https://example.org/a", "ftp://x", "", "javascript:x", "https://example.org/" + _xml_text(draw(FREE))]))
        date = _xml_text(draw(DATE))
        if kind == "atom":
            entries.append(f"<entry><title>{title}</title><link href=\"{link}\"/><id>{link}</id>"
                           f"<updated>{date}</updated><content type=\"html\">{text}</content></entry>")
        else:
            entries.append(f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
                           f"<pubDate>{date}</pubDate><category>{value(draw(LINE))}</category>"
                           f"<description>{text}</description></item>")
    inner = "".join(entries)
    if kind == "atom":
        return f'{decl}<feed xmlns="http://www.w3.org/2005/Atom"><title>K</title>{inner}</feed>'
    if kind == "rdf":
        return (f'{decl}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                f'xmlns="http://purl.org/rss/1.0/"><channel><title>K</title></channel>{inner}</rdf:RDF>')
    return f'{decl}<rss version="2.0"><channel><title>K</title>{inner}</channel></rss>'


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), SENTENCE, FREE),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(FREE, inner, max_size=3)),
    max_leaves=10)
FIELDS = ["text", "id", "title", "published", "url", "source", "section", "tags"]


@st.composite
def jsonl_files(draw: st.DrawFn) -> str:
    """Lines of records with right and wrong field types, captures as text, broken and blank lines."""
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        shape = draw(st.integers(0, 5))
        if shape == 0:
            lines.append(draw(st.sampled_from(["", "   ", "{", "[]", "null", '"text"', "{kaputt"])) + draw(FREE))
            continue
        record: dict[str, Any] = {name: draw(JSON_VALUES) for name in draw(st.sets(st.sampled_from(FIELDS)))}
        if shape > 1:
            record["text"] = draw(st.one_of(captures(), st.lists(SENTENCE, min_size=1).map("\n\n".join)))
        if shape == 3:
            record.update(published=draw(DATE), tags=draw(st.lists(LINE, max_size=3)))
        lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
    return "\n".join(lines)


TEXTS = st.one_of(st.lists(st.one_of(LINE, st.just("")), min_size=1, max_size=20).map("\n".join), st.text())

# ------------------------------------------------------------------------------------ bytes


ENCODINGS = st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp1252", "latin-1", "iso8859-15", "utf-16",
                             "utf-16-le", "utf-16-be", "utf-32"])


@st.composite
def damaged(draw: st.DrawFn, documents: st.SearchStrategy[str]) -> bytes:
    """A document in a random encoding, then perhaps cut, flipped, spliced or repeated."""
    data = draw(documents).encode(draw(ENCODINGS), "replace")
    damage = draw(st.sampled_from(["none", "none", "cut", "flip", "insert", "repeat"]))
    if not data or damage == "none":
        return data
    at = draw(st.integers(0, len(data)))
    if damage == "cut":
        return data[:at]
    if damage == "flip":
        return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
    if damage == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]
    return data[:at] + data[at // 2:at] * draw(st.integers(1, 5)) + data[at:]


# ------------------------------------------------------------------------------------ checks


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusStore]:
    home = tmp_path_factory.mktemp("fuzz-home")
    store = CorpusStore.open(load_settings(env={"SKG_HOME": str(home)}, use_file=False))
    yield store
    store.close()


def _read_and_store(data: bytes, suffix: str, corpus: CorpusStore) -> None:
    """Read ``data`` as a file named ``fuzz<suffix>``; check every item and store every document."""
    location = f"/eingang/fuzz{suffix}"
    raw = RawSource(f"fuzz{suffix}", location, data, suffix=suffix, origin=location)
    items = list(read_source(raw))
    assert items, "an input gave neither documents nor a failure"
    for item in items:
        if isinstance(item, InputFailure):
            assert "reader failed" not in item.message, f"a reader raised: {item.message}"
            assert item.source == location and item.message and item.hint
            assert item.line is None or item.line >= 1
            event(f"failure: {item.message.split('(')[0][:60]}")
            continue
        assert isinstance(item, Article) and item.id.startswith("a_") and item.role in ROLES
        assert location not in item.source  # the path read from never reaches the document
        json.dumps(item.to_dict(), ensure_ascii=False)
        assert corpus.upsert(item, location) in ("new", "unchanged", "updated", "duplicate")
        event(f"document: {item.reader} {item.role}")


Fuzzer = Callable[..., None]


def _fuzz(documents: st.SearchStrategy[str], suffixes: list[str]) -> Fuzzer:
    @FUZZ
    @given(data=damaged(documents), suffix=st.sampled_from(suffixes))
    def run(corpus: CorpusStore, data: bytes, suffix: str) -> None:
        _read_and_store(data, suffix, corpus)
    return run


test_fuzz_capture_reader = _fuzz(captures(), [".k21", ".txt", ""])
test_fuzz_html_reader = _fuzz(html_pages(), [".html", ".htm", ""])
test_fuzz_feed_reader = _fuzz(feeds(), [".xml", ".rss", ".atom"])
test_fuzz_jsonl_reader = _fuzz(jsonl_files(), [".jsonl", ".ndjson"])
test_fuzz_text_reader = _fuzz(TEXTS, [".txt", ".text", "", ".md"])


def test_fuzz_budget_is_documented() -> None:
    """The deep-run command in this module's docstring is the one docs/ingest.md gives."""
    docs = (Path(__file__).resolve().parents[3] / "docs" / "ingest.md").read_text(encoding="utf-8")
    assert "SKG_FUZZ_EXAMPLES=10000" in docs and "test_fuzz.py" in docs
