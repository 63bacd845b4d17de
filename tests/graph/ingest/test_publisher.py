"""Publisher and source kind of every document, as each reader finds them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.ingest.publisher import annotate, domain_of, kind_of, publisher_for
from graph.model import Article
from graph.settings import Settings
from tests.graph.ingest.helpers import FIXTURES, read_all


@pytest.mark.parametrize(("name", "publisher"), [
    ("feed_rss.xml", "verwaltung-digital.example"),
    ("capture_seeburg.k21", "kommune21.de"),  # a capture is Kommune21's page
    ("portal_meldung.html", "kommune21.example"),  # the portal page's own URL
    ("behoerden_news.html", "behoerden-digital.example"),
    ("notiz.txt", None),  # plain text: no publisher (folder names say how files were collected)
])
def test_publisher_of_each_reader(settings: Settings, name: str, publisher: str | None) -> None:
    articles, failures = read_all([str(FIXTURES / name)], settings)
    assert articles and not failures
    assert {a.publisher for a in articles} == {publisher}
    assert all(a.source_kind in ("editorial", "press_release", "official_record") for a in articles)


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_publisher_jsonl_field_wins_and_name_is_the_fallback(settings: Settings, tmp_path: Path) -> None:
    capture = (FIXTURES / "capture_seeburg.k21").read_text(encoding="utf-8")
    records = [{"id": "1", "text": "Eine Meldung.", "url": "https://www.a.example/x", "publisher": "b.example"},
               {"id": "2", "text": "Eine Meldung.", "source": "Amtsblatt Nordheim"},
               {"id": "3", "text": capture, "source": "Sammlung"}]
    path = _write(tmp_path / "r.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in records))
    articles, _ = read_all([path], settings)
    by_record = {a.source_id: a.publisher for a in articles if a.role == "article"}
    assert by_record == {"1": "b.example", "2": "Amtsblatt Nordheim", "3": "kommune21.de"}


def test_publisher_feed_site_comes_before_the_entry_link(settings: Settings, tmp_path: Path) -> None:
    feed = ("<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>T</title>"
            "<link>https://news.kreis-nordheim.example/</link><item><title>Eintrag</title>"
            "<link>https://www.anderes-portal.example/a</link><description>Ein Text über die Stadt.</description>"
            "</item></channel></rss>")
    articles, _ = read_all([_write(tmp_path / "f.xml", feed)], settings)
    assert [a.publisher for a in articles] == ["kreis-nordheim.example"]


def test_publisher_html_without_url_takes_the_site_name(settings: Settings, tmp_path: Path) -> None:
    page = ("<!doctype html><html><head><title>Nordheim digital</title>"
            "<meta property='og:site_name' content='Staat  &amp; Digital'></head><body><article><h1>Nordheim "
            "digital</h1><p>" + "Der Kreis Nordheim stellt seine Bauakte auf ein digitales Verfahren um. " * 6
            + "</p></article></body></html>")
    articles, _ = read_all([_write(tmp_path / "p.html", page)], settings)
    assert [a.publisher for a in articles] == ["Staat & Digital"]


def test_publisher_domains_are_registrable_domains() -> None:
    assert domain_of("https://newsroom.dataport.de/x") == "dataport.de"
    assert domain_of("HTTPS://WWW.Kommune21.DE") == "kommune21.de"
    assert domain_of("https://www.bbc.co.uk/news") == "bbc.co.uk"
    assert publisher_for(None, "", "www.akdb.de") == "akdb.de"
    assert publisher_for("Behörden  Spiegel") == "Behörden Spiegel"
    assert publisher_for(None, "  ") is None


def _kind(title: str, text: str = "Die Stadt führt ein neues Verfahren ein.", url: str | None = None,
          publisher: str | None = None) -> str:
    return kind_of(Article("a", "x", title=title, text=text, url=url), publisher)


def test_source_kind_rules() -> None:
    assert _kind("Pressemitteilung: Neues Bürgerportal") == "press_release"
    assert _kind("Neues Bürgerportal", "PRESSEMELDUNG – Die Stadt …") == "press_release"
    assert _kind("Neues Bürgerportal", publisher="presseportal.de") == "press_release"
    assert _kind("Neues Bürgerportal", url="https://www.stadt.example/presse/2024/portal") == "press_release"
    assert _kind("Neues Bürgerportal", "Wie die Stadt in einer Pressemitteilung schreibt, …") == "editorial"
    assert _kind("Gemeinderat", url="https://ratsinfo.stadt.example/vo0050.php?__kvonr=1") == "official_record"
    assert _kind("Sitzungsvorlage zum Haushalt") == "official_record"
    assert _kind("Bürgerportal", "Drucksache 21/4711: Antrag der Fraktion …") == "official_record"
    assert _kind("Ratsarbeit digital", "Tablets für das Ratsinformationssystem der Stadt …") == "editorial"
    assert _kind("Neues Bürgerportal") == "editorial"


def test_annotate_keeps_ids_hashes_and_what_a_reader_set() -> None:
    plain = Article(Article.make_id("k", "article", 0), "k", title="Pressemitteilung", text="Text.",
                    url="https://www.presse.example/a", reader="html")
    done = annotate(plain)
    assert (done.id, done.content_hash) == (plain.id, plain.content_hash)
    assert (done.publisher, done.source_kind) == ("presse.example", "press_release")
    assert annotate(done) is done
    kept = annotate(Article("b", "x", publisher="eigener.example", source_kind="official_record"))
    assert (kept.publisher, kept.source_kind) == ("eigener.example", "official_record")
