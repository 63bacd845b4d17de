"""Reports of hostile names and quotes: the Atom feed stays valid and escaped, tables print markup as text."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree

import feedparser

from graph.model import GraphData
from graph.watch.atom import to_atom
from graph.watch.diff import Changes, compare
from graph.watch.render import to_json, to_table
from graph.watch.snapshots import SnapshotRef
from graph.watch.watchlist import Watchlist
from tests.dashboard.fixtures import HOSTILE, sample_graph

NEW = SnapshotRef("s_fixture_20261207T010203000000", "s_fixture", dt.datetime(2026, 12, 7, 1, 2, 3, tzinfo=dt.UTC))


def hostile_report() -> Changes:
    graph = sample_graph(hostile=True)
    # a control character (forbidden in XML 1.0) and rich markup in one more name
    names = {"e_person2": "Max [bold red]Muster[/] \x01"}
    graph.nodes[:] = [n if n.id not in names else type(n)(n.label, n.id, {**n.props, "name": names[n.id]})
                      for n in graph.nodes]
    return compare(GraphData(), graph, Watchlist(), None, NEW)


def test_atom_of_hostile_text_parses_and_escapes() -> None:
    report = hostile_report()
    atom = to_atom(report)
    feed = feedparser.parse(atom)
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == len(report.all()) > 0
    root = ElementTree.fromstring(atom)  # well-formed XML
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert b"<script>" not in atom and b"<img" not in atom
    titles = [e.title for e in feed.entries]
    assert any(HOSTILE in t for t in titles)  # kept as text, not dropped
    assert any("Max [bold red]Muster[/] \ufffd" in t for t in titles)
    assert all(e.updated == "2026-12-07T01:02:03+00:00" for e in feed.entries)
    assert feed.feed.id.startswith("urn:skg:watch:feed:")


def test_entry_ids_do_not_depend_on_the_snapshots_compared() -> None:
    first = hostile_report()
    later = compare(GraphData(), sample_graph(hostile=True), Watchlist(), None,
                    SnapshotRef("s_other_20270101T000000000000", "s_other", None))
    same = {c.key for c in first.all() if c.kind == "new_tie"} & {c.key for c in later.all() if c.kind == "new_tie"}
    assert len(same) == len([c for c in later.all() if c.kind == "new_tie"])


def test_table_prints_markup_as_text_and_json_keeps_it() -> None:
    report = hostile_report()
    table = to_table(report, width=400)
    assert "Max [bold red]Muster[/]" in table
    assert "(no earlier snapshot: everything is new)" in table
    assert HOSTILE in to_json(report).encode().decode("utf-8")
