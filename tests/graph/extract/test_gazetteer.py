"""The place gazetteer: geonames on a fresh install, Destatis after `skg gazetteer import`."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import ExtractionError
from graph.extract.gazetteer import Gazetteer, import_destatis, short_name
from graph.extract.postal import lands_for_postal_code
from graph.settings import Settings


def test_gazetteer_fresh_install_knows_small_places(settings: Settings) -> None:
    gaz = Gazetteer.load(settings)
    assert gaz.source == "geonames"
    tengen = gaz.resolve("Tengen")
    assert tengen is not None and tengen.land == "Baden-Württemberg" and tengen.lat is not None
    assert gaz.resolve("München") is not None  # geonames says "Munich"


def test_gazetteer_short_names() -> None:
    assert short_name("Freiburg im Breisgau") == "Freiburg"
    assert short_name("Halle (Saale)") == "Halle"
    assert short_name("Frankfurt am Main") == "Frankfurt"
    assert short_name("Berlin") == "Berlin"


def test_gazetteer_destatis_resolves_homonyms(destatis_settings: Settings) -> None:
    gaz = Gazetteer.load(destatis_settings)
    assert gaz.source == "destatis"
    freiburg = gaz.resolve("Freiburg")
    assert freiburg is not None and freiburg.ags == "08311000" and freiburg.name == "Freiburg im Breisgau"
    muenster = gaz.resolve("Münster", lands_for_postal_code("48149"), kind="gemeinde")
    assert muenster is not None and muenster.ags == "05515000"
    hessen = gaz.resolve("Münster", frozenset({"Hessen"}), kind="gemeinde")
    assert hessen is not None and hessen.ags.startswith("06")
    kreis = gaz.resolve("Landkreis Anhalt-Bitterfeld")
    assert kreis is not None and kreis.kind == "kreis" and kreis.ags == "15082"


def test_gazetteer_import_rejects_wrong_header(tmp_path: Path, settings: Settings) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name\n1,Foo\n", encoding="utf-8")
    with pytest.raises(ExtractionError) as info:
        import_destatis(bad, None, settings)
    assert "bad.csv:1" in str(info.value) and "missing columns" in str(info.value)


def test_gazetteer_import_reports_bad_number_with_line(tmp_path: Path, settings: Settings) -> None:
    bad = tmp_path / "g.csv"
    bad.write_text("ags,name,type,kreis,bundesland,population,lat,lon\n"
                   "08335080,Tengen,Stadt,Landkreis Konstanz,Baden-Württemberg,viele,47.8,8.6\n",
                   encoding="utf-8")
    with pytest.raises(ExtractionError) as info:
        import_destatis(bad, None, settings)
    assert "g.csv:2" in str(info.value)


def test_gazetteer_postal_codes() -> None:
    assert "Nordrhein-Westfalen" in lands_for_postal_code("48149")
    assert lands_for_postal_code("75391") == frozenset({"Baden-Württemberg"})
    assert lands_for_postal_code("1234") == frozenset()
