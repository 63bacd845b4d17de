"""The place gazetteer: the shipped official list on a fresh install, a newer one after `skg gazetteer import`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.errors import ExtractionError
from graph.extract.gazetteer import IMPORTED, Gazetteer, import_destatis, short_name
from graph.extract.postal import lands_for_postal_code
from graph.settings import Settings

GEMEINDEN = "ags,name,type,kreis,bundesland,population,lat,lon\n"
KREISE = "kreis_ags,name,name_official,type,display_name,bundesland,regierungsbezirk,population,area_km2,n_gemeinden\n"


def test_gazetteer_fresh_install_has_official_keys(settings: Settings) -> None:
    gaz = Gazetteer.load(settings)
    assert gaz.source == "shipped" and gaz.fingerprint.startswith("destatis-")
    tengen = gaz.resolve("Tengen")
    assert tengen is not None and (tengen.ags, tengen.land, tengen.kreis) == (
        "08335080", "Baden-Württemberg", "Landkreis Konstanz")
    assert tengen.lat is not None and tengen.type == "Stadt"
    freiburg = gaz.resolve("Freiburg")
    assert freiburg is not None and (freiburg.name, freiburg.ags) == ("Freiburg im Breisgau", "08311000")
    muenster = gaz.resolve("Münster")
    assert muenster is not None and muenster.ags == "05515000"
    assert [p.ags for p in gaz.candidates("Münster")] == ["05515000", "06432015", "09779187"]  # largest first


def test_gazetteer_districts_carry_their_five_digit_key_and_kind(settings: Settings) -> None:
    gaz = Gazetteer.load(settings)
    harburg = gaz.resolve("Landkreis Harburg")
    assert harburg is not None and (harburg.kind, harburg.ags, harburg.name) == ("kreis", "03353", "Landkreis Harburg")
    dueren = gaz.resolve("Landkreis Düren")  # officially "Kreis Düren"
    assert dueren is not None and (dueren.name, dueren.ags) == ("Kreis Düren", "05358")
    muehldorf = gaz.resolve("Landkreis Mühldorf")
    assert muehldorf is not None and muehldorf.name == "Landkreis Mühldorf a.Inn"
    assert gaz.districts["08212"].type == "Stadtkreis"  # kreisfreie Städte are known as districts too …
    assert [p.kind for p in gaz.candidates("Karlsruhe")] == ["gemeinde"]  # … but their name is the town


def test_gazetteer_a_bare_name_means_the_town(settings: Settings) -> None:
    gaz = Gazetteer.load(settings)
    town = gaz.resolve("Harburg")
    assert town is not None and (town.name, town.ags) == ("Harburg (Schwaben)", "09779155")
    borken = gaz.resolve("Borken")
    assert borken is not None and (borken.kind, borken.ags) == ("gemeinde", "05554012")
    kreis = gaz.resolve("Kreis Borken")
    assert kreis is not None and (kreis.kind, kreis.ags) == ("kreis", "05554")


def test_gazetteer_knows_the_laender_with_two_digit_keys(settings: Settings) -> None:
    lands = Gazetteer.load(settings).lands
    assert len(lands) == 16
    assert (lands["Bayern"].ags, lands["Niedersachsen"].ags, lands["Nordrhein-Westfalen"].ags) == ("09", "03", "05")
    assert lands["Bremen"].population > 600_000  # the sum of its municipalities


def test_gazetteer_short_names() -> None:
    assert short_name("Freiburg im Breisgau") == "Freiburg"
    assert short_name("Halle (Saale)") == "Halle"
    assert short_name("Frankfurt am Main") == "Frankfurt"
    assert short_name("Neustadt b.Coburg") == "Neustadt"
    assert short_name("Bad Homburg v. d. Höhe") == "Bad Homburg"
    assert short_name("Hann. Münden") == "Hann. Münden"
    assert short_name("Berlin") == "Berlin"


def _csv(tmp_path: Path, gemeinden: str, kreise: str | None = None) -> tuple[Path, Path | None]:
    folder = tmp_path / "list"
    folder.mkdir(exist_ok=True)
    (folder / "gemeinden.csv").write_text(GEMEINDEN + gemeinden, encoding="utf-8")
    if kreise is None:
        return folder / "gemeinden.csv", None
    (folder / "kreise.csv").write_text(KREISE + kreise, encoding="utf-8")
    return folder / "gemeinden.csv", folder / "kreise.csv"


def test_gazetteer_import_wins_over_the_shipped_list(tmp_path: Path, settings: Settings) -> None:
    shipped = Gazetteer.load(settings)
    gemeinden, kreise = _csv(
        tmp_path,
        "08335080,Tengen,Stadt,Landkreis Konstanz,Baden-Württemberg,4700,47.82,8.66\n"
        "08335999,Neuort,Gemeinde,Landkreis Konstanz,Baden-Württemberg,1200,47.8,8.7\n",
        "08335,Konstanz,Konstanz,Landkreis,Landkreis Konstanz,Baden-Württemberg,Reg.-Bez. Freiburg,5900,800,2\n")
    counts = import_destatis(gemeinden, kreise, settings)
    assert counts == {"gemeinden": 2, "kreise": 1, "laender": 16}
    assert (settings.home_path / IMPORTED).exists()
    gaz = Gazetteer.load(settings)
    assert gaz.source == "imported" and gaz.fingerprint != shipped.fingerprint
    tengen, neuort = gaz.resolve("Tengen"), gaz.resolve("Neuort")
    assert tengen is not None and tengen.population == 4700
    assert neuort is not None and (neuort.ags, neuort.kreis) == ("08335999", "Landkreis Konstanz")
    assert gaz.resolve("Münster") is None  # the whole list is replaced, not merged
    assert gaz.lands["Baden-Württemberg"].population == 5900


def test_gazetteer_reload_sees_a_newer_import(tmp_path: Path, settings: Settings) -> None:
    gemeinden, _ = _csv(tmp_path, "08335080,Tengen,Stadt,Landkreis Konstanz,Baden-Württemberg,4700,47.82,8.66\n")
    import_destatis(gemeinden, None, settings)
    first = Gazetteer.load(settings)
    assert Gazetteer.load(settings) is first  # cached per process
    gemeinden.write_text(GEMEINDEN + "08335080,Tengen,Stadt,Landkreis Konstanz,Baden-Württemberg,4800,"
                         "47.82,8.66\n", encoding="utf-8")
    import_destatis(gemeinden, None, settings)
    path = settings.home_path / IMPORTED
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    second = Gazetteer.load(settings)
    tengen = second.resolve("Tengen")
    assert second is not first and tengen is not None and tengen.population == 4800
    district = second.districts["08335"]  # without kreise.csv the district comes from the kreis column
    assert (district.name, district.population) == ("Landkreis Konstanz", 4800)


def test_gazetteer_import_rejects_wrong_header(tmp_path: Path, settings: Settings) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name\n1,Foo\n", encoding="utf-8")
    with pytest.raises(ExtractionError) as info:
        import_destatis(bad, None, settings)
    assert "bad.csv:1" in str(info.value) and "missing columns" in str(info.value)


def test_gazetteer_import_reports_bad_number_with_line(tmp_path: Path, settings: Settings) -> None:
    bad = tmp_path / "g.csv"
    bad.write_text(GEMEINDEN + "08335080,Tengen,Stadt,Landkreis Konstanz,Baden-Württemberg,viele,47.8,8.6\n",
                   encoding="utf-8")
    with pytest.raises(ExtractionError) as info:
        import_destatis(bad, None, settings)
    assert "g.csv:2" in str(info.value)
    assert not (settings.home_path / IMPORTED).exists()


def test_gazetteer_import_needs_every_district(tmp_path: Path, settings: Settings) -> None:
    gemeinden, kreise = _csv(
        tmp_path,
        "08335080,Tengen,Stadt,Landkreis Konstanz,Baden-Württemberg,4700,47.82,8.66\n"
        "08336001,Irgendwo,Gemeinde,Landkreis Lörrach,Baden-Württemberg,900,47.6,7.7\n",
        "08335,Konstanz,Konstanz,Landkreis,Landkreis Konstanz,Baden-Württemberg,,5900,800,1\n")
    with pytest.raises(ExtractionError) as info:
        import_destatis(gemeinden, kreise, settings)
    assert "gemeinden.csv:3" in str(info.value) and "08336" in str(info.value)


def test_gazetteer_broken_import_is_a_clear_error(settings: Settings) -> None:
    settings.home_path.mkdir(parents=True, exist_ok=True)
    (settings.home_path / IMPORTED).write_bytes(b"not gzip")
    with pytest.raises(ExtractionError) as info:
        Gazetteer.load(settings)
    assert IMPORTED in str(info.value) and "skg gazetteer import" in str(info.value)


def test_gazetteer_full_import_matches_the_shipped_list(destatis_settings: Settings, settings: Settings) -> None:
    imported, shipped = Gazetteer.load(destatis_settings), Gazetteer.load(settings)
    assert imported.source == "imported" and shipped.source == "shipped"
    assert imported.places.keys() == shipped.places.keys()
    assert imported.districts == shipped.districts and imported.lands == shipped.lands
    muenster = imported.resolve("Münster", lands_for_postal_code("48149"), kind="gemeinde")
    assert muenster is not None and muenster.ags == "05515000"


def test_gazetteer_postal_codes() -> None:
    assert "Nordrhein-Westfalen" in lands_for_postal_code("48149")
    assert lands_for_postal_code("75391") == frozenset({"Baden-Württemberg"})
    assert lands_for_postal_code("1234") == frozenset()
