"""Two-column word lists (office cues, speech verbs): rows, and the error that names the line to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import ExtractionError
from graph.extract.lexicon import read_pairs
from graph.extract.offices import CUE_KINDS, load_cues
from graph.extract.stance import load_verbs


def test_read_pairs_skips_comments_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "verbs.tsv"
    path.write_text("# verb\tpolarity\n\nlobte\tpositive\nsagte\tneutral\n", encoding="utf-8")
    assert read_pairs(path, ("positive", "neutral"), "verb, polarity") == [("lobte", "positive"),
                                                                           ("sagte", "neutral")]


def test_read_pairs_names_the_line_and_the_allowed_values(tmp_path: Path) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text("# cues\nneu\tnew\nehemalig former\n", encoding="utf-8")  # a space, not a tab
    with pytest.raises(ExtractionError) as err:
        read_pairs(path, CUE_KINDS, "word, cue kind")
    assert err.value.line == 3 and err.value.path == str(path)
    assert "unknown cue kind" in str(err.value) and "write: word<TAB>one of new, former" in str(err.value)


def test_shipped_cue_and_verb_lists_load() -> None:
    assert "ehemalige" in load_cues().former and load_verbs().polarity["kritisierte"] == "negative"
