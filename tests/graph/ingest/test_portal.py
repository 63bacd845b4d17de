"""The HTML profile for the Kommune21-like portal layout and the generic trafilatura reader."""

from __future__ import annotations

from pathlib import Path

from graph.settings import Settings
from tests.graph.ingest.helpers import FIXTURES, by_role, read_all

BOILERPLATE = ("Druckversion", "Link mailen", "Anzeige", "Suchen", "Aboverwaltung", "Abbonement kuendigen",
               "Aktuelle Meldungen", "mehr...", "Weitere Meldungen", "Ausgewählte Anbieter")


def test_portal_main_article_fields(settings: Settings) -> None:
    articles, failures = read_all([str(FIXTURES / "portal_meldung.html")], settings)
    assert failures == []
    main = by_role(articles, "article")[0]
    assert main.reader == "kommune21_html"
    assert main.title == "Landkreis Waldau: Fachverfahren wandern in die Cloud"
    assert main.published == "2024-05-06" and main.author == "ba" and main.section == "E-Government"
    assert main.tags == ("E-Government", "Cloud Computing", "regio iT", "Landkreis Waldau")
    assert main.links == ("https://www.landkreis-waldau.example/cloud", "https://www.regioit.example")
    assert main.url == "https://www.kommune21.example/meldung_41234_Fachverfahren+wandern+in+die+Cloud.html"
    assert main.text.startswith("Der Landkreis Waldau verlagert") and main.text.endswith("(ba)")
    assert main.text.count("\n\n") == 2 and "[6.5.2024]" not in main.text


def test_portal_teasers_and_vendor_listing(settings: Settings) -> None:
    articles, _ = read_all([str(FIXTURES / "portal_meldung.html")], settings)
    main = by_role(articles, "article")[0]
    teasers = by_role(articles, "teaser")
    assert [(t.title, t.published) for t in teasers] == [
        ("Seeburg: Bürgerkonto für alle Leistungen", "2024-05-03"),
        ("Vitako: Positionspapier zur Registermodernisierung", "2024-04-30"),
    ]
    assert teasers[0].text.split("\n\n")[1] == "Bürgermeister Klaus Riedel stellte das Bürgerkonto im Rathaus vor."
    assert all(t.parent_id == main.id and t.section == "E-Government" for t in teasers)
    listing = by_role(articles, "vendor_listing")[0]
    assert [(v.name, v.postal_code, v.city) for v in listing.vendors] == [
        ("Musterdata GmbH", "24103", "Kiel"), ("Beispiel Software AG", "80335", "München")]


def test_portal_boilerplate_never_reaches_text(settings: Settings) -> None:
    articles, _ = read_all([str(FIXTURES / "portal_meldung.html")], settings)
    for article in articles:
        for phrase in BOILERPLATE:
            assert phrase not in article.text and phrase not in article.title, (article.title, phrase)


def test_portal_id_keyed_by_page_url_not_file_path(settings: Settings, tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere.htm"
    copy.write_bytes((FIXTURES / "portal_meldung.html").read_bytes())
    first, _ = read_all([str(FIXTURES / "portal_meldung.html")], settings)
    second, _ = read_all([str(copy)], settings)
    assert [a.id for a in first] == [a.id for a in second]


def test_webpage_generic_news_page_with_trafilatura(settings: Settings) -> None:
    articles, failures = read_all([str(FIXTURES / "behoerden_news.html")], settings)
    assert failures == []
    (page,) = articles
    assert page.reader == "html" and page.role == "article"
    assert page.title == "Digitale Bauakte: Kreis Nordheim startet Pilotbetrieb"
    assert page.published == "2024-03-14" and page.author == "Miriam Kessler"
    assert page.tags == ("Bauen", "Digitalisierung")
    assert page.url == "https://www.behoerden-digital.example/news/digitale-bauakte-nordheim"
    assert page.text.startswith("Der Kreis Nordheim führt") and len(page.text.split("\n\n")) == 4
    for noise in ("Newsletter", "Impressum", "Kontakt", page.title):
        assert noise not in page.text


def test_webpage_truncated_html_is_a_failure(settings: Settings) -> None:
    articles, failures = read_all([str(FIXTURES / "truncated.html")], settings)
    assert articles == []
    (failure,) = failures
    assert "truncated" in failure.message and "again" in failure.hint and failure.reader == "html"


def test_webpage_page_without_article_text_is_a_failure(settings: Settings, tmp_path: Path) -> None:
    page = tmp_path / "leer.html"
    page.write_text("<!DOCTYPE html><html><head><title>Login</title></head><body><form></form></body></html>")
    articles, failures = read_all([str(page)], settings)
    assert articles == [] and "no article text" in failures[0].message


def test_portal_newer_layout_with_kicker_time_and_tag_list(settings: Settings) -> None:
    (page,), failures = read_all([str(FIXTURES / "portal_neu.html")], settings)
    assert failures == [] and page.reader == "kommune21_html"
    assert page.title == "Gemeinde Lindenfeld: Ratsinformationssystem erneuert"
    assert (page.published, page.author, page.section) == ("2024-02-27", "ve", "Politik")
    assert page.tags == ("Politik", "Lindenfeld")
    assert page.text.startswith("Die Gemeinde Lindenfeld") and page.text.count("\n\n") == 1
    assert "Seeburg" not in page.text and "Druckversion" not in page.text


def test_portal_profile_and_capture_reader_agree_on_the_same_page(settings: Settings) -> None:
    html_docs, _ = read_all([str(FIXTURES / "portal_meldung.html")], settings)
    text_docs, _ = read_all([str(FIXTURES / "portal_meldung_capture.txt")], settings)
    fields = ("role", "title", "text", "published", "author", "section", "tags", "links", "vendors", "ordinal")
    assert [[getattr(d, f) for f in fields] for d in html_docs] == [[getattr(d, f) for f in fields] for d in text_docs]
    assert [d.content_hash for d in html_docs] == [d.content_hash for d in text_docs]
