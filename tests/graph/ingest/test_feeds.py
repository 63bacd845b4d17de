"""RSS and Atom feeds, from files."""

from __future__ import annotations

from pathlib import Path

from graph.settings import Settings
from tests.graph.ingest.helpers import FIXTURES, read_all


def test_feeds_rss_entries_become_articles(settings: Settings) -> None:
    articles, failures = read_all([str(FIXTURES / "feed_rss.xml")], settings)
    assert failures == []
    assert [a.title for a in articles] == ["Nordheim: Rechenzentrum zieht um",
                                           "Seeburg & Ostrau gründen IT-Zweckverband", "Vitako-Tagung in Waldau"]
    assert [a.published for a in articles] == ["2024-03-11", "2024-03-08", "2024-03-01"]
    first = articles[0]
    assert first.reader == "feed" and first.author == "Jana Petersen"
    assert first.tags == ("Infrastruktur", "Rechenzentrum")
    assert first.url == "https://www.verwaltung-digital.example/news/nordheim-rechenzentrum"
    assert first.text == ("Der Kreis Nordheim verlegt sein Rechenzentrum in einen Neubau am Standort Ostrau."
                          "\n\nLandrat Dr. Henning Albers rechnet mit einer Umzugsdauer von drei Monaten.")
    assert "<b>" not in articles[2].text and "Vitako" in articles[2].text
    assert articles[2].text.endswith("\n\nAnmeldungen sind ab sofort möglich.")
    assert len({a.id for a in articles}) == 3


def test_feeds_atom_prefers_content_over_summary(settings: Settings) -> None:
    articles, failures = read_all([str(FIXTURES / "feed_atom.atom")], settings)
    assert failures == []
    first, second = articles
    assert first.title == "Neue Vorsitzende: Anna Weber führt den Kommunalverband"
    assert first.text.startswith("Die Mitgliederversammlung hat Anna Weber") and "Kurzfassung" not in first.text
    assert first.published == "2024-04-18" and first.tags == ("Verband",)
    assert second.published == "2024-04-10" and second.url is None
    assert second.text.startswith("Der Verband veröffentlicht")


def test_feeds_entry_ids_survive_reordering(settings: Settings, tmp_path: Path) -> None:
    text = (FIXTURES / "feed_rss.xml").read_text(encoding="utf-8")
    items = text.split("<item>")
    reordered = items[0] + "<item>" + "<item>".join(reversed(items[1:])).replace("</channel>", "")
    (tmp_path / "neu.xml").write_text(reordered.replace("</rss>", "") + "</channel></rss>", encoding="utf-8")
    before, _ = read_all([str(FIXTURES / "feed_rss.xml")], settings)
    after, _ = read_all([str(tmp_path / "neu.xml")], settings)
    assert {a.id: a.title for a in before} == {a.id: a.title for a in after}


def test_feeds_feed_without_entries_is_a_failure(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "leer.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    articles, failures = read_all([str(path)], settings)
    assert articles == [] and "no readable entries" in failures[0].message and failures[0].reader == "feed"


def test_feeds_declared_latin1_feed_keeps_umlauts(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "latin.rss"
    path.write_bytes('<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel><title>x</title>'
                     '<item><title>Grün</title><description>Straße in Köln</description></item></channel></rss>'
                     .encode("latin-1"))
    (entry,), failures = read_all([str(path)], settings)
    assert failures == [] and (entry.title, entry.text) == ("Grün", "Straße in Köln")


def test_feeds_reader_never_fetches_url_like_text() -> None:
    from graph.ingest.feeds import read_feed

    (failure,) = list(read_feed("http://127.0.0.1:9/feed.xml", "k", "k"))
    assert "no readable entries" in failure.message
