"""Resolution on hand-built extractions: matching rules, judgements, determinism."""

from __future__ import annotations

from graph.model import Judgement, JudgementAction, OrgKind
from graph.resolve import resolve
from graph.settings import Settings

from .factory import MUNI, ORG, PER, doc, eid, mention, relation

J = JudgementAction


def test_resolver_acronym_defined_in_parentheses_merges(settings: Settings) -> None:
    long = mention("a1", "Bundesverband IT-Mittelstand", kind=OrgKind.ASSOCIATION, start=10)
    short = mention("a1", "BITMi", kind=OrgKind.ASSOCIATION, start=10 + len(long.text) + 2)
    later = mention("a2", "BITMi", kind=OrgKind.ASSOCIATION)
    res = resolve([doc("a1", long, short), doc("a2", later)], [], settings)
    assert len(res.entities) == 1
    entity = next(iter(res.entities.values()))
    assert entity.name == "Bundesverband IT-Mittelstand"
    assert "BITMi" in entity.aliases
    assert entity.kind is OrgKind.ASSOCIATION
    assert {m.entity_id for d in res.extractions for m in d.mentions} == {entity.id}


def test_resolver_vitako_alias_of_long_form_merges(settings: Settings) -> None:
    long_name = "Bundes-Arbeitsgemeinschaft der Kommunalen IT-Dienstleister"
    linked = mention("a1", long_name, canonical="Vitako", kind=OrgKind.ASSOCIATION)
    alone = mention("a2", long_name, kind=OrgKind.ASSOCIATION)
    short = mention("a3", "Vitako", kind=OrgKind.ASSOCIATION)
    res = resolve([doc("a1", linked), doc("a2", alone), doc("a3", short)], [], settings)
    assert [e.name for e in res.entities.values()] == ["Vitako"]


def test_resolver_first_word_acronym_merges_hsh(settings: Settings) -> None:
    long = mention("a1", "HSH Soft- und Hardware Vertrieb", kind=OrgKind.VENDOR)
    short = mention("a2", "HSH", kind=OrgKind.VENDOR)
    res = resolve([doc("a1", long), doc("a2", short)], [], settings)
    assert [e.name for e in res.entities.values()] == ["HSH Soft- und Hardware Vertrieb"]
    assert res.mapping[short.entity_id] == res.mapping[long.entity_id]


def test_resolver_initials_acronym_merges_when_unique(settings: Settings) -> None:
    long = mention("a1", "Bundesamt für Sicherheit in der Informationstechnik", kind=OrgKind.PUBLIC_BODY)
    short = mention("a2", "BSI", kind=OrgKind.PUBLIC_BODY)
    res = resolve([doc("a1", long), doc("a2", short)], [], settings)
    assert len(res.entities) == 1


def test_resolver_stadt_prefix_and_ags_merge(settings: Settings) -> None:
    stadt = mention("a1", "Stadt Tengen", MUNI, canonical="Stadt Tengen", key="x-tengen")
    plain = mention("a2", "Tengen", MUNI, ags="08335080")
    res = resolve([doc("a1", stadt), doc("a2", plain)], [], settings)
    assert len(res.entities) == 1
    entity = next(iter(res.entities.values()))
    assert (entity.name, entity.ags, entity.lat, entity.land) == ("Tengen", "08335080", 47.8, "BW")


def test_resolver_homonym_municipalities_with_different_ags_stay_apart(settings: Settings) -> None:
    a = mention("a1", "Münster", MUNI, ags="05515000")
    b = mention("a2", "Münster", MUNI, ags="06432015")
    res = resolve([doc("a1", a), doc("a2", b)], [], settings)
    assert len(res.entities) == 2


def test_resolver_genitive_and_legal_form_variants_merge(settings: Settings) -> None:
    names = ["Dataport", "Dataports", "Dataport AöR"]
    docs = [doc(f"a{i}", mention(f"a{i}", n, kind=OrgKind.PUBLIC_IT_PROVIDER)) for i, n in enumerate(names)]
    docs.append(doc("b", mention("b", "Landkreises Kassel", MUNI), mention("b", "Landkreis Kassel", MUNI, start=40)))
    res = resolve(docs, [], settings)
    assert sorted(e.name for e in res.entities.values()) == ["Dataport", "Landkreis Kassel"]


def test_resolver_persons_with_similar_names_are_only_candidates(settings: Settings) -> None:
    a = mention("a1", "Marian Schreier", PER)
    b = mention("a2", "Marian Schreiner", PER)
    res = resolve([doc("a1", a), doc("a2", b)], [], settings)
    assert len(res.entities) == 2
    assert [(c.left, c.right) for c in res.candidates] == [tuple(sorted((a.entity_id, b.entity_id)))]
    assert res.candidates[0].score >= settings.fuzzy_threshold


def test_resolver_different_types_never_auto_merge(settings: Settings) -> None:
    org = mention("a1", "Freiburg", ORG)
    town = mention("a2", "Freiburg", MUNI)
    res = resolve([doc("a1", org), doc("a2", town)], [], settings)
    assert len(res.entities) == 2


def test_resolver_not_same_splits_auto_merge(settings: Settings) -> None:
    long = mention("a1", "HSH Soft- und Hardware Vertrieb")
    short = mention("a2", "HSH")
    judgements = [Judgement(J.NOT_SAME, long.entity_id, short.entity_id)]
    res = resolve([doc("a1", long), doc("a2", short)], judgements, settings)
    assert len(res.entities) == 2
    assert res.candidates == []  # a decided pair is not proposed again


def test_resolver_not_same_breaks_chain_of_merges(settings: Settings) -> None:
    a, b, c = (mention(f"d{i}", n) for i, n in enumerate(["Komm.ONE", "Komm ONE", "KommONE"]))
    plain = resolve([doc("x", a, b, c)], [], settings)
    assert len(plain.entities) == 1
    res = resolve([doc("x", a, b, c)], [Judgement(J.NOT_SAME, a.entity_id, c.entity_id)], settings)
    groups = {res.mapping[m.entity_id] for m in (a, b, c)}
    assert len(groups) == 2
    assert res.mapping[a.entity_id] != res.mapping[c.entity_id]


def test_resolver_later_merge_overrides_not_same(settings: Settings) -> None:
    a, b = mention("d1", "Alpha Systems"), mention("d2", "Beta Consulting")
    judgements = [Judgement(J.NOT_SAME, a.entity_id, b.entity_id), Judgement(J.MERGE, b.entity_id, a.entity_id)]
    res = resolve([doc("d1", a), doc("d2", b)], judgements, settings)
    assert len(res.entities) == 1


def test_resolver_rename_retype_ignore(settings: Settings) -> None:
    org = mention("d1", "Empolis Information Management", kind=OrgKind.OTHER)
    person = mention("d1", "Stefan Wess", PER, start=40)
    noise = mention("d1", "Anzeige", start=80)
    rel = relation(person, org)
    noise_rel = relation(person, noise)
    judgements = [
        Judgement(J.RENAME, org.entity_id, value="Empolis"),
        Judgement(J.RETYPE, org.entity_id, value="ORGANIZATION/vendor"),
        Judgement(J.IGNORE, noise.entity_id),
    ]
    res = resolve([doc("d1", org, person, noise, relations=(rel, noise_rel))], judgements, settings)
    entity = res.entities[org.entity_id]
    assert (entity.name, entity.type, entity.kind) == ("Empolis", ORG, OrgKind.VENDOR)
    assert "Empolis Information Management" in entity.aliases
    assert noise.entity_id in res.ignored and noise.entity_id not in res.entities
    out = res.extractions[0]
    assert [m.text for m in out.mentions] == ["Empolis Information Management", "Stefan Wess"]
    assert [r.target_name for r in out.relations] == ["Empolis"]


def test_resolver_retype_person_drops_kind(settings: Settings) -> None:
    m = mention("d1", "Grün", ORG, kind=OrgKind.VENDOR)
    res = resolve([doc("d1", m)], [Judgement(J.RETYPE, m.entity_id, value="PERSON")], settings)
    entity = res.entities[m.entity_id]
    assert (entity.type, entity.kind) == (PER, None)
    assert res.extractions[0].mentions[0].type == PER


def test_resolver_unknown_judgement_ids_are_warnings(settings: Settings) -> None:
    m = mention("d1", "KGSt")
    res = resolve([doc("d1", m)], [Judgement(J.MERGE, m.entity_id, "e_0000000000000000")], settings)
    assert len(res.entities) == 1
    assert "unknown e_0000000000000000" in res.warnings[0]


def test_resolver_canonical_id_is_most_mentioned_member(settings: Settings) -> None:
    many = [mention(f"d{i}", "Dataport") for i in range(3)]
    one = mention("x", "Dataport AöR")
    res = resolve([doc("x", one), *(doc(m.article_id, m) for m in many)], [], settings)
    assert list(res.entities) == [eid(ORG, "Dataport")]
    assert res.mapping[one.entity_id] == eid(ORG, "Dataport")


def test_resolver_replay_is_deterministic_and_order_free(settings: Settings) -> None:
    docs = [
        doc("a", mention("a", "Bundesverband IT-Mittelstand"), mention("a", "BITMi", start=31)),
        doc("b", mention("b", "Stadt Tengen", MUNI), mention("b", "Marian Schreier", PER, start=20)),
        doc("c", mention("c", "Tengen", MUNI), mention("c", "Marian Schreiner", PER, start=20)),
    ]
    judgements = [Judgement(J.RENAME, eid(PER, "Marian Schreier"), value="M. Schreier")]
    first = resolve(docs, judgements, settings)
    second = resolve(list(reversed(docs)), judgements, settings)
    assert first.entities == second.entities
    assert first.candidates == second.candidates
    assert first.mapping == second.mapping


def test_resolver_keeps_input_and_all_other_fields(settings: Settings) -> None:
    m = mention("d1", "Stadt Tengen", MUNI)
    n = mention("d2", "Tengen", MUNI, ags="08335080")
    source = [doc("d1", m), doc("d2", n)]
    res = resolve(source, [], settings)
    assert source[0].mentions[0] is m  # the input is untouched
    out = res.extractions[0].mentions[0]
    assert (out.start, out.end, out.text, out.article_id) == (m.start, m.end, m.text, m.article_id)
    assert out.canonical == "Tengen" and out.entity_id == res.mapping[m.entity_id]


def test_resolver_rules_never_chain_municipalities_of_different_ags(settings: Settings) -> None:
    west = mention("a1", "Münster", MUNI, ags="05515000")
    loose = mention("a2", "Stadt Münster", MUNI, key="loose")
    genitive = mention("a3", "Münsters", MUNI, key="genitive")
    hessen = mention("a4", "Münster", MUNI, ags="06432015")
    res = resolve([doc(m.article_id, m) for m in (west, loose, genitive, hessen)], [], settings)
    assert res.mapping[west.entity_id] != res.mapping[hessen.entity_id]
    assert len(res.entities) == 4  # the unkeyed spellings are ambiguous: candidates, not merges
    proposed = {frozenset((c.left, c.right)) for c in res.candidates}
    assert frozenset((loose.entity_id, west.entity_id)) in proposed
    assert frozenset((loose.entity_id, hessen.entity_id)) in proposed


def test_resolver_curator_may_merge_different_ags(settings: Settings) -> None:
    a = mention("a1", "Altgemeinde", MUNI, ags="01000001")
    b = mention("a2", "Neugemeinde", MUNI, ags="01000002")
    res = resolve([doc("a1", a), doc("a2", b)], [Judgement(J.MERGE, a.entity_id, b.entity_id)], settings)
    assert len(res.entities) == 1


def test_resolver_keeps_coordinates_of_places_without_ags(settings: Settings) -> None:
    from dataclasses import replace

    tengen = replace(mention("d1", "Tengen", MUNI), lat=47.82, lon=8.66, land="Baden-Württemberg")
    result = resolve([doc("d1", tengen)], [], settings)
    (entity,) = result.entities.values()
    assert entity.ags is None
    assert (entity.lat, entity.lon, entity.land) == (47.82, 8.66, "Baden-Württemberg")


def test_resolver_merges_descriptor_legal_form_and_case_variants(settings: Settings) -> None:
    variants = ["Firma Prosoz Herten", "PROSOZ Herten", "Prosoz Herten GmbH", "Unternehmen Prosoz Herten"]
    docs = [doc(f"a{i}", mention(f"a{i}", name, kind=OrgKind.VENDOR)) for i, name in enumerate(variants)]
    res = resolve(docs, [], settings)
    assert len(res.entities) == 1


def test_resolver_keeps_actors_apart_that_share_only_a_descriptor(settings: Settings) -> None:
    names = ["Zweckverband KISA", "Zweckverband Civitec", "Firma Prosoz Herten", "Firma Prosoz Hamburg"]
    docs = [doc(f"a{i}", mention(f"a{i}", name, kind=OrgKind.VENDOR)) for i, name in enumerate(names)]
    res = resolve(docs, [], settings)
    assert len(res.entities) == 4


def test_resolver_two_registry_actors_side_by_side_are_no_candidate(settings: Settings) -> None:
    # "… KI Bundesverband, Bitkom …": the "follows" rule proposes the pair, but both are registry actors.
    from dataclasses import replace

    first = replace(mention("a1", "KI Bundesverband", kind=OrgKind.ASSOCIATION, start=0), actor_id="ki-bv")
    second = replace(mention("a1", "Bitkom", kind=OrgKind.ASSOCIATION, start=18), actor_id="bitkom")
    loose = mention("a2", "Verband Digitale Kommune", kind=OrgKind.ASSOCIATION, start=0)
    short = mention("a2", "Digiverband", kind=OrgKind.ASSOCIATION, start=26)
    res = resolve([doc("a1", first, second), doc("a2", loose, short)], [], settings)
    pairs = {frozenset((res.entities[c.left].name, res.entities[c.right].name)) for c in res.candidates}
    assert frozenset(("KI Bundesverband", "Bitkom")) not in pairs
    assert frozenset(("Verband Digitale Kommune", "Digiverband")) in pairs
