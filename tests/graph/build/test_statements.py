"""Aggregation of statements (SAID_ABOUT / SAID_ON) and of office bounds over articles."""

from __future__ import annotations

from graph.build.cooccur import date_order
from graph.build.statements import statement_edges
from graph.build.typed import relation_edges, topic_id
from graph.model import (
    Article,
    DocumentExtraction,
    Evidence,
    OfficeDates,
    Relation,
    RelationType,
    Statement,
)

KNOWN = {"p_weber", "o_akdb", "o_dataport"}


def _article(aid: str, day: str, tags: tuple[str, ...] = ()) -> Article:
    return Article(id=aid, source="test", text="x" * 200, published=day, tags=tags)


def _said(aid: str, day: str, target: str, verb: str, polarity: str, start: int = 0) -> Relation:
    ev = Evidence(aid, f"Satz {verb}", start, start + 10, day, "rules@1.1")
    return Relation(RelationType.SAID_ABOUT, "p_weber", target, "Anna Weber", target, ev, None, 0.7, None,
                    Statement(verb, polarity))


def _role(aid: str, day: str, office: OfficeDates | None, person: str = "p_weber") -> Relation:
    ev = Evidence(aid, "Satz", 0, 4, day, "rules@1.1")
    return Relation(RelationType.HOLDS_ROLE, person, "o_akdb", person, "AKDB", ev, "Vorstand", 0.85, office)


def test_statement_edges_count_polarities_and_link_topics() -> None:
    arts = [_article("a1", "2023-01-01", ("OZG",)), _article("a2", "2024-01-01", ("OZG", "Cloud"))]
    docs = {
        "a1": DocumentExtraction("a1", relations=(_said("a1", "2023-01-01", "o_akdb", "kritisierte", "negative"),)),
        "a2": DocumentExtraction("a2", relations=(
            _said("a2", "2024-01-01", "o_akdb", "lobte", "positive"),
            _said("a2", "2024-01-01", "o_akdb", "sagte", "neutral"),  # the same quote: counted once
            _said("a2", "2024-01-01", "", "sagte", "neutral", start=50))),
    }
    edges = {(e.type, e.target): e.props for e in statement_edges(date_order(arts), docs, KNOWN, 5, topic_id)}
    akdb = edges[("SAID_ABOUT", "o_akdb")]
    assert (akdb["count"], akdb["articles"], akdb["positive"], akdb["negative"], akdb["neutral"]) == (2, 2, 1, 1, 0)
    assert akdb["polarity"] == "mixed"
    assert [q["verb"] for q in akdb["evidence"]] == ["lobte", "kritisierte"]  # newest first
    assert set(edges) == {("SAID_ABOUT", "o_akdb"), ("SAID_ON", topic_id("OZG")), ("SAID_ON", topic_id("Cloud"))}
    assert edges[("SAID_ON", topic_id("Cloud"))]["polarity"] == "neutral"


def test_statement_on_a_topic_its_sentence_names_links_only_that_topic() -> None:
    arts = [_article("a1", "2024-01-01", ("OZG", "Cloud", "Tengen"))]
    ev = Evidence("a1", "Die Cloud-Strategie ist richtig, die Cloud ist sicher, sagte Weber.", 0, 60,
                  "2024-01-01", "rules@1.1")
    rel = Relation(RelationType.SAID_ABOUT, "p_weber", "", "Anna Weber", "", ev, None, 0.7, None,
                   Statement("sagte", "neutral"))
    docs = {"a1": DocumentExtraction("a1", relations=(rel,))}
    edges = [(e.type, e.target) for e in statement_edges(date_order(arts), docs, KNOWN, 5, topic_id)]
    assert edges == [("SAID_ON", topic_id("Cloud"))]  # not OZG or Tengen, which the quote does not name


def test_office_bounds_fall_back_to_sightings_and_article_dates() -> None:
    arts = [_article("a1", "2020-05-01"), _article("a2", "2021-02-01"), _article("a3", "2023-07-01")]
    docs = {
        "a1": DocumentExtraction("a1", relations=(_role("a1", "2020-05-01", None),)),
        "a2": DocumentExtraction("a2", relations=(_role("a2", "2021-02-01", None),)),
        "a3": DocumentExtraction("a3", relations=(_role("a3", "2023-07-01", OfficeDates(ended=True,
                                                                                         cue="ehemalige")),)),
    }
    (edge,) = relation_edges(date_order(arts), docs, KNOWN, 5)
    p = edge.props
    assert (p["start_date"], p["start_precision"], p["end_date"], p["status"]) == (
        "2020-05-01", "day", "2023-07-01", "ended")
    assert (p["bounds"]["start"]["source"], p["bounds"]["start"]["article_id"]) == ("first_seen", "a1")
    assert (p["bounds"]["end"]["source"], p["bounds"]["end"]["cue"]) == ("article_date", "ehemalige")
    docs.pop("a3")
    (edge,) = relation_edges(date_order(arts[:2]), docs, KNOWN, 5)
    assert (edge.props["status"], edge.props.get("end_date")) == ("unknown", None)


def test_statement_and_office_edges_are_stated_or_corroborated_by_source_units() -> None:
    arts = [_article("a1", "2023-01-01", ("OZG",)), _article("a2", "2024-01-01", ("OZG",))]
    docs = {aid: DocumentExtraction(aid, relations=(_said(aid, day, "o_akdb", "lobte", "positive"),
                                                    _said(aid, day, "", "sagte", "neutral", start=50),
                                                    _role(aid, day, None)))
            for aid, day in (("a1", "2023-01-01"), ("a2", "2024-01-01"))}

    def levels(units: dict[str, int]) -> dict[tuple[str, str], tuple[str, int]]:
        edges = statement_edges(date_order(arts), docs, KNOWN, 5, topic_id, units)
        edges += relation_edges(date_order(arts), docs, KNOWN, 5, units)
        return {(e.type, e.target): (e.props["evidence_level"], e.props["independent_sources"]) for e in edges}

    keys = [("SAID_ABOUT", "o_akdb"), ("SAID_ON", topic_id("OZG")), ("HOLDS_ROLE", "o_akdb")]
    assert levels({"a1": 1, "a2": 1}) == dict.fromkeys(keys, ("stated", 1))  # one publisher: one source
    assert levels({"a1": 1, "a2": 2}) == dict.fromkeys(keys, ("corroborated", 2))  # two publishers
