"""Resolution invariants over generated corpora, and stability as articles arrive."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from graph.model import DocumentExtraction, Judgement, JudgementAction
from graph.resolve import resolve
from graph.settings import load_settings

from .factory import MUNI, ORG, PER, doc, mention

SETTINGS = load_settings(env={}, use_file=False)
NAMES = ["Dataport", "Dataports", "Dataport AöR", "AKDB", "Anstalt für Kommunale Datenverarbeitung in Bayern",
         "Komm.ONE", "Komm ONE", "KGSt", "Marian Schreier", "Marian Schreiner", "Stadt Tengen", "Tengen"]
TYPES = {"Marian Schreier": PER, "Marian Schreiner": PER, "Stadt Tengen": MUNI, "Tengen": MUNI}


@st.composite
def corpora(draw: st.DrawFn) -> list[DocumentExtraction]:
    docs = []
    for index in range(draw(st.integers(1, 6))):
        names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=5))
        docs.append(doc(f"a{index}", *(mention(f"a{index}", n, TYPES.get(n, ORG), start=40 * k)
                                        for k, n in enumerate(names))))
    return docs


@hsettings(max_examples=40, deadline=None)
@given(corpora(), st.randoms(use_true_random=False))
def test_properties_resolution_ignores_document_order(docs: list[DocumentExtraction], rnd: random.Random) -> None:
    shuffled = list(docs)
    rnd.shuffle(shuffled)
    a, b = resolve(docs, [], SETTINGS), resolve(shuffled, [], SETTINGS)
    assert a.entities == b.entities and a.mapping == b.mapping and a.candidates == b.candidates


@hsettings(max_examples=40, deadline=None)
@given(corpora())
def test_properties_every_mention_kept_and_points_at_an_entity(docs: list[DocumentExtraction]) -> None:
    res = resolve(docs, [], SETTINGS)
    assert [len(d.mentions) for d in res.extractions] == [len(d.mentions) for d in docs]
    assert all(m.entity_id in res.entities for d in res.extractions for m in d.mentions)
    assert set(res.mapping) == {m.entity_id for d in docs for m in d.mentions}
    assert all(c.left in res.entities and c.right in res.entities and c.left < c.right for c in res.candidates)


def test_properties_canonical_id_stable_when_articles_arrive() -> None:
    first = [doc("a1", mention("a1", "Dataport"), mention("a1", "Dataport", start=30)),
             doc("a2", mention("a2", "Dataport AöR"))]
    before = resolve(first, [], SETTINGS)
    later = [*first, doc("a3", mention("a3", "Dataports")), doc("a4", mention("a4", "Dataport AöR"))]
    after = resolve(later, [], SETTINGS)
    assert list(before.entities) == list(after.entities)
    assert after.entities[next(iter(after.entities))].aliases == ("Dataport AöR", "Dataports")


def test_properties_judgement_on_member_id_survives_canonical_change() -> None:
    small = mention("a1", "Dataport AöR")
    judgement = [Judgement(JudgementAction.RENAME, small.entity_id, value="Dataport (AöR)")]
    docs = [doc("a1", small), *(doc(f"b{i}", mention(f"b{i}", "Dataport")) for i in range(3))]
    res = resolve(docs, judgement, SETTINGS)
    assert [e.name for e in res.entities.values()] == ["Dataport (AöR)"]
    assert res.mapping[small.entity_id] != small.entity_id  # the group's id is the busier member's


def test_properties_unfitting_short_form_and_ambiguous_initials_are_candidates() -> None:
    long = mention("a1", "Stadtwerke München", ORG)
    short = mention("a1", "AKDB", ORG, start=len(long.text) + 2)
    res = resolve([doc("a1", long, short)], [], SETTINGS)
    assert len(res.entities) == 2
    assert any("follows" in r for c in res.candidates for r in c.reasons)
    twins = [doc("b", mention("b", "Deutscher Schulbau Tag"), mention("b", "Deutsche Stiftung Telekom", start=30),
                 mention("b", "DST", start=60))]
    res = resolve(twins, [], SETTINGS)
    assert len(res.entities) == 3
    assert sum(1 for c in res.candidates if any("initials" in r for r in c.reasons)) == 2
