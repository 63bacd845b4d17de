"""The actor registry: the shipped file's schema, user extension, matching and succession."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from graph.errors import ExtractionError
from graph.extract.actor_registry import (
    COLUMNS,
    MIN_ANYCASE,
    Registry,
    parse_registry,
    read_registry,
)
from graph.extract.lexicon import load_lexicon
from graph.extract.pipeline import ExtractionPipeline
from graph.extract.vocabulary import noun_vocabulary
from graph.model import DocumentExtraction, EntityType, Mention, OrgKind, entity_id
from graph.resolve import resolve
from graph.resources import data_path
from graph.settings import load_settings
from tests.graph.extract.conftest import article

HEADER = "\t".join(COLUMNS)


def _row(**cells: str) -> str:
    return "\t".join(cells.get(c, "") for c in COLUMNS)


def _shipped() -> list:
    return read_registry(data_path("actors", "registry.tsv"))


def test_every_shipped_registry_row_names_public_sources() -> None:
    actors = _shipped()
    assert [a.id for a in actors if not a.source] == []  # each row names the page its facts come from
    sourced = [a for a in actors if a.source]
    assert len(sourced) >= 100
    assert all(s.startswith(("http://", "https://")) for a in sourced for s in a.source.split("|"))


def test_shipped_registry_rows_are_consistent() -> None:
    actors = _shipped()
    registry = Registry.merge(actors)  # names unique, predecessors known, no text name shared
    assert len({a.id for a in actors}) == len(actors)
    assert {a.kind for a in actors} <= set(OrgKind)
    assert all(len(a.ags) == 8 and a.ags.isdigit() and a.seat for a in actors if a.ags)
    assert all(not a.seat or a.ags for a in actors if a.land)  # a seat always comes with its AGS
    assert registry.get("komm-one") is not None


def test_shipped_seats_are_destatis_municipalities_of_the_stated_land(shared_dir: Path) -> None:
    rows = csv.DictReader((shared_dir / "data" / "gazetteer" / "gemeinden.csv").open(encoding="utf-8"))
    places = {r["ags"]: (r["name"], r["bundesland"]) for r in rows}
    for actor in _shipped():
        if actor.ags:
            assert actor.ags in places, actor.id
            name, land = places[actor.ags]
            assert actor.seat == name, actor.id
            assert not actor.land or actor.land == land, actor.id


def test_names_matched_in_any_case_are_no_common_german_words() -> None:
    vocab = noun_vocabulary()
    for actor in _shipped():
        if actor.match == "anycase":
            for name in actor.names:
                assert len(name) >= MIN_ANYCASE
                assert vocab.kind(name.capitalize()) != "noun", (actor.id, name)


def test_bad_rows_name_file_and_line(tmp_path: Path) -> None:
    cases = {
        _row(id="Bad Id", name="X", kind="vendor", source="https://x.example"): "not a slug",
        _row(id="x", name="X", kind="shop", source="https://x.example"): "unknown kind",
        _row(id="x", name="X", kind="vendor", ags="123", source="https://x.example"): "8 digits",
        _row(id="x", name="X", kind="vendor", land="Bavaria", source="https://x.example"): "unknown Land",
        _row(id="x", name="X", kind="vendor", source="www.x.example"): "not a URL",
        _row(id="x", name="Xyz", kind="vendor", acronyms="XY", match="anycase"): "too short",
    }
    for line, message in cases.items():
        path = tmp_path / "actors.tsv"
        path.write_text(f"{HEADER}\n# a comment\n{line}\n", encoding="utf-8")
        with pytest.raises(ExtractionError) as err:
            read_registry(path)
        assert message in str(err.value)
        assert f"{path}:3" in str(err.value)


def test_duplicate_ids_and_shared_names_are_refused() -> None:
    with pytest.raises(ExtractionError, match="already used"):
        parse_registry([HEADER, _row(id="a", name="A", kind="vendor"), _row(id="a", name="B", kind="vendor")],
                       "f.tsv")
    rows = parse_registry([HEADER, _row(id="a", name="Alpha", kind="vendor", acronyms="ALP"),
                           _row(id="b", name="Beta", kind="vendor", aliases="ALP")], "f.tsv")
    with pytest.raises(ExtractionError, match="already a name of a"):
        Registry.merge(rows)
    with pytest.raises(ExtractionError, match="unknown predecessor"):
        Registry.merge(parse_registry([HEADER, _row(id="a", name="A", kind="vendor", predecessors="zz")],
                                      "f.tsv"))


def test_user_file_extends_and_overrides_by_id(tmp_path: Path) -> None:
    user = tmp_path / "actors.tsv"
    user.write_text("\n".join([
        HEADER,
        _row(id="akdb", name="AKDB", kind="public_it_provider", aliases="Bayern-IT-Haus",
             source="https://example.org/akdb"),
        _row(id="musterdaten", name="Musterdaten", kind="vendor", legal_form="GmbH"),
    ]) + "\n", encoding="utf-8")
    shipped = load_lexicon()
    extended = load_lexicon(user_actors=user)
    assert extended.fingerprint != shipped.fingerprint
    assert len(extended.registry.actors) == len(shipped.registry.actors) + 1
    akdb = extended.registry.get("akdb")
    assert akdb is not None and akdb.aliases == ("Bayern-IT-Haus",) and akdb.official_name == ""
    assert extended.registry.get("musterdaten") is not None


def test_pipeline_version_changes_with_the_user_registry(tmp_path: Path) -> None:
    def version() -> str:
        load_lexicon.cache_clear()
        settings = load_settings(env={"SKG_HOME": str(tmp_path)}, use_file=False)
        return ExtractionPipeline.from_settings(settings).version

    before = version()
    (tmp_path / "actors.tsv").write_text(HEADER + "\n" + _row(id="musterdaten", name="Musterdaten",
                                                                 kind="vendor") + "\n", encoding="utf-8")
    after = version()
    (tmp_path / "actors.tsv").write_text(HEADER + "\n" + _row(id="musterdaten", name="Musterdaten AG",
                                                                 kind="vendor") + "\n", encoding="utf-8")
    assert len({before, after, version()}) == 3


def test_pipeline_rejects_a_broken_user_registry(tmp_path: Path) -> None:
    (tmp_path / "actors.tsv").write_text(HEADER + "\n" + _row(id="x", name="X", kind="nope") + "\n",
                                         encoding="utf-8")
    load_lexicon.cache_clear()
    with pytest.raises(ExtractionError, match=r"actors\.tsv:2"):
        ExtractionPipeline.from_settings(load_settings(env={"SKG_HOME": str(tmp_path)}, use_file=False))


def _orgs(pipe: ExtractionPipeline, text: str) -> list[tuple[str, str, str | None]]:
    doc = pipe.extract(article(text))
    return [(m.text, m.canonical, m.actor_id) for m in doc.mentions if m.type is EntityType.ORGANIZATION]


def test_brand_spellings_genitives_and_former_names(geonames_pipeline: ExtractionPipeline) -> None:
    orgs = _orgs(geonames_pipeline,
                 "Der Vorstand der AKDB traf die kdvz Rhein-Erft-Rur, die EKOM21 und die Regio iT. "
                 "Die Beschlüsse des IT-Planungsrates und des Bundesverwaltungsamtes gelten. "
                 "Damals hieß Komm.ONE noch ITEOS.")
    assert ("AKDB", "AKDB", "akdb") in orgs
    assert ("kdvz Rhein-Erft-Rur", "kdvz Rhein Erft Rur", "kdvz-rhein-erft-rur") in orgs
    assert ("EKOM21", "ekom21", "ekom21") in orgs
    assert ("Regio iT", "regio iT", "regio-it") in orgs
    assert ("IT-Planungsrates", "IT-Planungsrat", "it-planungsrat") in orgs
    assert ("Bundesverwaltungsamtes", "Bundesverwaltungsamt", "bundesverwaltungsamt") in orgs
    assert ("ITEOS", "Komm.ONE", "komm-one") in orgs


def test_short_acronyms_match_only_as_written(geonames_pipeline: ExtractionPipeline) -> None:
    orgs = _orgs(geonames_pipeline, "Das Kdo der Truppe meldet sich. Die KDO in Oldenburg auch.")
    assert [o[0] for o in orgs if o[2] == "kdo"] == ["KDO"]


def test_registry_mentions_carry_the_registry_id(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Dataport und die Dataport AöR arbeiten zusammen."))
    ids = {(m.actor_id, m.entity_id) for m in doc.mentions if m.type is EntityType.ORGANIZATION}
    assert ids == {("dataport", entity_id("ORGANIZATION", "actor:dataport"))}


def test_predecessor_and_successor_stay_separate(geonames_pipeline: ExtractionPipeline) -> None:
    registry = geonames_pipeline.lexicon.registry
    assert {a.id for a in registry.successors("kivbf")} == {"komm-one"}
    assert {a.id for a in registry.predecessors("komm-one")} >= {"kivbf", "kdrs", "kiru", "dzbw"}
    docs = [geonames_pipeline.extract(article(
        "Die KIVBF, die KDRS und die KIRU gingen 2018 in ITEOS auf, heute Komm.ONE.", id="a1"))]
    res = resolve(docs, [], load_settings(env={}, use_file=False))
    names = {e.name for e in res.entities.values() if e.type is EntityType.ORGANIZATION}
    assert {"KIVBF", "KDRS", "KIRU", "Komm.ONE"} <= names
    assert len([n for n in names if n in {"KIVBF", "Komm.ONE"}]) == 2


def _mention(article_id: str, text: str, actor: str | None) -> Mention:
    key = f"actor:{actor}" if actor else text
    return Mention(article_id, 0, len(text), text, EntityType.ORGANIZATION, text,
                   entity_id("ORGANIZATION", key), OrgKind.PUBLIC_IT_PROVIDER, actor_id=actor)


def test_resolution_never_joins_two_registry_actors_by_rule() -> None:
    # The same written name under two registry ids (a predecessor reused its successor's name):
    # the name-key rule would join them, the registry ids keep them apart.
    docs = [DocumentExtraction("a1", (_mention("a1", "Rechenzentrum Nord", "rz-nord-alt"),)),
            DocumentExtraction("a2", (_mention("a2", "Rechenzentrum Nord", "rz-nord-neu"),)),
            DocumentExtraction("a3", (_mention("a3", "Rechenzentrum Nord", None),))]
    res = resolve(docs, [], load_settings(env={}, use_file=False))
    assert len({res.mapping[m.entity_id] for d in docs for m in d.mentions}) == 2
    plain = [DocumentExtraction(d.article_id, tuple(_mention(d.article_id, m.text, None) for m in d.mentions))
             for d in docs]
    assert len({m.entity_id for d in resolve(plain, [], load_settings(env={}, use_file=False)).extractions
                for m in d.mentions}) == 1
