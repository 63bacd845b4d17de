"""Who said what about whom (graph/extract/stance.py): speakers, targets, verb polarity, quote spans."""

from __future__ import annotations

from graph.extract.pipeline import ExtractionPipeline
from graph.extract.stance import load_verbs
from graph.model import DocumentExtraction, RelationType
from tests.graph.extract.conftest import article


def _said(doc: DocumentExtraction) -> list[tuple[str, str, str, str]]:
    return [(r.source_name, r.target_name, r.statement.verb, r.statement.polarity)
            for r in doc.relations if r.type is RelationType.SAID_ABOUT and r.statement]


def test_stance_polarity_comes_from_the_verb_only() -> None:
    verbs = load_verbs().polarity
    assert (verbs["kritisierte"], verbs["warnte"], verbs["begrüßte"], verbs["lobte"], verbs["sagte"],
            verbs["erklärte"]) == ("negative", "negative", "positive", "positive", "neutral", "neutral")


def test_stance_subject_before_the_verb_and_the_actors_spoken_about(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Der Deutsche Städtetag kritisierte die AKDB scharf. Anna Weber begrüßte die Pläne von Dataport."))
    assert _said(doc) == [("Deutscher Städtetag", "AKDB", "kritisierte", "negative"),
                          ("Anna Weber", "Dataport", "begrüßte", "positive")]


def test_stance_speaker_after_a_quote_and_so(geonames_pipeline: ExtractionPipeline) -> None:
    text = ("„Die AKDB muss schneller werden“, sagte Bürgermeister Marian Schreier. "
            "„Dataport liefert“, so Anna Weber.")
    doc = geonames_pipeline.extract(article(text))
    assert _said(doc) == [("Marian Schreier", "AKDB", "sagte", "neutral"), ("Anna Weber", "Dataport", "so", "neutral")]
    for r in doc.relations:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.sentence


def test_stance_quote_over_several_sentences_is_the_evidence(geonames_pipeline: ExtractionPipeline) -> None:
    text = ("Es gab Kritik. „Wir sind zufrieden. Die AKDB hat geliefert“, erklärte Anna Weber. Dann ging es weiter.")
    doc = geonames_pipeline.extract(article(text))
    (said,) = [r for r in doc.relations if r.type is RelationType.SAID_ABOUT]
    assert said.evidence.sentence == "„Wir sind zufrieden. Die AKDB hat geliefert“, erklärte Anna Weber."
    assert (said.source_name, said.target_name) == ("Anna Weber", "AKDB")


def test_stance_no_other_actor_leaves_the_target_empty_and_own_office_is_not_a_target(
        geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Marian Schreier, Bürgermeister der Stadt Tengen, betonte die Bedeutung der Landkreise."))
    said = [(r.source_name, r.target, r.target_name) for r in doc.relations if r.type is RelationType.SAID_ABOUT]
    assert said == [("Marian Schreier", "", "")]


def test_stance_pronouns_and_plain_sentences_give_nothing(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Er sagte, die AKDB sei schnell. Die AKDB betreibt Rechenzentren in Bayern. So geht es weiter."))
    assert _said(doc) == []


def test_stance_role_compounds_and_joint_speakers(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "„Die Nähe zählt“, sagte DATABUND-Vorsitzende Petra Hanisch. "
        "Gerd Wolters und Anna Weber forderten einen Zeitplan von Dataport."))
    assert _said(doc) == [("Petra Hanisch", "", "sagte", "neutral"),
                          ("Gerd Wolters", "Dataport", "forderten", "neutral"),
                          ("Anna Weber", "Dataport", "forderten", "neutral")]


def test_stance_the_speakers_apposition_is_not_what_they_speak_about(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Anna Weber, Leiterin des Bürgeramts der Stadt Münster, begrüßte die Pläne von Dataport."))
    assert _said(doc) == [("Anna Weber", "Dataport", "begrüßte", "positive")]
