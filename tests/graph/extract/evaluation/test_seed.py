"""Seed checks on a hand-built page: pass, wrong canonical, wrong role, leaks, vendors."""

from __future__ import annotations

from typing import Any

from graph.extract.evaluation.seed import CheckItem, check_seed
from graph.model import (
    Article,
    DocumentExtraction,
    EntityType,
    Evidence,
    Mention,
    OrgKind,
    Relation,
    RelationType,
    VendorEntry,
    entity_id,
)
from graph.resolve import resolve
from graph.settings import Settings

ORG, PER, MUNI = EntityType.ORGANIZATION, EntityType.PERSON, EntityType.MUNICIPALITY
MAIN = Article(id="a_main", source="s", title="Tengen digital", role="article",
               text="Der Bürgermeister der Stadt Tengen, Marian Schreier, lobt den BITMi.")
TEASER = Article(id="a_teaser", source="s", title="Vitako wählt", role="teaser", text="Vitako wählt. Tengen auch.")
LISTING = Article(id="a_list", source="s", title="Anbieter", role="vendor_listing",
                  vendors=(VendorEntry("AIDA ORGA GmbH", "75391", "Gechingen"),))

EXPECTED: dict[str, Any] = {
    "documents": [
        {"role": "article", "title": "Tengen digital", "entities": [
            {"text": "Tengen", "type": "MUNICIPALITY", "canonical": "Tengen", "ags": "08335080"},
            {"text": "Marian Schreier", "type": "PERSON", "canonical": "Marian Schreier"},
            {"text": "BITMi", "type": "ORGANIZATION", "kind": "association",
             "canonical": "Bundesverband IT-Mittelstand"},
            {"text": "KGSt", "type": "ORGANIZATION", "kind": "association", "canonical": "KGSt", "optional": True},
        ], "relations": [{"person": "Marian Schreier", "role": "Bürgermeister", "organization": "Tengen"}]},
        {"role": "teaser", "title": "Vitako wählt", "entities": [
            {"text": "Vitako", "type": "ORGANIZATION", "kind": "association", "canonical": "Vitako"},
        ]},
    ],
    "vendor_listing": {"vendors": [{"name": "AIDA ORGA GmbH", "city": "Gechingen", "ags": "08235029"}]},
}


def _m(article: Article, text: str, etype: EntityType, canonical: str | None = None,
       kind: OrgKind | None = None, ags: str | None = None, start: int | None = None) -> Mention:
    begin = article.text.find(text) if start is None else start
    canonical = canonical or text
    return Mention(article.id, begin, begin + len(text), text, etype, canonical,
                   entity_id(str(etype), ags or canonical), kind=kind, ags=ags)


def _rel(kind: RelationType, a: Mention, b: Mention, role: str | None) -> Relation:
    return Relation(kind, a.entity_id, b.entity_id, a.canonical, b.canonical,
                    Evidence(a.article_id, "…", 0, 1), role=role)


def _page(role: str = "Bürgermeister", leak: bool = False,
          bitmi_canonical: str = "Bundesverband IT-Mittelstand") -> list[DocumentExtraction]:
    tengen = _m(MAIN, "Stadt Tengen", MUNI, "Tengen", ags="08335080")
    person = _m(MAIN, "Marian Schreier", PER)
    bitmi = _m(MAIN, "BITMi", ORG, bitmi_canonical, OrgKind.ASSOCIATION)
    main = DocumentExtraction(MAIN.id, (tengen, person, bitmi), (_rel(RelationType.HOLDS_ROLE, person, tengen, role),))
    vitako = _m(TEASER, "Vitako", ORG, kind=OrgKind.ASSOCIATION)
    teaser_mentions = (vitako, _m(TEASER, "Tengen", MUNI, ags="08335080")) if leak else (vitako,)
    teaser = DocumentExtraction(TEASER.id, teaser_mentions)
    aida = _m(LISTING, "AIDA ORGA GmbH", ORG, "AIDA ORGA", OrgKind.VENDOR, start=0)
    gechingen = _m(LISTING, "Gechingen", MUNI, ags="08235029", start=0)
    listing = DocumentExtraction(LISTING.id, (aida, gechingen),
                                 (_rel(RelationType.LOCATED_IN, aida, gechingen, None),))
    return [main, teaser, listing]


def _failed(items: list[CheckItem]) -> list[tuple[str, str]]:
    return [(c.check, c.item) for c in items if not c.passed and not c.optional]


def test_seed_all_required_checks_pass(settings: Settings) -> None:
    items = check_seed(EXPECTED, [MAIN, TEASER, LISTING], resolve(_page(), [], settings))
    assert _failed(items) == []
    kinds = sorted({c.check for c in items})
    assert kinds == ["entity", "leak", "located_in", "relation", "vendor"]
    optional = [c for c in items if c.optional]
    assert [(c.item, c.passed) for c in optional] == [("KGSt (ORGANIZATION/association)", False)]


def test_seed_reports_wrong_canonical_and_role(settings: Settings) -> None:
    res = resolve(_page(role="Präsident", bitmi_canonical="BITMi"), [], settings)
    items = check_seed(EXPECTED, [MAIN, TEASER, LISTING], res)
    failed = {c.check: c for c in items if not c.passed and not c.optional}
    assert set(failed) == {"entity", "relation"}
    assert "canonical 'BITMi'" in failed["entity"].detail
    assert "role='Präsident'" in failed["relation"].detail


def test_seed_detects_entity_leaking_into_teaser(settings: Settings) -> None:
    items = check_seed(EXPECTED, [MAIN, TEASER, LISTING], resolve(_page(leak=True), [], settings))
    assert _failed(items) == [("leak", "no entity from other documents")]
    assert "Tengen" in next(c.detail for c in items if c.check == "leak" and not c.passed)


def test_seed_missing_document_fails(settings: Settings) -> None:
    items = check_seed(EXPECTED, [MAIN, LISTING], resolve(_page()[::2], [], settings))
    assert ("document", "document read") in _failed(items)
