"""The Kommune21 page-capture reader, checked item by item against the seed's expected reading."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph.ingest.capture import looks_like_capture
from graph.settings import Settings
from tests.graph.ingest.helpers import FIXTURES, by_role, read_all


@pytest.fixture
def seed(seed_paths: tuple[Path, Path], settings: Settings) -> tuple[list, dict]:
    text, expected = seed_paths
    articles, failures = read_all([str(text)], settings)
    assert failures == []
    return articles, json.loads(expected.read_text(encoding="utf-8"))


def test_capture_seed_main_article_matches_expected(seed: tuple[list, dict]) -> None:
    articles, expected = seed
    want = expected["documents"][0]
    (main,) = by_role(articles, "article")
    assert main.role == want["role"]
    assert main.title == want["title"]
    assert main.published == want["published"]
    assert main.section == want["section"]
    assert main.author == want["author"]
    assert list(main.tags) == want["tags"]
    assert list(main.links) == want["links"]
    assert main.text.startswith(want["text_starts_with"])
    assert main.text.endswith(want["text_ends_with"])
    assert main.reader == "kommune21_capture"


def test_capture_seed_main_text_keeps_paragraphs_and_drops_link_lines(seed: tuple[list, dict]) -> None:
    articles, _ = seed
    main = by_role(articles, "article")[0]
    paragraphs = main.text.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("Im Rahmen der Initiative") and paragraphs[1].startswith("Die vom Bundesverband")
    assert "https://" not in main.text and "Deep Link" not in main.text and "Stichwörter" not in main.text


def test_capture_seed_teasers_match_expected(seed: tuple[list, dict]) -> None:
    articles, expected = seed
    want = [d for d in expected["documents"] if d["role"] == "teaser"]
    teasers = by_role(articles, "teaser")
    main = by_role(articles, "article")[0]
    assert len(teasers) == len(want) == 5
    for got, exp in zip(teasers, want, strict=True):
        assert (got.title, got.published, got.section) == (exp["title"], exp["published"], exp["section"])
        assert got.parent_id == main.id
        assert got.text and got.reader == "kommune21_capture"
    assert [t.ordinal for t in teasers] == [0, 1, 2, 3, 4]


def test_capture_seed_teaser_text_holds_teaser_and_caption(seed: tuple[list, dict]) -> None:
    articles, _ = seed
    kdvz = by_role(articles, "teaser")[1]
    teaser, caption = kdvz.text.split("\n\n")
    assert teaser.startswith("Der Fachkräftemangel") and teaser.endswith("buchbare Dienstleistung.")
    assert caption.startswith("Rolf Skuras und Frederic Lottis")
    kgst = by_role(articles, "teaser")[2]
    assert "\n\n" not in kgst.text  # no caption line on the page


def test_capture_seed_vendor_listing_matches_expected(seed: tuple[list, dict]) -> None:
    articles, expected = seed
    want = expected["vendor_listing"]
    (listing,) = by_role(articles, "vendor_listing")
    assert listing.section == want["section"]
    rows = [(v.name, v.postal_code, v.city) for v in listing.vendors]
    assert rows == [(v["name"], v["postal_code"], v["city"]) for v in want["vendors"]]
    assert listing.parent_id == by_role(articles, "article")[0].id
    for article in articles:
        if article.role != "vendor_listing":
            assert not any(v.name in article.text for v in listing.vendors)
    assert listing.text.count("JCC Software GmbH") <= 1


def test_capture_seed_boilerplate_never_reaches_text_or_title(seed: tuple[list, dict]) -> None:
    articles, expected = seed
    headings = ["Ausgewählte Anbieter aus dem Bereich", "Weitere Meldungen"]
    for article in articles:
        for phrase in [*expected["boilerplate_never_in_any_text"], *headings]:
            assert phrase not in article.text, (article.title, phrase)
            assert phrase not in article.title, (article.title, phrase)


def test_capture_seed_document_count_and_unique_ids(seed: tuple[list, dict]) -> None:
    articles, _ = seed
    assert [a.role for a in articles] == ["article"] + ["teaser"] * 5 + ["vendor_listing"]
    assert len({a.id for a in articles}) == len(articles)


@pytest.mark.parametrize("name", ["seed.dat", "seed", "seed.html", "seed.txt"])
def test_capture_recognised_by_content_whatever_the_extension(
    seed_paths: tuple[Path, Path], settings: Settings, tmp_path: Path, name: str
) -> None:
    copy = tmp_path / name
    shutil.copy(seed_paths[0], copy)
    articles, failures = read_all([str(copy)], settings)
    assert failures == []
    assert len(articles) == 7 and {a.reader for a in articles} == {"kommune21_capture"}


def test_capture_ids_depend_on_file_name_not_folder(seed_paths: tuple[Path, Path], settings: Settings,
                                                    tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        shutil.copy(seed_paths[0], tmp_path / folder / "page.txt")
    first, _ = read_all([str(tmp_path / "one" / "page.txt")], settings)
    second, _ = read_all([str(tmp_path / "two" / "page.txt")], settings)
    assert [a.id for a in first] == [a.id for a in second]


def test_capture_own_fixture_with_label_line_and_genre_suffix(settings: Settings) -> None:
    articles, failures = read_all([str(FIXTURES / "capture_seeburg.k21")], settings)
    assert failures == []
    main = by_role(articles, "article")[0]
    assert main.title == "Seeburg: Rathaus geht mit digitaler Terminvergabe online"
    assert main.published == "2024-02-14" and main.author == "ve" and main.section == "Bürgerservice"
    assert main.links == ("https://www.seeburg.example/termine",)
    assert main.text.endswith("(ve)") and "Weitere Informationen" not in main.text
    assert main.tags == ("Bürgerservice", "Seeburg", "Musterdata", "Terminvergabe")
    teasers = by_role(articles, "teaser")
    assert [t.title for t in teasers] == ["Waldau: Chatbot beantwortet Fragen zur Hundesteuer",
                                          "Ostrau: Online-Antrag für Anwohnerparken"]
    assert [t.published for t in teasers] == ["2024-02-12", "2024-02-09"]
    assert teasers[1].text.endswith("Der Parkausweis kommt künftig per Post.")
    listing = by_role(articles, "vendor_listing")[0]
    assert [(v.name, v.postal_code, v.city) for v in listing.vendors] == [
        ("Musterdata GmbH", "24103", "Kiel"), ("Termin-Werk AG", "04109", "Leipzig")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Titel\n\n[1.2.2024] Text", True),
    ("Zeile eins\nZeile zwei\n[22.6.2021] Text", True),
    ("[1.2.2024] ohne Titel", False),
    ("Ein normaler Text ohne Datumszeile.\nNoch eine Zeile.", False),
    ("<p>Titel</p>\n[1.2.2024] Text", False),
    ("a\nb\nc\nd\ne\n[1.2.2024] zu viele Kopfzeilen", False),
])
def test_capture_recognition(text: str, expected: bool) -> None:
    assert looks_like_capture(text) is expected
