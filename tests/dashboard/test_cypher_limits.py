"""The Cypher console under the time limit: a clear message, and the page keeps working after it."""

from __future__ import annotations

import pytest

from graph.settings import Settings
from tests.dashboard.conftest import open_page

RUNAWAY = "MATCH p = (a)-[*]-(b) RETURN count(p)"


def test_cypher_console_shows_the_time_limit_and_keeps_working(fixture_home: Settings,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKG_QUERY_TIMEOUT_S", "1")
    at = open_page("cypher")
    at.text_area[0].set_value(RUNAWAY)
    at.button[0].click().run()
    assert not at.exception, at.exception
    message = at.error[0].value.replace("\\", "") if at.error else ""  # the page escapes Markdown
    assert "time limit of 1 s" in message and "query_timeout_s" in message and "LIMIT" in message, message
    assert any("E404" in c.value for c in at.caption)
    assert at.text_area[0].value == RUNAWAY, "the query stays in the editor to be narrowed"

    at.text_area[0].set_value("MATCH (e:Entity) RETURN e.id AS id ORDER BY id LIMIT 5")
    at.button[0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert len(at.dataframe[0].value) == 5

    at.switch_page("views/overview.py").run()
    assert not at.exception and not at.error
    assert {m.label: m.value for m in at.metric}["Actors"] == "13"
